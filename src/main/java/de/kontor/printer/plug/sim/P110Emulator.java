package de.kontor.printer.plug.sim;

import de.kontor.printer.plug.Klap;
import de.kontor.printer.plug.sim.PlugHttpServer.Request;
import de.kontor.printer.plug.sim.PlugHttpServer.Response;
import org.jspecify.annotations.Nullable;

import javax.crypto.BadPaddingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One emulated Tapo P110 on a loopback port, speaking KLAP v2 like firmware 1.3.x (see
 * {@code docs/printer-plugs.md}): handshake1/2 with the account's hash, one session at a time (a new
 * handshake replaces the old session), session expiry after {@code TIMEOUT}, strictly increasing sequence
 * numbers, signed and encrypted answers. The device behind the protocol is {@link P110Device}; HTTP and the
 * plug's ways with connections are {@link PlugHttpServer}. Faults can be injected: no third-party access
 * (403 at handshake1), a device bound to another account, delays, a forced 403 or 500, expiry, connections
 * closed after every answer or dropped when idle, and refused connections (a plug whose local API has not
 * started yet after a power loss).
 */
public final class P110Emulator implements AutoCloseable {

    /** Which account the device's handshake hash is computed from. */
    public enum Binding {
        USER,
        TAPO_SETUP_ACCOUNT,
        BLANK,
        OTHER_ACCOUNT
    }

    /** How the plug treats the TCP connections its answers travel on. */
    public enum Connections {
        /** HTTP/1.1, connections stay open for more requests. */
        KEEP_ALIVE,
        /** HTTP/1.0-style answers; the plug closes the connection after each, without announcing it. */
        CLOSE_AFTER_ANSWER,
        /** HTTP/1.1 without {@code Connection: close}, but a connection idle for a moment is closed. */
        DROP_IDLE
    }

    private final PlugHttpServer server;
    private final P110Device device;
    private final Clock clock;
    private final Random random;
    private final String username;
    private final String password;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

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
        this.clock = clock;
        this.random = new Random(seed);
        this.server = new PlugHttpServer(executor, this::handle, port);
        this.device = new P110Device(nickname, clock, server.port());
    }

    public String host() {
        return server.host();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- what a test or the demo does with the plug -----------------------------------------------------

    /** The power the printer would draw while the relay is on (watts). */
    public void load(double watts) {
        device.load(watts);
    }

    public boolean isOn() {
        return device.isOn();
    }

    /** Someone pressed the button on the plug. */
    public void press(boolean on) {
        device.press(on);
    }

    public void alarms(boolean overheated, boolean overloaded) {
        device.alarms(overheated, overloaded);
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

    /** How the plug treats connections; {@code idleTimeout} is how long an idle one lives with DROP_IDLE. */
    public void connections(Connections connections, Duration idleTimeout) {
        server.connections(connections, idleTimeout);
    }

    public void connections(Connections connections) {
        server.connections(connections, Duration.ofMillis(300));
    }

    /**
     * Refusing: connections are refused (and open ones cut), as while the local API of firmware 1.4.6 has
     * not started yet after a power loss; the session is gone too. Not refusing: the plug listens again.
     */
    public void refuseConnections(boolean refuse) {
        if (refuse) {
            synchronized (this) {
                session = null;
                pending = null;
            }
        }
        try {
            server.refuse(refuse);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port() + " again", e);
        }
    }

    public int handshakes() {
        return handshakes.get();
    }

    public int requests() {
        return requests.get();
    }

    /** TCP connections the plug has accepted. */
    public int connectionsAccepted() {
        return server.accepted();
    }

    /** TCP connections open right now (a client may keep them for more requests). */
    public int openConnections() {
        return server.open();
    }

    /** Requests that came on a connection which had already carried one (a client keeping connections). */
    public int requestsOnReusedConnections() {
        return server.reused();
    }

    /** Idle connections the plug has closed (DROP_IDLE). */
    public int idleConnectionsDropped() {
        return server.dropped();
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------

    private Response handle(Request request) {
        Duration wait;
        synchronized (this) {
            wait = delay;
        }
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return empty(500);
            }
        }
        if (!"POST".equals(request.method())) {
            return empty(405);
        }
        String cookie = cookie(request.headers().get("cookie"));
        return switch (request.path()) {
            case "/app/handshake1" -> handshake1(request.body());
            case "/app/handshake2" -> handshake2(cookie, request.body());
            case "/app/request" -> request(cookie, request.query(), request.body());
            case "/app" -> new Response(200, "{\"error_code\":1003}".getBytes(StandardCharsets.UTF_8), null);
            default -> empty(404);
        };
    }

    private static Response empty(int status) {
        return new Response(status, new byte[0], null);
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

    private synchronized Response handshake1(byte[] localSeed) {
        handshakes.incrementAndGet();
        if (!thirdPartyCompatibility) {
            return empty(403);
        }
        if (localSeed.length != 16) {
            return empty(400);
        }
        byte[] remoteSeed = new byte[16];
        random.nextBytes(remoteSeed);
        byte[] cookieBytes = new byte[16];
        random.nextBytes(cookieBytes);
        String cookie = HexFormat.of().withUpperCase().formatHex(cookieBytes);
        byte[] deviceHash = switch (binding) {
            case USER -> Klap.authHash(username, password);
            case TAPO_SETUP_ACCOUNT -> Klap.authHash("test@tp-link.net", "test");
            case BLANK -> Klap.authHash("", "");
            case OTHER_ACCOUNT -> Klap.authHash("someone.else@example.org", "not-yours");
        };
        pending = new Pending(cookie, localSeed, remoteSeed, deviceHash);
        session = null; // one third-party session at a time: a new handshake replaces the old one
        byte[] serverHash = Klap.serverHash(localSeed, remoteSeed, deviceHash);
        byte[] answer = new byte[48];
        System.arraycopy(remoteSeed, 0, answer, 0, 16);
        System.arraycopy(serverHash, 0, answer, 16, 32);
        return new Response(200, answer, "TP_SESSIONID=" + cookie + ";TIMEOUT=" + timeoutSeconds);
    }

    private synchronized Response handshake2(@Nullable String cookie, byte[] body) {
        Pending p = pending;
        if (p == null
                || !p.cookie().equals(cookie)
                || body.length != 32
                || !Klap.same(body, Klap.clientHash(p.localSeed(), p.remoteSeed(), p.deviceAuthHash()))) {
            return empty(403);
        }
        Klap.Session keys = Klap.Session.derive(p.localSeed(), p.remoteSeed(), p.deviceAuthHash());
        session = new Established(p.cookie(), keys, clock.instant(), new int[] {keys.initialSeq()});
        pending = null;
        return empty(200);
    }

    private synchronized Response request(@Nullable String cookie, @Nullable String query, byte[] body) {
        requests.incrementAndGet();
        if (failNextRequest) {
            failNextRequest = false;
            return empty(500);
        }
        Established s = session;
        if (forbidNextRequest
                || s == null
                || !s.cookie().equals(cookie)
                || clock.instant().isAfter(s.createdAt().plusSeconds(timeoutSeconds))) {
            forbidNextRequest = false;
            return empty(403);
        }
        int seq;
        try {
            seq = Integer.parseInt(query == null || !query.startsWith("seq=") ? "" : query.substring(4));
        } catch (NumberFormatException e) {
            return empty(400);
        }
        if (seq <= s.lastSeq()[0]) {
            return empty(403); // a replay or an old sequence number
        }
        byte[] plain;
        try {
            plain = s.keys().open(seq, body, true);
        } catch (BadPaddingException e) {
            return empty(403);
        }
        s.lastSeq()[0] = seq;
        return new Response(200, s.keys().seal(seq, device.answer(plain).getBytes(StandardCharsets.UTF_8)), null);
    }
}
