package de.kontor.agent.ops;

import de.kontor.agent.DockerClient;
import de.kontor.agent.DockerClient.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Docker (or Podman) containers through the Docker Engine API on the node's Unix socket.
 *
 * <p>Actions ({@code target} is a container's name or id, or an id prefix as {@code docker} accepts it):
 *
 * <ul>
 *   <li>{@code list} — all containers, running or not: data is a list of {@link Container}.
 *   <li>{@code inspect} target — the engine's full description of the container (data: its JSON).
 *   <li>{@code start}, {@code stop}, {@code restart}, {@code pause}, {@code unpause} target — {@code stop}
 *       and {@code restart} take {@code timeout} (seconds the container gets before it is killed, 0–300,
 *       default 10). Starting a running or stopping a stopped container succeeds with a note.
 *   <li>{@code remove} target — destructive, Kontor confirms it first. {@code force=true} removes a
 *       running container, {@code volumes=true} its anonymous volumes too.
 *   <li>{@code logs} target — the last {@code lines} lines (1–5000, default 200) of stdout and stderr;
 *       {@code since} (Unix seconds, with up to nine decimals) only newer ones, so a page can follow a log
 *       by asking again from the last line's time; {@code timestamps=true} prefixes each line with its
 *       time (RFC 3339 with nanoseconds, as the engine writes it). Output is the text, data a list of
 *       {@link LogLine}.
 *   <li>{@code stats} target — one reading (CPU percent over the engine's sampling interval, memory as
 *       {@code docker stats} shows it, network and block I/O, PIDs): data is a {@link Stats}.
 *   <li>{@code images}, {@code volumes}, {@code networks} — read-only listings ({@link Image},
 *       {@link Volume}, {@link Network}).
 * </ul>
 *
 * <p>An unknown container, a conflict the engine reports (pausing a stopped container, removing a
 * running one without {@code force}) and a missing or forbidden socket are refusals with the engine's
 * or a plain explanation. The agent's user needs read and write access to the socket (the {@code docker}
 * group, or Podman's socket of the user whose containers these are).
 */
public final class ContainersCapability implements Capability {

    /** Names and ids as Docker allows them; anything else never reaches a URL. */
    private static final Pattern CONTAINER = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}");

    private static final Set<String> LIFECYCLE = Set.of("start", "stop", "restart", "pause", "unpause");
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_LOG_LINES = 5000;
    private static final int MAX_STOP_SECONDS = 300;

    private final DockerClient docker;

    /** @param socket the engine's socket, e.g. {@code /var/run/docker.sock} or Podman's */
    public ContainersCapability(Path socket) {
        this.docker = new DockerClient(socket);
    }

    @Override
    public String name() {
        return "containers";
    }

    @Override
    public OperationResult run(Operation operation) throws IOException {
        String action = operation.action();
        if (LIFECYCLE.contains(action)) {
            return lifecycle(action, container(operation), operation);
        }
        return switch (action) {
            case "list" -> OperationResult.data(list());
            case "inspect" -> inspect(container(operation));
            case "remove" -> remove(container(operation), operation);
            case "logs" -> ContainerLogs.read(this, container(operation), operation);
            case "stats" -> OperationResult.data(stats(container(operation)));
            case "images" -> OperationResult.data(images());
            case "volumes" -> OperationResult.data(volumes());
            case "networks" -> OperationResult.data(networks());
            default ->
                throw new OperationRefusedException("The containers capability has no action '" + action
                        + "' (list, inspect, start, stop, restart, pause, unpause, remove, logs, stats, images,"
                        + " volumes, networks).");
        };
    }

    /**
     * A container as the list shows it.
     *
     * @param id the short (12 character) id
     * @param created Unix seconds
     */
    public record Container(
            String id, String name, String image, String state, String status, long created, List<String> ports) {}

    /** @param created Unix seconds */
    public record Image(String id, List<String> tags, long size, long created) {}

    public record Volume(String name, String driver, String mountpoint, String createdAt) {}

    public record Network(String id, String name, String driver, String scope) {}

    /** One line of a container's log; {@code stream} is {@code stdout} or {@code stderr}. */
    public record LogLine(String stream, String text) {}

    /**
     * One reading of a container's resource use.
     *
     * @param cpu percent of one core (200 = two cores busy), null when the engine gave no earlier reading
     * @param memoryBytes usage without the page cache the kernel could drop, as {@code docker stats}
     */
    public record Stats(
            String id,
            String name,
            @Nullable Double cpu,
            long memoryBytes,
            long memoryLimit,
            @Nullable Double memoryPercent,
            long networkRx,
            long networkTx,
            long blockRead,
            long blockWrite,
            long pids) {}

    private List<Container> list() throws IOException {
        List<Container> containers = new ArrayList<>();
        for (JsonNode c : get("/containers/json?all=true")) {
            List<String> ports = new ArrayList<>();
            for (JsonNode port : c.path("Ports")) {
                String inside = port.path("PrivatePort").asInt() + "/"
                        + port.path("Type").asString("tcp");
                ports.add(
                        port.has("PublicPort")
                                ? port.path("IP").asString("") + ":"
                                        + port.path("PublicPort").asInt() + "->" + inside
                                : inside);
            }
            JsonNode names = c.path("Names");
            String name = names.isArray() && !names.isEmpty() ? names.get(0).asString("") : "";
            containers.add(new Container(
                    shortId(c.path("Id").asString("")),
                    name.startsWith("/") ? name.substring(1) : name,
                    c.path("Image").asString(""),
                    c.path("State").asString(""),
                    c.path("Status").asString(""),
                    c.path("Created").asLong(0),
                    ports));
        }
        return containers;
    }

    private OperationResult inspect(String container) throws IOException {
        Reply reply = send("GET", "/containers/" + encode(container) + "/json", READ_TIMEOUT, container);
        return OperationResult.data(reply.json());
    }

    private OperationResult lifecycle(String action, String container, Operation operation) throws IOException {
        String path = "/containers/" + encode(container) + "/" + action;
        Duration timeout = READ_TIMEOUT;
        if (action.equals("stop") || action.equals("restart")) {
            int seconds = intArgument(operation, "timeout", 10, 0, MAX_STOP_SECONDS);
            path += "?t=" + seconds;
            timeout = Duration.ofSeconds(seconds + 30L);
        }
        Reply reply = send("POST", path, timeout, container);
        if (reply.status() == 304) {
            return OperationResult.ok(
                    container + " is already " + (action.equals("start") ? "running" : "stopped") + ": nothing to do.");
        }
        return OperationResult.ok(
                switch (action) {
                    case "start" -> "Started " + container + ".";
                    case "stop" -> "Stopped " + container + ".";
                    case "restart" -> "Restarted " + container + ".";
                    case "pause" -> "Paused " + container + ".";
                    default -> "Unpaused " + container + ".";
                });
    }

    private OperationResult remove(String container, Operation operation) throws IOException {
        boolean force = booleanArgument(operation, "force");
        boolean volumes = booleanArgument(operation, "volumes");
        send(
                "DELETE",
                "/containers/" + encode(container) + "?force=" + force + "&v=" + volumes,
                Duration.ofSeconds(60),
                container);
        return OperationResult.ok("Removed " + container + (volumes ? " and its anonymous volumes." : "."));
    }

    private Stats stats(String container) throws IOException {
        // without one-shot the engine waits for a second reading, so the CPU share can be computed
        JsonNode s = send(
                        "GET",
                        "/containers/" + encode(container) + "/stats?stream=false",
                        Duration.ofSeconds(30),
                        container)
                .json();
        JsonNode cpu = s.path("cpu_stats");
        JsonNode pre = s.path("precpu_stats");
        long cpuDelta = cpu.path("cpu_usage").path("total_usage").asLong(0)
                - pre.path("cpu_usage").path("total_usage").asLong(0);
        long systemDelta = cpu.path("system_cpu_usage").asLong(0)
                - pre.path("system_cpu_usage").asLong(0);
        int cpus = Math.max(1, cpu.path("online_cpus").asInt(1));
        @Nullable
        Double cpuPercent = pre.path("system_cpu_usage").asLong(0) > 0 && systemDelta > 0 && cpuDelta >= 0
                ? round(100.0 * cpuDelta / systemDelta * cpus)
                : null;
        JsonNode mem = s.path("memory_stats");
        JsonNode detail = mem.path("stats");
        long cache = detail.has("inactive_file")
                ? detail.path("inactive_file").asLong(0)
                : detail.path("cache").asLong(0);
        long memory = Math.max(0, mem.path("usage").asLong(0) - cache);
        long limit = mem.path("limit").asLong(0);
        long rx = 0;
        long tx = 0;
        for (JsonNode network : s.path("networks")) {
            rx += network.path("rx_bytes").asLong(0);
            tx += network.path("tx_bytes").asLong(0);
        }
        long read = 0;
        long write = 0;
        for (JsonNode entry : s.path("blkio_stats").path("io_service_bytes_recursive")) {
            String op = entry.path("op").asString("").toLowerCase(Locale.ROOT);
            if (op.equals("read")) {
                read += entry.path("value").asLong(0);
            } else if (op.equals("write")) {
                write += entry.path("value").asLong(0);
            }
        }
        String name = s.path("name").asString(container);
        return new Stats(
                shortId(s.path("id").asString("")),
                name.startsWith("/") ? name.substring(1) : name,
                cpuPercent,
                memory,
                limit,
                limit > 0 ? round(100.0 * memory / limit) : null,
                rx,
                tx,
                read,
                write,
                s.path("pids_stats").path("current").asLong(0));
    }

    private List<Image> images() throws IOException {
        List<Image> images = new ArrayList<>();
        for (JsonNode image : get("/images/json")) {
            List<String> tags = new ArrayList<>();
            image.path("RepoTags").forEach(tag -> tags.add(tag.asString("")));
            String id = image.path("Id").asString("");
            images.add(new Image(
                    shortId(id.startsWith("sha256:") ? id.substring(7) : id),
                    tags,
                    image.path("Size").asLong(0),
                    image.path("Created").asLong(0)));
        }
        return images;
    }

    private List<Volume> volumes() throws IOException {
        List<Volume> volumes = new ArrayList<>();
        for (JsonNode volume : get("/volumes").path("Volumes")) {
            volumes.add(new Volume(
                    volume.path("Name").asString(""),
                    volume.path("Driver").asString(""),
                    volume.path("Mountpoint").asString(""),
                    volume.path("CreatedAt").asString("")));
        }
        return volumes;
    }

    private List<Network> networks() throws IOException {
        List<Network> networks = new ArrayList<>();
        for (JsonNode network : get("/networks")) {
            networks.add(new Network(
                    shortId(network.path("Id").asString("")),
                    network.path("Name").asString(""),
                    network.path("Driver").asString(""),
                    network.path("Scope").asString("")));
        }
        return networks;
    }

    private JsonNode get(String path) throws IOException {
        return send("GET", path, READ_TIMEOUT, null).json();
    }

    /**
     * Sends a request and turns the engine's refusals into messages for the user.
     *
     * @param container the container the request is about, for the message when the engine does not
     *     know it; null for listings
     */
    Reply send(String method, String path, Duration timeout, @Nullable String container) throws IOException {
        Path socket = docker.socket();
        if (!Files.exists(socket)) {
            throw new OperationRefusedException("There is no Docker socket at " + socket
                    + ": Docker (or Podman's Docker-compatible service) is not running here, or the agent's"
                    + " --docker-socket points elsewhere.");
        }
        Reply reply;
        try {
            reply = docker.send(method, path, timeout);
        } catch (ConnectException e) {
            // OkHttp wraps the socket's own exception, whose message says why
            StringBuilder reasons = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                reasons.append(t.getMessage()).append(' ');
            }
            if (reasons.toString().contains("Permission denied")) {
                throw new OperationRefusedException("The agent's user may not use the Docker socket " + socket
                        + ": add it to the docker group (or give it access to the socket).");
            }
            throw new OperationRefusedException(
                    "Nothing answers on the Docker socket " + socket + ": is the engine running?");
        }
        if (reply.successful() || reply.status() == 304) {
            return reply;
        }
        String message = reply.message();
        if (reply.status() == 404) {
            throw new OperationRefusedException(
                    container == null ? "The engine does not know " + path + ": " + message : message);
        }
        if (reply.status() == 409 || reply.status() == 400) {
            throw new OperationRefusedException(message);
        }
        throw new IOException("The Docker engine answered " + reply.status() + ": " + message);
    }

    private static String container(Operation operation) {
        String target = operation.target().strip();
        if (target.isEmpty()) {
            throw new OperationRefusedException("Which container? Give its name or id.");
        }
        if (!CONTAINER.matcher(target).matches()) {
            throw new OperationRefusedException("'" + target + "' is not a container name or id.");
        }
        return target;
    }

    static int intArgument(Operation operation, String name, int fallback, int min, int max) {
        String value = operation.argument(name, String.valueOf(fallback)).strip();
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new OperationRefusedException(
                "'" + name + "' must be a whole number from " + min + " to " + max + ", not '" + value + "'.");
    }

    private static boolean booleanArgument(Operation operation, String name) {
        String value = operation.argument(name, "false").strip();
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new OperationRefusedException("'" + name + "' must be true or false, not '" + value + "'.");
        };
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
