package de.kontor.base.db;

import de.kontor.Application;
import de.kontor.TestDataDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded mariadbd is killed under a running Kontor (its own context and data directory, so the shared
 * test context is not disturbed): every client gets its answer before the terminal client's 10 s timeout
 * (API 503 problem+json, terminal API as its contract says, health DOWN, login form "database unavailable"),
 * the supervisor starts the server again with back-off, the pool recovers, bookings work again without a
 * restart of Kontor, and every booking that was acknowledged is in the ledger.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

    /** The FVH terminal client's timeout: Kontor must answer before it gives up. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

    private static final String ADMIN_PASSWORD = "Outage-Test-Passw0rd";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecurityContextHolderStrategy sharedStrategy = SecurityContextHolder.getContextHolderStrategy();

    @AfterEach
    void restoreSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    private record Answer(int status, String body, String contentType, String location, String retryAfter) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final class Client {
        private final String baseUrl;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CLIENT_TIMEOUT)
                .build();

        Client(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        Answer send(String method, String path, Map<String, String> headers, String body) {
            return send(method, path, headers, body, CLIENT_TIMEOUT);
        }

        /** The answer; a request that gets none within {@code timeout} fails the test. */
        Answer send(String method, String path, Map<String, String> headers, String body, Duration timeout) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(timeout)
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(
                        response.statusCode(),
                        response.body(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.headers().firstValue("Location").orElse(""),
                        response.headers().firstValue("Retry-After").orElse(""));
            } catch (HttpTimeoutException e) {
                throw new AssertionError(method + " " + path + " got no answer within " + timeout, e);
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Answer get(String path, Map<String, String> headers) {
            return send("GET", path, headers, null);
        }

        Answer json(String method, String path, Map<String, String> headers, Object body) {
            Map<String, String> all = new HashMap<>(headers);
            all.put("Content-Type", "application/json");
            return send(method, path, all, JSON.writeValueAsString(body));
        }

        /** The login form as a browser submits it: with the CSRF token of the login page. */
        Answer login(String username, String password) {
            String page = get("/login", Map.of()).body();
            Matcher parameter = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"")
                    .matcher(page);
            Matcher token =
                    Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
            assertThat(parameter.find() && token.find())
                    .as("CSRF token on the login page")
                    .isTrue();
            return form(
                    "/login", Map.of("username", username, "password", password, parameter.group(1), token.group(1)));
        }

        Answer form(String path, Map<String, String> fields) {
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"), body.toString());
        }
    }

    /** A terminal booking by QR code every few milliseconds, each with its own description. */
    private static final class Terminal {
        private final Client client;
        private final String key;
        private final String code;
        private final AtomicInteger counter = new AtomicInteger();
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final ConcurrentLinkedQueue<Answer> failures = new ConcurrentLinkedQueue<>();
        private final AtomicReference<Throwable> broken = new AtomicReference<>();
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

        Terminal(Client client, String key, String code) {
            this.client = client;
            this.key = key;
            this.code = code;
        }

        void start() {
            scheduler.scheduleWithFixedDelay(this::bookOnce, 0, 20, TimeUnit.MILLISECONDS);
        }

        private void bookOnce() {
            String description = "outage-" + counter.incrementAndGet();
            try {
                Answer answer = book(client, key, code, description);
                if (answer.status() / 100 == 2) {
                    acknowledged.add(description);
                } else {
                    failures.add(answer);
                }
            } catch (Throwable e) {
                broken.compareAndSet(null, e);
            }
        }

        void stop() throws InterruptedException {
            scheduler.shutdown();
            assertThat(scheduler.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Answer book(Client client, String key, String code, String description) {
        return client.json(
                "PUT",
                "/api/tally/person/" + code + "/transaktion",
                Map.of("X-API-Key", key),
                Map.of("beschreibung", description));
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--kontor.data-dir=" + dataDir,
                        "--server.port=0",
                        "--kontor.admin.password=" + ADMIN_PASSWORD,
                        "--kontor.db.early-start=true",
                        // Quartz keeps data sources in a JVM-wide registry by scheduler name: a second
                        // context under the shared one's name would leave it a closed pool when it stops.
                        "--spring.quartz.properties.org.quartz.scheduler.instanceName=kontor-outage-test",
                        "--kontor.db.restart.initial-delay=2s",
                        "--kontor.db.restart.max-delay=4s");
    }

    @Test
    void killedServerIsAnsweredFastRestartedAndNoAcknowledgedBookingIsLost(CapturedOutput output) throws Exception {
        Path dir = TestDataDir.create("outage");
        try (var context = start(dir)) {
            Client client = new Client(
                    "http://127.0.0.1" + ":" + context.getEnvironment().getProperty("local.server.port"));
            String token = client.json(
                            "POST",
                            "/api/auth/token",
                            Map.of(),
                            Map.of("username", "admin", "password", ADMIN_PASSWORD))
                    .json()
                    .get("token")
                    .asString();
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
            long apiUser = client.json("POST", "/api/admin/tally/api-users", bearer, Map.of("name", "Outage terminal"))
                    .json()
                    .get("id")
                    .asLong();
            String key = client.json(
                            "POST",
                            "/api/admin/tally/api-users/" + apiUser + "/keys",
                            bearer,
                            Map.of("scope", "manage"))
                    .json()
                    .get("value")
                    .asString();
            String code = "4711000042";
            assertThat(client.json(
                                    "POST",
                                    "/api/tally/person",
                                    Map.of("X-API-Key", key),
                                    Map.of("code", code, "nachname", "Ausfall", "vorname", "Olga"))
                            .status())
                    .isEqualTo(200);
            Terminal terminal = new Terminal(client, key, code);
            terminal.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> terminal.acknowledged.size() >= 5);

            EmbeddedMariaDb db = context.getBean(EmbeddedMariaDb.class);
            ProcessHandle server = db.process().orElseThrow();
            server.destroyForcibly();
            server.onExit().get(30, TimeUnit.SECONDS);
            // The port stays taken while the checks run: the first restarts fail, and connection attempts
            // meet a socket that never answers, as with a hanging server.
            try (ServerSocket blocker = new ServerSocket()) {
                blocker.setReuseAddress(true);
                blocker.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), db.port()), 50);

                Answer customers = client.get("/api/customers", bearer);
                assertThat(customers.status()).isEqualTo(503);
                assertThat(customers.contentType()).startsWith("application/problem+json");
                assertThat(customers.json().get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(customers.retryAfter()).isNotBlank();

                // Monitoring learns of the outage within 5 s.
                Answer health = client.send("GET", "/actuator/health", Map.of(), null, Duration.ofSeconds(5));
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
                assertThat(health.json().at("/components/db/status").asString()).isEqualTo("DOWN");
                assertThat(health.json().at("/components/db/description").asString())
                        .contains("cannot be reached");

                Answer terminalHealth = client.get("/api/tally/health-protected", Map.of("X-API-Key", key));
                assertThat(terminalHealth.status()).isEqualTo(500);
                assertThat(terminalHealth.json().get("error").asString())
                        .isEqualTo("Datenbankverbindung fehlgeschlagen.");
                Answer booking = book(client, key, code, "during-the-outage");
                assertThat(booking.status()).isEqualTo(500);
                assertThat(booking.json().get("error").asString())
                        .isEqualTo("Fehler bei der Transaktionsverarbeitung.");

                // More attempts than the login lock allows: none of them counts as a failure.
                for (int i = 0; i < 6; i++) {
                    Answer tokenAttempt = client.json(
                            "POST", "/api/auth/token", Map.of(), Map.of("username", "admin", "password", "wrong-" + i));
                    assertThat(tokenAttempt.status()).isEqualTo(503);
                    assertThat(tokenAttempt.json().get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
                }
                assertThat(new Client(client.baseUrl)
                                .login("admin", ADMIN_PASSWORD)
                                .location())
                        .endsWith("/login?unavailable");

                await().atMost(Duration.ofSeconds(60))
                        .until(() -> output.getAll().contains("Starting the embedded MariaDB again failed"));
            }

            await().atMost(Duration.ofMinutes(2))
                    .until(() -> client.get("/actuator/health", Map.of()).status() == 200);
            assertThat(db.restarts()).isEqualTo(1);
            assertThat(db.process()).get().extracting(ProcessHandle::pid).isNotEqualTo(server.pid());
            assertThat(output.getAll())
                    .contains("ended unexpectedly")
                    .contains("runs again")
                    .doesNotContain("An internal error occurred while trying to authenticate");

            Answer afterwards = book(client, key, code, "after-the-outage");
            assertThat(afterwards.status()).isEqualTo(200);
            assertThat(afterwards.json().get("message").asString()).startsWith("Prost Olga!");
            assertThat(client.get("/api/customers", bearer).status()).isEqualTo(200);
            assertThat(new Client(client.baseUrl).login("admin", ADMIN_PASSWORD).location())
                    .as("the attempts during the outage did not lock the account")
                    .doesNotContain("login");

            int acknowledgedBefore = terminal.acknowledged.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> terminal.acknowledged.size() > acknowledgedBefore);
            terminal.stop();
            assertThat(terminal.broken.get())
                    .as("every terminal request was answered in time")
                    .isNull();
            assertThat(terminal.failures).isNotEmpty().allSatisfy(failure -> {
                assertThat(failure.status()).isEqualTo(500);
                assertThat(failure.json().get("error").asString())
                        .isEqualTo("Fehler bei der Transaktionsverarbeitung.");
            });

            Set<String> ledger = new HashSet<>();
            for (JsonNode entry : client.get("/api/tally/transaktionen", Map.of("X-API-Key", key))
                    .json()) {
                ledger.add(entry.get("beschreibung").asString());
            }
            List<String> lost = new ArrayList<>(terminal.acknowledged);
            lost.removeAll(ledger);
            assertThat(lost).as("acknowledged bookings missing from the ledger").isEmpty();
            assertThat(ledger).contains("after-the-outage").doesNotContain("during-the-outage");
        }
    }
}
