package de.kontor.printer.plug;

import de.kontor.printer.plug.PlugException.Kind;
import de.kontor.printer.plug.PlugModel.Address;
import de.kontor.printer.plug.PlugModel.Credentials;
import de.kontor.printer.plug.PlugModel.DeviceInfo;
import de.kontor.printer.plug.PlugModel.EnergyUsage;
import de.kontor.printer.plug.PlugModel.Status;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.BadPaddingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Talks KLAP v2 to Tapo P110 plugs: one session per plug, created lazily and renewed before its
 * {@code TIMEOUT}; one request in flight per plug (the IV depends on the sequence number); on 403/401 or an
 * answer that does not decrypt, a new handshake and one more try. Cookies are handled by hand: only
 * {@code TP_SESSIONID} is sent back, never {@code TIMEOUT}.
 *
 * <p>Every HTTP exchange runs on a TCP connection of its own, closed after the answer ({@code Connection:
 * close}, and a connection pool that keeps nothing idle). The plugs close connections after each answer, some
 * in HTTP/1.0 style without saying so, others once a connection has been idle for a moment; a connection kept
 * for the next request would often be dead by then, and a request written into a closed connection fails
 * with "unexpected end of stream". A fresh connection costs a TCP handshake on the local network, far less
 * than the KLAP handshake a failed request would lead to. The session (cookie and keys) is independent of
 * the connection and is kept.
 */
public final class PlugClient {

    private static final MediaType BINARY = MediaType.get("application/octet-stream");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Renew this long before the plug's TIMEOUT (at most half of it). */
    private static final Duration RENEW_MARGIN = Duration.ofMinutes(20);

    private final OkHttpClient http;
    private final ConcurrentHashMap<Address, Connection> connections = new ConcurrentHashMap<>();

    public PlugClient(OkHttpClient shared, Duration connectTimeout, Duration readTimeout) {
        this.http = shared.newBuilder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .build();
    }

    public PlugClient() {
        this(new OkHttpClient(), Duration.ofSeconds(3), Duration.ofSeconds(8));
    }

    // ---- operations -------------------------------------------------------------------------------------

    public DeviceInfo deviceInfo(Address address, Credentials credentials) {
        return parseInfo(call(address, credentials, "get_device_info", null));
    }

    /** Switches the relay and reads the state back; fails unless the plug confirms it. */
    public DeviceInfo switchPower(Address address, Credentials credentials, boolean on) {
        call(address, credentials, "set_device_info", JSON.createObjectNode().put("device_on", on));
        DeviceInfo info = deviceInfo(address, credentials);
        if (info.on() != on) {
            throw new PlugException(
                    Kind.DEVICE_ERROR,
                    null,
                    "The plug at " + address + " stayed "
                            + (info.on() ? "on" : "off") + (info.overloaded() ? " (overload protection)" : "")
                            + (info.overheated() ? " (overheated)" : ""),
                    null);
        }
        return info;
    }

    public EnergyUsage energyUsage(Address address, Credentials credentials) {
        return parseEnergy(call(address, credentials, "get_energy_usage", null));
    }

    /** Device info and energy in one request ({@code multipleRequest}): what a poll needs, one round trip. */
    public Status status(Address address, Credentials credentials) {
        var requests = JSON.createArrayNode()
                .add(JSON.createObjectNode().put("method", "get_device_info"))
                .add(JSON.createObjectNode().put("method", "get_energy_usage"));
        JsonNode responses = call(
                        address,
                        credentials,
                        "multipleRequest",
                        JSON.createObjectNode().set("requests", requests))
                .path("responses");
        JsonNode info = null;
        JsonNode energy = null;
        for (JsonNode response : responses) {
            String method = response.path("method").asString("");
            requireSuccess(address, method, response);
            if (method.equals("get_device_info")) {
                info = response.path("result");
            } else if (method.equals("get_energy_usage")) {
                energy = response.path("result");
            }
        }
        if (info == null || energy == null) {
            throw new PlugException(Kind.PROTOCOL, "The plug at " + address + " left out answers of a multipleRequest");
        }
        return new Status(parseInfo(info), parseEnergy(energy));
    }

    static EnergyUsage parseEnergy(JsonNode r) {
        return new EnergyUsage(
                r.path("current_power").asLong(0) / 1000.0,
                r.path("today_energy").asLong(0) / 1000.0,
                r.path("month_energy").asLong(0) / 1000.0,
                r.path("today_runtime").asLong(0),
                r.path("month_runtime").asLong(0));
    }

    /** Whole watts (get_current_power). */
    public int currentPower(Address address, Credentials credentials) {
        return call(address, credentials, "get_current_power", null)
                .path("current_power")
                .asInt(0);
    }

    /** Forgets the session with a plug (e.g. after its credentials changed). */
    public void forget(Address address) {
        connections.remove(address);
    }

    static DeviceInfo parseInfo(JsonNode r) {
        String nickname = r.path("nickname").asString("");
        try {
            nickname = new String(Base64.getDecoder().decode(nickname), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            // keep as sent
        }
        boolean overheated = r.path("overheated").asBoolean(false)
                || "overheated".equals(r.path("overheat_status").asString(""));
        return new DeviceInfo(
                r.path("device_on").asBoolean(false),
                r.path("on_time").asLong(0),
                nickname,
                r.path("model").asString(""),
                r.path("fw_ver").asString(""),
                r.has("rssi") ? r.get("rssi").asInt() : null,
                r.has("signal_level") ? r.get("signal_level").asInt() : null,
                overheated,
                "overloaded".equals(r.path("power_protection_status").asString("")),
                r.has("device_id") ? r.get("device_id").asString() : null);
    }

    // ---- protocol ------------------------------------------------------------------------------------------

    private JsonNode call(Address address, Credentials credentials, String method, @Nullable JsonNode params) {
        var request = JSON.createObjectNode().put("method", method);
        if (params != null) {
            request.set("params", params);
        }
        request.put("request_time_milis", System.currentTimeMillis());
        byte[] plain = JSON.writeValueAsBytes(request);
        Connection connection = connections.computeIfAbsent(address, Connection::new);
        JsonNode answer = connection.send(credentials, plain);
        requireSuccess(address, method, answer);
        return answer.path("result");
    }

    /** A device answer with an error code other than 0 is the plug refusing the method. */
    private static void requireSuccess(Address address, String method, JsonNode answer) {
        int code = answer.path("error_code").asInt(-1);
        if (code != 0) {
            throw new PlugException(
                    Kind.DEVICE_ERROR,
                    code,
                    "The plug at " + address + " answered " + method + " with error " + code,
                    null);
        }
    }

    /** The session with one plug; everything under its lock. */
    private final class Connection {

        private final Address address;
        private final String base;
        private final ReentrantLock lock = new ReentrantLock();
        private @Nullable Session session;

        private record Session(
                String cookie, Klap.Session keys, int[] seq, long renewAtNanos, Credentials credentials) {}

        Connection(Address address) {
            this.address = address;
            this.base = "http://" + address.host() + ":" + address.port();
        }

        JsonNode send(Credentials credentials, byte[] plain) {
            lock.lock();
            try {
                PlugException last = null;
                for (int attempt = 0; attempt < 2; attempt++) {
                    Session s = session;
                    if (s == null || !s.credentials().equals(credentials) || System.nanoTime() - s.renewAtNanos() > 0) {
                        s = handshake(credentials);
                        session = s;
                    }
                    int seq = ++s.seq()[0];
                    Request request = post(
                            base + "/app/request?seq=" + seq,
                            s.cookie(),
                            s.keys().seal(seq, plain));
                    try (Response response = http.newCall(request).execute()) {
                        if (response.code() == 403 || response.code() == 401) {
                            session = null; // expired or replaced by another client's handshake: once more
                            last = new PlugException(
                                    Kind.PROTOCOL,
                                    response.code(),
                                    "The plug at " + address + " refused the session (HTTP " + response.code() + ")",
                                    null);
                            continue;
                        }
                        if (response.code() != 200) {
                            throw new PlugException(
                                    Kind.DEVICE_ERROR,
                                    response.code(),
                                    "The plug at " + address + " answered HTTP " + response.code(),
                                    null);
                        }
                        byte[] body = response.body().bytes();
                        try {
                            return JSON.readTree(s.keys().open(seq, body, false));
                        } catch (BadPaddingException e) {
                            session = null;
                            last = new PlugException(
                                    Kind.PROTOCOL,
                                    null,
                                    "The answer of the plug at " + address + " does not decrypt",
                                    e);
                        }
                    } catch (IOException e) {
                        session = null;
                        throw unreachable(e);
                    }
                }
                throw last;
            } finally {
                lock.unlock();
            }
        }

        private PlugException unreachable(IOException e) {
            return new PlugException(Kind.UNREACHABLE, null, "The plug at " + address + " " + why(e), e);
        }

        private Session handshake(Credentials credentials) {
            byte[] localSeed = new byte[16];
            RANDOM.nextBytes(localSeed);
            Request first = post(base + "/app/handshake1", null, localSeed);
            byte[] remoteSeed;
            byte[] serverHash;
            String cookie;
            long timeoutSeconds;
            try (Response response = http.newCall(first).execute()) {
                if (response.code() == 403) {
                    throw new PlugException(
                            Kind.THIRD_PARTY_DISABLED,
                            403,
                            "The plug at " + address
                                    + " refuses third-party clients: enable \"Third-Party Compatibility\" in the Tapo app "
                                    + "(Me > Third-Party Services)",
                            null);
                }
                byte[] body = response.body().bytes();
                if (response.code() != 200 || body.length != 48) {
                    throw new PlugException(
                            Kind.PROTOCOL,
                            response.code(),
                            "handshake1 with the plug at " + address + " answered HTTP " + response.code() + " with "
                                    + body.length + " bytes",
                            null);
                }
                remoteSeed = Arrays.copyOf(body, 16);
                serverHash = Arrays.copyOfRange(body, 16, 48);
                String setCookie = response.header("Set-Cookie");
                cookie = attribute(setCookie, "TP_SESSIONID");
                String timeout = attribute(setCookie, "TIMEOUT");
                if (cookie == null) {
                    throw new PlugException(
                            Kind.PROTOCOL, "handshake1 with the plug at " + address + " set no session");
                }
                timeoutSeconds = timeout == null ? 86_400 : Long.parseLong(timeout.strip());
            } catch (IOException e) {
                throw unreachable(e);
            } catch (NumberFormatException e) {
                throw new PlugException(
                        Kind.PROTOCOL,
                        null,
                        "handshake1 with the plug at " + address + " sent a TIMEOUT that is not a number",
                        e);
            }
            List<byte[]> candidates = new ArrayList<>();
            candidates.add(Klap.authHash(credentials.username(), credentials.password()));
            candidates.addAll(Klap.fallbackAuthHashes());
            byte[] authHash = candidates.stream()
                    .filter(h -> Klap.same(Klap.serverHash(localSeed, remoteSeed, h), serverHash))
                    .findFirst()
                    .orElseThrow(() -> new PlugException(
                            Kind.AUTH_FAILED,
                            "The plug at " + address
                                    + " does not accept the Tapo account " + credentials.username()
                                    + ": check the e-mail address and password of the account the plug is bound to"));
            Request second = post(base + "/app/handshake2", cookie, Klap.clientHash(localSeed, remoteSeed, authHash));
            try (Response response = http.newCall(second).execute()) {
                if (response.code() != 200) {
                    throw new PlugException(
                            Kind.PROTOCOL,
                            response.code(),
                            "handshake2 with the plug at " + address + " answered HTTP " + response.code(),
                            null);
                }
            } catch (IOException e) {
                throw unreachable(e);
            }
            Klap.Session keys = Klap.Session.derive(localSeed, remoteSeed, authHash);
            long margin = Math.min(RENEW_MARGIN.toSeconds(), timeoutSeconds / 2);
            long renewAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds - margin);
            return new Session(cookie, keys, new int[] {keys.initialSeq()}, renewAt, credentials);
        }
    }

    /** Why a plug could not be reached, in words an operator can act on. */
    static String why(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof ConnectException) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException) {
            return "refuses connections (after a power loss a plug starts its local API only minutes later): "
                    + cause.getMessage();
        }
        if (cause instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "did not answer in time: " + e.getMessage();
        }
        return "cannot be reached: " + e.getMessage();
    }

    /** A POST that asks the plug to close the connection after its answer (it would anyway). */
    private static Request post(String url, @Nullable String cookie, byte[] body) {
        Request.Builder request = new Request.Builder().url(url).header("Connection", "close");
        if (cookie != null) {
            request.header("Cookie", "TP_SESSIONID=" + cookie);
        }
        return request.post(RequestBody.create(body, BINARY)).build();
    }

    /** {@code name=value} out of a {@code Set-Cookie} header such as {@code TP_SESSIONID=AB12;TIMEOUT=86400}. */
    static @Nullable String attribute(@Nullable String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(name)) {
                return p.substring(eq + 1).strip();
            }
        }
        return null;
    }
}
