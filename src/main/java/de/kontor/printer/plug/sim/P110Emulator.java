package de.kontor.printer.plug.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.kontor.printer.plug.Klap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.BadPaddingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One emulated Tapo P110 on a loopback port, speaking KLAP v2 like firmware 1.3.x (see
 * {@code docs/printer-plugs.md}): handshake1/2 with the account's hash, one session at a time (a new
 * handshake replaces the old session), session expiry after {@code TIMEOUT}, strictly increasing sequence
 * numbers, signed and encrypted answers. The relay switches a simulated load whose power is integrated
 * over the injectable clock into today's and this month's energy. Faults can be injected: no third-party
 * access (403 at handshake1), a device bound to another account, delays, a forced 403 or 500, expiry.
 */
public final class P110Emulator implements AutoCloseable {

    /** Which account the device's handshake hash is computed from. */
    public enum Binding {
        USER,
        TAPO_SETUP_ACCOUNT,
        BLANK,
        OTHER_ACCOUNT
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Clock clock;
    private final Random random;
    private final String username;
    private final String password;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    // device state, guarded by this
    private String nickname;
    private boolean on;
    private Instant onSince;
    private Instant measuredAt;
    private double loadWatts;
    private double energyTodayWh;
    private double energyMonthWh;
    private long runtimeTodaySeconds;
    private boolean overheated;
    private boolean overloaded;

    // protocol state and options, guarded by this
    private @Nullable Pending pending;
    private @Nullable Established session;
    private Binding binding = Binding.USER;
    private boolean thirdPartyCompatibility = true;
    private long timeoutSeconds = 86_400;
    private Duration delay = Duration.ZERO;
    private boolean forbidNextRequest;
    private boolean failNextRequest;

    private record Pending(String cookie, byte[] localSeed, byte[] remoteSeed, byte[] deviceAuthHash) {}

    private record Established(String cookie, Klap.Session keys, Instant createdAt, int[] lastSeq) {}

    /** An emulated plug for the given Tapo account on a free loopback port. */
    public static P110Emulator start(
            String username, String password, String nickname, Clock clock, ExecutorService executor, long seed) {
        return start(username, password, nickname, clock, executor, seed, 0);
    }

    /** An emulated plug on the given loopback port (0: a free one). */
    public static P110Emulator start(
            String username,
            String password,
            String nickname,
            Clock clock,
            ExecutorService executor,
            long seed,
            int port) {
        try {
            return new P110Emulator(username, password, nickname, clock, executor, seed, port);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot start the P110 emulator on port " + port + ": " + e.getMessage(), e);
        }
    }

    private P110Emulator(
            String username,
            String password,
            String nickname,
            Clock clock,
            ExecutorService executor,
            long seed,
            int port)
            throws IOException {
        this.username = username;
        this.password = password;
        this.nickname = nickname;
        this.clock = clock;
        this.random = new Random(seed);
        this.onSince = clock.instant();
        this.measuredAt = clock.instant();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(executor);
        server.createContext("/app", this::handle);
        server.start();
    }

    public String host() {
        return server.getAddress().getHostString();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- what a test or the demo does with the plug -----------------------------------------------------

    /** The power the printer would draw while the relay is on (watts). */
    public synchronized void load(double watts) {
        measure();
        loadWatts = watts;
    }

    public synchronized boolean isOn() {
        return on;
    }

    /** Someone pressed the button on the plug. */
    public synchronized void press(boolean on) {
        switchRelay(on);
    }

    public synchronized void binding(Binding binding) {
        this.binding = binding;
    }

    public synchronized void thirdPartyCompatibility(boolean enabled) {
        this.thirdPartyCompatibility = enabled;
    }

    public synchronized void sessionTimeout(Duration timeout) {
        this.timeoutSeconds = timeout.toSeconds();
    }

    /** Every answer waits this long first (a slow or unreachable plug). */
    public synchronized void delay(Duration delay) {
        this.delay = delay;
    }

    /** The next {@code /app/request} is answered 403, as after another client's handshake. */
    public synchronized void forbidNextRequest() {
        forbidNextRequest = true;
    }

    /** The next {@code /app/request} is answered 500. */
    public synchronized void failNextRequest() {
        failNextRequest = true;
    }

    /** The current session ends now (as if its TIMEOUT had passed). */
    public synchronized void expireSession() {
        session = null;
    }

    public synchronized void alarms(boolean overheated, boolean overloaded) {
        this.overheated = overheated;
        this.overloaded = overloaded;
    }

    public int handshakes() {
        return handshakes.get();
    }

    public int requests() {
        return requests.get();
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Duration wait;
            synchronized (this) {
                wait = delay;
            }
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, new byte[0], null);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String cookie = cookie(exchange.getRequestHeaders().getFirst("Cookie"));
            switch (path) {
                case "/app/handshake1" -> handshake1(exchange, body);
                case "/app/handshake2" -> handshake2(exchange, cookie, body);
                case "/app/request" ->
                    request(exchange, cookie, exchange.getRequestURI().getRawQuery(), body);
                case "/app" -> send(exchange, 200, "{\"error_code\":1003}".getBytes(StandardCharsets.UTF_8), null);
                default -> send(exchange, 404, new byte[0], null);
            }
        }
    }

    private static @Nullable String cookie(@Nullable String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith("TP_SESSIONID=")) {
                return p.substring("TP_SESSIONID=".length());
            }
        }
        return null;
    }

    private void handshake1(HttpExchange exchange, byte[] localSeed) throws IOException {
        handshakes.incrementAndGet();
        byte[] answer;
        String cookie;
        long timeout;
        synchronized (this) {
            if (!thirdPartyCompatibility) {
                send(exchange, 403, new byte[0], null);
                return;
            }
            if (localSeed.length != 16) {
                send(exchange, 400, new byte[0], null);
                return;
            }
            byte[] remoteSeed = new byte[16];
            random.nextBytes(remoteSeed);
            byte[] cookieBytes = new byte[16];
            random.nextBytes(cookieBytes);
            cookie = HexFormat.of().withUpperCase().formatHex(cookieBytes);
            byte[] deviceHash = switch (binding) {
                case USER -> Klap.authHash(username, password);
                case TAPO_SETUP_ACCOUNT -> Klap.authHash("test@tp-link.net", "test");
                case BLANK -> Klap.authHash("", "");
                case OTHER_ACCOUNT -> Klap.authHash("someone.else@example.org", "not-yours");
            };
            pending = new Pending(cookie, localSeed, remoteSeed, deviceHash);
            session = null; // one third-party session at a time: a new handshake replaces the old one
            byte[] serverHash = Klap.serverHash(localSeed, remoteSeed, deviceHash);
            answer = new byte[48];
            System.arraycopy(remoteSeed, 0, answer, 0, 16);
            System.arraycopy(serverHash, 0, answer, 16, 32);
            timeout = timeoutSeconds;
        }
        send(exchange, 200, answer, "TP_SESSIONID=" + cookie + ";TIMEOUT=" + timeout);
    }

    private void handshake2(HttpExchange exchange, @Nullable String cookie, byte[] body) throws IOException {
        synchronized (this) {
            Pending p = pending;
            if (p == null
                    || !p.cookie().equals(cookie)
                    || body.length != 32
                    || !Klap.same(body, Klap.clientHash(p.localSeed(), p.remoteSeed(), p.deviceAuthHash()))) {
                send(exchange, 403, new byte[0], null);
                return;
            }
            Klap.Session keys = Klap.Session.derive(p.localSeed(), p.remoteSeed(), p.deviceAuthHash());
            session = new Established(p.cookie(), keys, clock.instant(), new int[] {keys.initialSeq()});
            pending = null;
        }
        send(exchange, 200, new byte[0], null);
    }

    private void request(HttpExchange exchange, @Nullable String cookie, @Nullable String query, byte[] body)
            throws IOException {
        requests.incrementAndGet();
        byte[] sealed;
        synchronized (this) {
            if (failNextRequest) {
                failNextRequest = false;
                send(exchange, 500, new byte[0], null);
                return;
            }
            Established s = session;
            if (forbidNextRequest
                    || s == null
                    || !s.cookie().equals(cookie)
                    || clock.instant().isAfter(s.createdAt().plusSeconds(timeoutSeconds))) {
                forbidNextRequest = false;
                send(exchange, 403, new byte[0], null);
                return;
            }
            int seq;
            try {
                seq = Integer.parseInt(query == null || !query.startsWith("seq=") ? "" : query.substring(4));
            } catch (NumberFormatException e) {
                send(exchange, 400, new byte[0], null);
                return;
            }
            if (seq <= s.lastSeq()[0]) {
                send(exchange, 403, new byte[0], null); // a replay or an old sequence number
                return;
            }
            byte[] plain;
            try {
                plain = s.keys().open(seq, body, true);
            } catch (BadPaddingException e) {
                send(exchange, 403, new byte[0], null);
                return;
            }
            s.lastSeq()[0] = seq;
            sealed = s.keys().seal(seq, dispatch(plain).getBytes(StandardCharsets.UTF_8));
        }
        send(exchange, 200, sealed, null);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, @Nullable String cookie)
            throws IOException {
        exchange.getResponseHeaders().set("Server", "SHIP 2.0");
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        if (cookie != null) {
            exchange.getResponseHeaders().set("Set-Cookie", cookie);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    // ---- the device's methods ------------------------------------------------------------------------------

    private String dispatch(byte[] plain) {
        JsonNode request;
        try {
            request = JSON.readTree(plain);
        } catch (RuntimeException e) {
            return "{\"error_code\":-1003}";
        }
        return JSON.writeValueAsString(call(request));
    }

    private ObjectNode call(JsonNode request) {
        String method = request.path("method").asString("");
        ObjectNode answer = JSON.createObjectNode();
        measure();
        switch (method) {
            case "get_device_info" -> answer.put("error_code", 0).set("result", deviceInfo());
            case "get_energy_usage" -> answer.put("error_code", 0).set("result", energyUsage());
            case "get_current_power" ->
                answer.put("error_code", 0)
                        .set(
                                "result",
                                JSON.createObjectNode()
                                        .put("current_power", Math.round(currentPowerMilliwatts() / 1000.0)));
            case "component_nego" ->
                answer.put("error_code", 0)
                        .set(
                                "result",
                                JSON.createObjectNode()
                                        .set(
                                                "component_list",
                                                JSON.createArrayNode()
                                                        .add(JSON.createObjectNode()
                                                                .put("id", "device")
                                                                .put("ver_code", 2))
                                                        .add(JSON.createObjectNode()
                                                                .put("id", "energy_monitoring")
                                                                .put("ver_code", 2))));
            case "set_device_info" -> {
                JsonNode params = request.path("params");
                if (!params.isObject()
                        || (params.has("device_on") && !params.get("device_on").isBoolean())) {
                    answer.put("error_code", -1008);
                } else {
                    if (params.has("device_on")) {
                        switchRelay(params.get("device_on").asBoolean());
                    }
                    if (params.has("nickname")) {
                        nickname = new String(
                                Base64.getDecoder()
                                        .decode(params.get("nickname").asString()),
                                StandardCharsets.UTF_8);
                    }
                    answer.put("error_code", 0);
                }
            }
            case "multipleRequest" -> {
                var responses = JSON.createArrayNode();
                for (JsonNode inner : request.path("params").path("requests")) {
                    ObjectNode one = call(inner);
                    one.put("method", inner.path("method").asString(""));
                    responses.add(one);
                }
                answer.put("error_code", 0)
                        .set("result", JSON.createObjectNode().set("responses", responses));
            }
            default -> answer.put("error_code", -1002);
        }
        return answer;
    }

    private void switchRelay(boolean newState) {
        measure();
        if (newState && !on) {
            onSince = clock.instant();
        }
        on = newState;
    }

    /** Integrates the power drawn since the last measurement into the energy counters. */
    private void measure() {
        Instant now = clock.instant();
        long millis = Duration.between(measuredAt, now).toMillis();
        if (millis > 0) {
            double hours = millis / 3_600_000.0;
            energyTodayWh += currentPowerMilliwatts() / 1000.0 * hours;
            energyMonthWh += currentPowerMilliwatts() / 1000.0 * hours;
            if (on) {
                runtimeTodaySeconds += millis / 1000;
            }
        }
        measuredAt = now;
    }

    private long currentPowerMilliwatts() {
        return on ? Math.round(loadWatts * 1000) : 0;
    }

    private ObjectNode deviceInfo() {
        ObjectNode info = JSON.createObjectNode();
        info.put(
                "device_id",
                "80223A7E" + HexFormat.of().withUpperCase().formatHex(new byte[] {(byte) port(), (byte) (port() >> 8)})
                        + "0000000000000000000000000000");
        info.put("model", "P110");
        info.put("type", "SMART.TAPOPLUG");
        info.put("fw_ver", "1.3.0 Build 230905 Rel.152200");
        info.put("hw_ver", "1.0");
        info.put("device_on", on);
        info.put("on_time", on ? Duration.between(onSince, clock.instant()).toSeconds() : 0);
        info.put("nickname", Base64.getEncoder().encodeToString(nickname.getBytes(StandardCharsets.UTF_8)));
        info.put("ssid", Base64.getEncoder().encodeToString("Werkstatt".getBytes(StandardCharsets.UTF_8)));
        info.put("ip", "127.0.0.1");
        info.put("mac", "48-22-54-00-" + String.format(Locale.ROOT, "%02X-%02X", (port() >> 8) & 0xFF, port() & 0xFF));
        info.put("rssi", -48);
        info.put("signal_level", 3);
        info.put("overheat_status", overheated ? "overheated" : "normal");
        info.put("power_protection_status", overloaded ? "overloaded" : "normal");
        info.put("overcurrent_status", "normal");
        info.set(
                "default_states",
                JSON.createObjectNode().put("type", "last_states").set("state", JSON.createObjectNode()));
        info.put("region", "Europe/Berlin");
        info.put("time_diff", 60);
        return info;
    }

    private ObjectNode energyUsage() {
        return JSON.createObjectNode()
                .put("today_runtime", runtimeTodaySeconds / 60)
                .put("month_runtime", runtimeTodaySeconds / 60)
                .put("today_energy", Math.round(energyTodayWh))
                .put("month_energy", Math.round(energyMonthWh))
                .put(
                        "local_time",
                        LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"))
                                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")))
                .put("current_power", currentPowerMilliwatts());
    }
}
