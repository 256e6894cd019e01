package de.kontor.agent;

import de.kontor.agent.Inventory.ContainerInfo;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Speaks the Docker Engine API over its Unix socket (Podman's Docker-compatible socket answers the same).
 * For the inventory it reads containers ({@code GET /containers/json},
 * {@code GET /containers/{id}/stats?stream=false&one-shot=true}); CPU percent is the change of the
 * container's CPU time against the host's since the previous call, as {@code docker stats} computes it.
 * {@link #send} carries any other request, for the containers capability.
 *
 * <p>Paths carry no API version ({@code /containers/json}, not {@code /v1.43/containers/json}): the
 * engine then answers in its own current version, which works with old engines, with Podman and with
 * engines that no longer accept older versions.
 */
public final class DockerClient {

    private static final System.Logger log = System.getLogger(DockerClient.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Any name: the socket factory ignores it, but OkHttp needs a host to resolve. */
    private static final String HOST = "docker";

    private static final RequestBody EMPTY = RequestBody.create(new byte[0]);

    private final Path socket;
    private final OkHttpClient http;
    private Map<String, long[]> previousCpu = new HashMap<>();
    private boolean warned;

    public DockerClient(Path socket) {
        this.socket = socket;
        this.http = new OkHttpClient.Builder()
                .socketFactory(new UnixSocketFactory(socket))
                .dns(hostname -> List.of(InetAddress.getByAddress(hostname, new byte[] {127, 0, 0, 1})))
                .proxy(Proxy.NO_PROXY)
                // idle connections would need a read timeout to be checked; Unix sockets have none
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .callTimeout(Duration.ofSeconds(10))
                .retryOnConnectionFailure(false)
                .build();
    }

    /** The containers, or null when the socket is missing, unreadable or does not answer like Docker. */
    @Nullable
    List<ContainerInfo> containers() {
        if (!Files.isReadable(socket)) {
            return null;
        }
        try {
            JsonNode list = get("/containers/json?all=true");
            List<ContainerInfo> containers = new ArrayList<>();
            Map<String, long[]> cpuNow = new HashMap<>();
            for (JsonNode c : list) {
                String id = c.path("Id").asString("");
                String state = c.path("State").asString("");
                Double cpu = null;
                Long memory = null;
                Double memoryPercent = null;
                if (state.equals("running")) {
                    JsonNode stats = get("/containers/" + id + "/stats?stream=false&one-shot=true");
                    long containerCpu = stats.path("cpu_stats")
                            .path("cpu_usage")
                            .path("total_usage")
                            .asLong(0);
                    long systemCpu =
                            stats.path("cpu_stats").path("system_cpu_usage").asLong(0);
                    int cpus = stats.path("cpu_stats").path("online_cpus").asInt(1);
                    long[] before = previousCpu.get(id);
                    if (before != null && systemCpu > before[1] && containerCpu >= before[0]) {
                        cpu = MetricsCollector.round(
                                100.0 * (containerCpu - before[0]) / (systemCpu - before[1]) * Math.max(1, cpus));
                    }
                    cpuNow.put(id, new long[] {containerCpu, systemCpu});
                    JsonNode mem = stats.path("memory_stats");
                    if (mem.has("usage")) {
                        JsonNode detail = mem.path("stats");
                        // what docker stats shows: usage without the page cache that could be dropped
                        long cache = detail.has("inactive_file")
                                ? detail.path("inactive_file").asLong(0)
                                : detail.path("cache").asLong(0);
                        memory = Math.max(0, mem.path("usage").asLong(0) - cache);
                        long limit = mem.path("limit").asLong(0);
                        memoryPercent = limit > 0 ? MetricsCollector.percent(memory, limit) : null;
                    }
                }
                containers.add(new ContainerInfo(
                        id.length() > 12 ? id.substring(0, 12) : id,
                        name(c),
                        c.path("Image").asString(""),
                        state,
                        c.path("Status").asString(""),
                        cpu,
                        memory,
                        memoryPercent));
            }
            previousCpu = cpuNow;
            warned = false;
            return containers;
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                log.log(Level.WARNING, "Cannot read containers from " + socket + ": " + e);
                warned = true;
            }
            return null;
        }
    }

    private static String name(JsonNode container) {
        JsonNode names = container.path("Names");
        String name = names.isArray() && !names.isEmpty() ? names.get(0).asString("") : "";
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** The socket this client talks to. */
    public Path socket() {
        return socket;
    }

    /**
     * Sends one request without a body and reads the whole answer, whatever its status.
     *
     * @param method {@code GET}, {@code POST} or {@code DELETE}
     * @param pathAndQuery e.g. {@code /containers/web/start}; the caller encodes its parts
     * @param timeout the longest the whole call may take (a stop waits for the container)
     */
    public Reply send(String method, String pathAndQuery, Duration timeout) throws IOException {
        Request request = new Request.Builder()
                .url("http://" + HOST + pathAndQuery)
                .method(method, method.equals("GET") ? null : EMPTY)
                .build();
        try (Response response =
                http.newBuilder().callTimeout(timeout).build().newCall(request).execute()) {
            return new Reply(
                    response.code(),
                    response.header("Content-Type"),
                    response.body().bytes());
        }
    }

    /**
     * One answer of the engine.
     *
     * @param contentType as the engine sent it; for logs it tells multiplexed from raw (TTY) streams
     */
    public record Reply(int status, @Nullable String contentType, byte[] body) {

        public boolean successful() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The engine's {@code {"message": ...}} of an error, or the body as text when it is not JSON. */
        public String message() {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            try {
                JsonNode node = JSON.readTree(body);
                if (node.hasNonNull("message")) {
                    return node.get("message").asString("");
                }
            } catch (RuntimeException notJson) {
                // an engine behind a proxy may answer with plain text or HTML
            }
            return text.isEmpty() ? "status " + status : text;
        }
    }

    private JsonNode get(String path) throws IOException {
        Request request = new Request.Builder().url("http://" + HOST + path).build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw new IOException("Docker answered " + response.code() + " to " + path);
            }
            return JSON.readTree(body.bytes());
        }
    }
}
