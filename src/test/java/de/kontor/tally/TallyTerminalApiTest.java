package de.kontor.tally;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.base.db.InjectedConflicts;
import de.kontor.tally.TallyModel.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The FVH terminal API contract (docs/tally-terminal-api.md) over real HTTP, case by case. */
class TallyTerminalApiTest extends IntegrationTest {

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    TallyService tally;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    TallyProperties properties;

    String bookKey;
    String manageKey;
    long apiUserId;
    String apiUserName;

    record Res(int status, String body) {
        JsonNode json() {
            return HttpClientSupport.JSON.readTree(body);
        }

        String field(String name) {
            return json().get(name).asString();
        }
    }

    @BeforeEach
    void setUp() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        apiUserName = "Terminal " + System.nanoTime();
        apiUserId = tally.createApiUser(apiUserName);
        bookKey = tally.generateKey(apiUserId, Scope.BOOK).value();
        manageKey = tally.generateKey(apiUserId, Scope.MANAGE).value();
    }

    private static String code() {
        return String.format("%010d", ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    /** A person with a balance and an NFC token; returns {code, base64 token}. */
    private String[] person(String first, String last, long balance) {
        String code = code();
        long id = tally.createPerson(code, last, first, null).id();
        if (balance != 0) {
            tally.addBooking(id, balance, "Einzahlung");
        }
        byte[] token = new byte[7];
        ThreadLocalRandom.current().nextBytes(token);
        tally.addToken(id, "Karte", HexFormat.ofDelimiter(":").formatHex(token));
        return new String[] {code, Base64.getEncoder().encodeToString(token), Long.toString(id)};
    }

    private Res call(String method, String path, String key, String body, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/tally" + path));
            if (key != null) {
                b.header("X-API-Key", key);
            }
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            b.method(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 204) {
                assertThat(r.headers().firstValue("Content-Type").orElse(""))
                        .as(path)
                        .startsWith("application/json");
            }
            return new Res(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        return HttpClientSupport.JSON.writeValueAsString(body);
    }

    @Test
    void healthAndKeys() {
        Res health = call("GET", "/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.field("message")).isEqualTo("Healthcheck OK!");

        Res missing = call("GET", "/health-protected", null, null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.field("message")).isEqualTo("API-Schlüssel fehlt!");
        Res unknown = call("GET", "/health-protected", "tly_nope", null);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.field("message")).isEqualTo("Ungültiger API-Schlüssel!");
        // checked before the body is read
        Res unknownPut = call("PUT", "/nfc-transaktion", "tly_nope", "{not json");
        assertThat(unknownPut.status()).isEqualTo(401);

        Res ok = call("GET", "/health-protected", bookKey, null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.field("message"))
                .isEqualTo(
                        "Healthcheck OK! Authentifizierter API-Benutzer ID " + apiUserId + " (" + apiUserName + ").");
        assertThat(call("GET", "/version", bookKey, null).field("version")).isNotBlank();
        assertThat(jdbc.queryForList(
                        "select key_hash from tally_api_key where api_user_id = ?", String.class, apiUserId))
                .doesNotContain(bookKey)
                .allMatch(h -> h.length() == 64);
    }

    @Test
    void lookups() {
        String[] anna = person("Anna", "Aaberg" + System.nanoTime(), 5);
        Res person = call("GET", "/person/" + anna[0], bookKey, null);
        assertThat(person.status()).isEqualTo(200);
        assertThat(person.field("vorname")).isEqualTo("Anna");
        assertThat(person.field("saldo")).isEqualTo("5");
        assertThat(person.json().get("saldo").isString()).isTrue();
        assertThat(call("GET", "/person/existent/" + anna[0], bookKey, null)
                        .json()
                        .has("saldo"))
                .isFalse();
        Res none = call("GET", "/person/0000000000", bookKey, null);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.field("error")).isEqualTo("Person nicht gefunden.");
        assertThat(call("GET", "/person/existent/0000000000", bookKey, null).field("error"))
                .isEqualTo("Person nicht gefunden.");

        String zeroCode = code();
        tally.createPerson(zeroCode, "Zero" + System.nanoTime(), "Zoe", null);
        JsonNode all = call("GET", "/saldo-alle", bookKey, null).json();
        List<Long> balances = new ArrayList<>();
        boolean zeroFound = false;
        for (JsonNode p : all) {
            assertThat(p.get("id").isIntegralNumber()).isTrue();
            assertThat(p.get("saldo").isString()).isTrue();
            balances.add(Long.parseLong(p.get("saldo").asString()));
            if (p.get("vorname").asString().equals("Zoe")) {
                zeroFound = true;
                assertThat(p.get("saldo").asString()).isEqualTo("0");
            }
        }
        assertThat(zeroFound).isTrue();
        assertThat(balances).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        JsonNode users = call("GET", "/users", bookKey, null).json();
        List<String> names = new ArrayList<>();
        users.forEach(u ->
                names.add(u.get("nachname").asString() + "," + u.get("vorname").asString()));
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER::compare);
        assertThat(users.get(0).has("code")).isTrue();
    }

    @Test
    void nfcBookingInTheContractsOrder() {
        String[] ben = person("Ben", "Berg", 2);
        Res missing = call("PUT", "/nfc-transaktion", bookKey, json(Map.of("token", ben[1])));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.field("error")).isEqualTo("Ungültige Anfrage. Token und Beschreibung sind erforderlich.");

        Res unknown =
                call("PUT", "/nfc-transaktion", bookKey, json(Map.of("token", "AAECAw==", "beschreibung", "Theke")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.field("error"))
                .isEqualTo(
                        "Dieser Token wurde noch nicht registriert. Die Verantwortlichen wurden per E-Mail informiert.");
        assertThat(call("PUT", "/nfc-transaktion", bookKey, json(Map.of("token", "%%%", "beschreibung", "Theke")))
                        .status())
                .isEqualTo(404);

        Res first = call("PUT", "/nfc-transaktion", bookKey, json(Map.of("token", ben[1], "beschreibung", "Theke")));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.field("message")).isEqualTo("Prost Ben! Dein aktueller Kontostand beträgt: 1 €.");
        assertThat(first.field("saldo")).isEqualTo("1");
        assertThat(call("PUT", "/nfc-transaktion", bookKey, json(Map.of("token", ben[1], "beschreibung", "Theke")))
                        .field("saldo"))
                .isEqualTo("0");

        Res blocked = call("PUT", "/nfc-transaktion", bookKey, json(Map.of("token", ben[1], "beschreibung", "Theke")));
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(blocked.field("action")).isEqualTo("block");
        assertThat(blocked.field("message"))
                .isEqualTo(
                        "Hey Ben, dein Guthaben beträgt 0 € und unterschreitet das Limit. Bitte lade dein Konto wieder auf.");
        assertThat(tally.person(ben[0]).orElseThrow().balance()).isZero();
        assertThat(jdbc.queryForObject(
                        "select last_used_at is not null from tally_token where person_id = ?",
                        Boolean.class,
                        Long.parseLong(ben[2])))
                .isTrue();

        jdbc.update("update tally_person set locked = true where code = ?", ben[0]);
        Res locked = call("PUT", "/nfc-transaktion", bookKey, json(Map.of("token", ben[1], "beschreibung", "Theke")));
        assertThat(locked.status()).isEqualTo(403);
        assertThat(locked.field("error"))
                .isEqualTo("Grüße Ben, leider ist dein Benutzer gesperrt. Bitte wende dich an einen Verantwortlichen!");

        assertThat(call("PUT", "/nfc-transaktion", bookKey, "token=x").status()).isEqualTo(400);
        try {
            HttpResponse<String> plain = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/api/tally/nfc-transaktion"))
                            .header("X-API-Key", bookKey)
                            .header("Content-Type", "text/plain")
                            .PUT(HttpRequest.BodyPublishers.ofString("x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(415);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anInvalidBookingAmountIsExplained() {
        String[] cleo = person("Cleo", "Clausen", 3);
        // a value the settings form refuses, as an old database or a hand edit might hold it
        jdbc.update("update tally_settings set booking_amount = 0 where id = 1");
        tally.forgetCachedSettings();
        try {
            Res r = call("PUT", "/nfc-transaktion", bookKey, json(Map.of("token", cleo[1], "beschreibung", "Theke")));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.field("error")).contains("Buchungsbetrag 0").contains("negative ganze Zahl");
        } finally {
            jdbc.update("update tally_settings set booking_amount = -1 where id = 1");
            tally.forgetCachedSettings();
        }
    }

    @Test
    void qrBookingMayGoBelowZero() {
        String[] dora = person("Dora", "Dahl", 0);
        Res booked =
                call("PUT", "/person/" + dora[0] + "/transaktion", bookKey, json(Map.of("beschreibung", "QR Theke")));
        assertThat(booked.status()).isEqualTo(200);
        assertThat(booked.field("message")).isEqualTo("Prost Dora! Dein aktueller Kontostand beträgt: -1 €.");
        assertThat(booked.field("saldo")).isEqualTo("-1");
        assertThat(booked.field("vorname")).isEqualTo("Dora");

        Res missing = call("PUT", "/person/" + dora[0] + "/transaktion", bookKey, json(Map.of()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.field("error")).isEqualTo("Ungültige Anfrage. Beschreibung ist erforderlich.");
        Res unknown = call("PUT", "/person/0000000001/transaktion", bookKey, json(Map.of("beschreibung", "x")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.field("error")).isEqualTo("Person mit Code 0000000001 nicht gefunden.");

        jdbc.update("update tally_person set locked = true where code = ?", dora[0]);
        Res locked = call("PUT", "/person/" + dora[0] + "/transaktion", bookKey, json(Map.of("beschreibung", "x")));
        assertThat(locked.status()).isEqualTo(200);
        assertThat(locked.field("action")).isEqualTo("locked");
        assertThat(locked.field("message"))
                .isEqualTo(
                        "Grüße Dora, leider ist dein Benutzer gesperrt. Bitte melde dich bei einem Verantwortlichen.");
    }

    @Test
    void entriesAreListedNewestFirstWithRfc1123Times() {
        String[] emil = person("Emil", "Ernst", 4);
        call("PUT", "/nfc-transaktion", bookKey, json(Map.of("token", emil[1], "beschreibung", "Terminal Küche")));
        JsonNode list = call("GET", "/transaktionen", bookKey, null).json();
        JsonNode newest = list.get(0);
        assertThat(newest.get("beschreibung").asString()).isEqualTo("Terminal Küche");
        assertThat(newest.get("vorname").asString()).isEqualTo("Emil");
        assertThat(newest.get("timestamp").asString())
                .matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(newest.get("id").isIntegralNumber()).isTrue();
    }

    @Test
    void retriesWithAnIdempotencyKeyBookOnce() {
        String[] finn = person("Finn", "Fuchs", 5);
        String body = json(Map.of("token", finn[1], "beschreibung", "Theke"));
        Res first = call("PUT", "/nfc-transaktion", bookKey, body, "Idempotency-Key", "retry-" + finn[0]);
        Res again = call("PUT", "/nfc-transaktion", bookKey, body, "Idempotency-Key", "retry-" + finn[0]);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(tally.person(finn[0]).orElseThrow().balance()).isEqualTo(4);
        call("PUT", "/nfc-transaktion", bookKey, body, "Idempotency-Key", "retry2-" + finn[0]);
        assertThat(tally.person(finn[0]).orElseThrow().balance()).isEqualTo(3);
    }

    @Test
    void aBookingWithAnIdempotencyKeyThatLosesAConflictIsRunAgainAndBookedOnce() {
        String[] gina = person("Gina", "Groß", 5);
        String description = "Theke " + gina[0];
        String body = json(Map.of("token", gina[1], "beschreibung", description));
        try (InjectedConflicts conflict = InjectedConflicts.once(
                jdbcClient, "insert", "tally_entry", "NEW.description = '" + description + "'")) {
            Res booked = call("PUT", "/nfc-transaktion", bookKey, body, "Idempotency-Key", "conflict-" + gina[0]);

            assertThat(booked.status()).as(booked.body()).isEqualTo(200);
            assertThat(booked.field("saldo")).isEqualTo("4");
            assertThat(conflict.attempts()).as("lost once, then booked").isEqualTo(2);
        }
        assertThat(tally.person(gina[0]).orElseThrow().balance()).isEqualTo(4);
        assertThat(jdbc.queryForObject(
                        "select count(*) from tally_entry where description = ?", Integer.class, description))
                .isOne();
    }

    @Test
    void whenConflictsDoNotStopTheTerminalGetsTheContractsBookingErrorAndNothingIsBooked() {
        String[] hugo = person("Hugo", "Hahn", 5);
        String description = "Theke " + hugo[0];
        String body = json(Map.of("token", hugo[1], "beschreibung", description));
        try (InjectedConflicts conflict = InjectedConflicts.always(
                jdbcClient, "insert", "tally_entry", "NEW.description = '" + description + "'")) {
            Res failed = call("PUT", "/nfc-transaktion", bookKey, body, "Idempotency-Key", "conflicts-" + hugo[0]);

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.field("error")).isEqualTo("Fehler bei der Transaktionsverarbeitung.");
            assertThat(conflict.attempts()).isGreaterThan(1);
        }
        assertThat(tally.person(hugo[0]).orElseThrow().balance()).isEqualTo(5);
        // nothing was kept of the key either: the terminal's repeat is booked
        Res repeat = call("PUT", "/nfc-transaktion", bookKey, body, "Idempotency-Key", "conflicts-" + hugo[0]);
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
        assertThat(tally.person(hugo[0]).orElseThrow().balance()).isEqualTo(4);
    }

    @Test
    void anIdempotencyKeyOfMoreThan200CharactersIsRefusedNotCut() {
        String[] ida = person("Ida", "Iske", 5);
        String body = json(Map.of("token", ida[1], "beschreibung", "Theke"));
        String longKey = "k".repeat(201);
        Res refused = call("PUT", "/nfc-transaktion", bookKey, body, "Idempotency-Key", longKey);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field("code")).isEqualTo("IDEMPOTENCY_KEY_TOO_LONG");
        assertThat(refused.field("error")).contains("200");
        assertThat(tally.person(ida[0]).orElseThrow().balance())
                .as("nothing booked")
                .isEqualTo(5);

        // a key of exactly 200 characters is taken, and compared exactly
        String prefix = "p".repeat(199) + ida[0].charAt(9);
        assertThat(call("PUT", "/nfc-transaktion", bookKey, body, "Idempotency-Key", prefix)
                        .status())
                .isEqualTo(200);
        assertThat(call("PUT", "/nfc-transaktion", bookKey, body, "Idempotency-Key", prefix.toUpperCase())
                        .field("saldo"))
                .as("keys differing only in case are different keys")
                .isEqualTo("3");
    }

    @Test
    void theSameIdempotencyKeyWithAnotherRequestIsRefused() {
        String[] jan = person("Jan", "Jost", 5);
        String[] kim = person("Kim", "Kraus", 5);
        String key = "reuse-" + jan[0];
        String body = json(Map.of("token", jan[1], "beschreibung", "Theke"));
        Res first = call("PUT", "/nfc-transaktion", bookKey, body, "Idempotency-Key", key);
        assertThat(first.field("saldo")).isEqualTo("4");

        Res otherBody = call(
                "PUT",
                "/nfc-transaktion",
                bookKey,
                json(Map.of("token", kim[1], "beschreibung", "Theke")),
                "Idempotency-Key",
                key);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.field("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(otherBody.json().has("error")).isTrue();
        Res otherPath = call(
                "PUT",
                "/person/" + jan[0] + "/transaktion",
                bookKey,
                json(Map.of("beschreibung", "Theke")),
                "Idempotency-Key",
                key);
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(tally.person(kim[0]).orElseThrow().balance())
                .as("nothing booked")
                .isEqualTo(5);
        assertThat(tally.person(jan[0]).orElseThrow().balance()).isEqualTo(4);

        // the same request, its fields in another order, is the same request: replayed, not booked again
        String reordered = "{\"beschreibung\":\"Theke\",\"token\":\"" + jan[1] + "\"}";
        Res replay = call("PUT", "/nfc-transaktion", bookKey, reordered, "Idempotency-Key", key);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(tally.person(jan[0]).orElseThrow().balance()).isEqualTo(4);
    }

    @Test
    void aBookingAmountBeyondTheLargestAllowedIsExplainedAndNotBooked() {
        String[] lars = person("Lars", "Lang", 100_000);
        jdbc.update("update tally_settings set booking_amount = -100001 where id = 1");
        tally.forgetCachedSettings();
        try {
            Res nfc = call("PUT", "/nfc-transaktion", bookKey, json(Map.of("token", lars[1], "beschreibung", "Theke")));
            assertThat(nfc.status()).isEqualTo(400);
            assertThat(nfc.field("error")).contains("Buchungsbetrag -100001").contains("-100000");
            Res qr = call("PUT", "/person/" + lars[0] + "/transaktion", bookKey, json(Map.of("beschreibung", "QR")));
            assertThat(qr.status()).isEqualTo(400);
            assertThat(qr.field("error")).contains("Buchungsbetrag -100001");
            assertThat(tally.person(lars[0]).orElseThrow().balance()).isEqualTo(100_000);
        } finally {
            jdbc.update("update tally_settings set booking_amount = -1 where id = 1");
            tally.forgetCachedSettings();
        }
    }

    @Test
    void aBalanceThatWouldOverflowIsRefusedInTheContractsErrorShape() {
        String[] mia = person("Mia", "Moll", 0);
        long id = Long.parseLong(mia[2]);
        // a balance no bounded booking could reach, as an old database might hold it
        jdbc.update("update tally_person set balance = ? where id = ?", Long.MIN_VALUE, id);
        try {
            Res qr = call("PUT", "/person/" + mia[0] + "/transaktion", bookKey, json(Map.of("beschreibung", "QR")));
            assertThat(qr.status()).isEqualTo(400);
            assertThat(qr.field("code")).isEqualTo("BALANCE_OUT_OF_RANGE");
            assertThat(qr.field("error")).contains("Kontostand");
            Res nfc = call("PUT", "/nfc-transaktion", bookKey, json(Map.of("token", mia[1], "beschreibung", "Theke")));
            assertThat(nfc.status()).isEqualTo(200);
            assertThat(nfc.field("action")).isEqualTo("block");
            assertThat(tally.ledgerCount(id)).isZero();
        } finally {
            jdbc.update("update tally_person set balance = 0 where id = ?", id);
        }
    }

    @Test
    void byDefaultTheTerminalApiIsServedOnlyUnderItsBasePath() throws Exception {
        assertThat(properties.api().atRoot()).as("the shipped default").isFalse();
        assertThat(properties.api().basePath()).isEqualTo("/api/tally");
        String[] nora = person("Nora", "Nies", 3);
        HttpResponse<String> health = CLIENT.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).doesNotContain("Healthcheck");
        HttpResponse<String> users = CLIENT.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/users"))
                        .header("X-API-Key", bookKey)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(users.body()).doesNotContain("\"nachname\"");
        HttpResponse<String> booking = CLIENT.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/nfc-transaktion"))
                        .header("X-API-Key", bookKey)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json(Map.of("token", nora[1], "beschreibung", "x"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(booking.body()).doesNotContain("Prost");
        assertThat(tally.person(nora[0]).orElseThrow().balance()).isEqualTo(3);
        assertThat(call("GET", "/health", null, null).field("message")).isEqualTo("Healthcheck OK!");
    }

    @Test
    void sixtyFourConcurrentNfcBookingsOnBalanceTenBookExactlyTen() throws Exception {
        String[] gina = person("Gina", "Graf", 10);
        String body = json(Map.of("token", gina[1], "beschreibung", "Theke"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Res>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(() -> call("PUT", "/nfc-transaktion", bookKey, body));
            }
            int booked = 0;
            int blocked = 0;
            for (Future<Res> f : pool.invokeAll(calls)) {
                Res r = f.get();
                assertThat(r.status()).isEqualTo(200);
                if (r.json().has("saldo")) {
                    booked++;
                } else if ("block".equals(r.field("action"))) {
                    blocked++;
                }
            }
            assertThat(booked).isEqualTo(10);
            assertThat(blocked).isEqualTo(54);
        } finally {
            pool.shutdown();
        }
        long id = Long.parseLong(gina[2]);
        assertThat(tally.person(gina[0]).orElseThrow().balance()).isZero();
        assertThat(jdbc.queryForObject(
                        "select sum(amount) from tally_entry where person_id = ? and reset_id is null", Long.class, id))
                .isZero();
    }

    @Test
    void managementNeedsTheManageScopeAndArchivesInsteadOfDeleting() {
        String code = code();
        String create = json(Map.of("code", code, "nachname", "Hahn", "vorname", "Hanna"));
        Res forbidden = call("POST", "/person", bookKey, create);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.field("error")).contains("manage");
        assertThat(call("DELETE", "/transaktionen", bookKey, null).status()).isEqualTo(403);

        Res incomplete = call("POST", "/person", manageKey, json(Map.of("code", code, "nachname", "Hahn")));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.field("error"))
                .isEqualTo("Ungültige oder unvollständige Daten. Code, Nachname, Vorname sind erforderlich.");
        Res badCode =
                call("POST", "/person", manageKey, json(Map.of("code", "12345", "nachname", "Hahn", "vorname", "H")));
        assertThat(badCode.field("error")).isEqualTo("Der Code muss ein 10-stelliger Zahlencode sein.");
        Res blank = call("POST", "/person", manageKey, json(Map.of("code", code, "nachname", " ", "vorname", "H")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.field("error")).isEqualTo("Vorname und Nachname dürfen nicht leer sein.");

        Res created = call(
                "POST",
                "/person",
                manageKey,
                json(Map.of("code", code, "nachname", "Hahn", "vorname", "Hanna", "password", "Hanna-Pass-2026")));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.field("message")).isEqualTo("Person mit Code " + code + " erfolgreich hinzugefügt.");
        assertThat(jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, code))
                .doesNotContain("Hanna-Pass-2026")
                .startsWith("{");
        assertThat(call("POST", "/person", manageKey, create).status()).isEqualTo(409);

        call("PUT", "/person/" + code + "/transaktion", bookKey, json(Map.of("beschreibung", "QR")));
        Res reset = call("DELETE", "/person/transaktionen/" + code, manageKey, null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.field("message")).isEqualTo("Transaktionen erfolgreich gelöscht.");
        assertThat(tally.person(code).orElseThrow().balance()).isZero();
        long resetId = jdbc.queryForObject("select max(id) from tally_reset", Long.class);
        tally.restoreReset(resetId);
        assertThat(tally.person(code).orElseThrow().balance()).as("restored").isEqualTo(-1);
        Res resetUnknown = call("DELETE", "/person/transaktionen/0000000002", manageKey, null);
        assertThat(resetUnknown.status()).isEqualTo(404);
        assertThat(resetUnknown.field("error")).isEqualTo("Person mit diesem Code nicht gefunden.");

        Res deleted = call("DELETE", "/person/" + code, manageKey, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.field("message")).isEqualTo("Person mit Code " + code + " erfolgreich gelöscht.");
        assertThat(call("GET", "/person/" + code, bookKey, null).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject(
                        "select count(*) from tally_entry e join tally_person p on p.id = e.person_id "
                                + "where p.code = ?",
                        Integer.class,
                        code))
                .as("ledger kept")
                .isEqualTo(1);
        assertThat(call("DELETE", "/person/" + code, manageKey, null).status()).isEqualTo(404);

        Res all = call("DELETE", "/transaktionen", manageKey, null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.field("message")).isEqualTo("Alle Transaktionen wurden gelöscht.");
        assertThat(call("GET", "/transaktionen", bookKey, null).json().size()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from tally_entry", Integer.class))
                .as("archived, not destroyed")
                .isPositive();
    }
}
