package de.kontor.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers like the Docker Engine API on a Unix domain socket, with or without a {@code /v1.xx} version
 * prefix: {@code GET /containers/json} with one running ({@code web}) and one exited ({@code backup})
 * container; {@code GET /containers/{id}/stats} whose CPU counters grow by a known amount per call (sent
 * chunked, as the engine does; without {@code one-shot} the previous reading comes along as
 * {@code precpu_stats}); inspect, start, stop, restart, pause, unpause and remove with the engine's
 * statuses (204, 304 when already in that state, 404 and 409 with {@code {"message": ...}}); logs as
 * multiplexed frames; images, volumes and networks. Containers are found by name, id or id prefix.
 * Records every request line.
 */
public final class DockerEngineEmulator implements AutoCloseable {

    public static final String WEB_ID = "4f66ad9a0b2e6cd31e31b1d3a5b7ce3e1d0b2d5d8c7f9a0a1b2c3d4e5f607182";
    public static final String BACKUP_ID = "9c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";
    /** Per stats call the container uses this much CPU time while the host's grows by {@link #SYSTEM_STEP}. */
    public static final long CONTAINER_STEP = 50_000_000L;

    public static final long SYSTEM_STEP = 2_000_000_000L;
    public static final int CPUS = 4;
    public static final long MEMORY_USAGE = 300L * 1024 * 1024;
    public static final long INACTIVE_FILE = 100L * 1024 * 1024;
    public static final long MEMORY_LIMIT = 1024L * 1024 * 1024;

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread thread;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger statsCalls = new AtomicInteger();
    /** Lines written to the log since it started, with their time; stamped when asked with timestamps=true. */
    private final List<Map.Entry<Instant, String>> written = new CopyOnWriteArrayList<>();

    private final Map<String, String> states = new ConcurrentHashMap<>(Map.of(WEB_ID, "running", BACKUP_ID, "exited"));

    public DockerEngineEmulator(Path socket) throws IOException {
        this.socket = socket;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(this::serve, "docker-emulator");
        thread.setDaemon(true);
        thread.start();
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                String head = readHead(client);
                String requestLine = head.lines().findFirst().orElse("");
                requests.add(requestLine);
                String[] parts = requestLine.split(" ");
                String method = parts[0];
                String path = parts.length > 1 ? parts[1].replaceFirst("^/v1\\.\\d+/", "/") : "";
                answer(client, method, path);
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    private void answer(SocketChannel client, String method, String path) throws IOException {
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        String[] segments = (path.contains("?") ? path.substring(0, path.indexOf('?')) : path).split("/");
        if (path.startsWith("/containers/json")) {
            write(client, 200, containers(), false);
        } else if (path.startsWith("/images/json")) {
            write(client, 200, IMAGES, false);
        } else if (path.startsWith("/volumes")) {
            write(client, 200, VOLUMES, false);
        } else if (path.startsWith("/networks")) {
            write(client, 200, NETWORKS, false);
        } else if (segments.length >= 3 && segments[1].equals("containers")) {
            String id = find(segments[2]);
            String action = segments.length > 3 ? segments[3] : "";
            if (id == null) {
                write(client, 404, "{\"message\":\"No such container: " + segments[2] + "\"}", false);
            } else if (method.equals("GET") && action.equals("stats") && id.equals(WEB_ID)) {
                write(client, 200, stats(statsCalls.incrementAndGet(), !query.contains("one-shot=true")), true);
            } else if (method.equals("GET") && action.equals("json")) {
                write(client, 200, inspect(id), false);
            } else if (method.equals("GET") && action.equals("logs")) {
                writeBytes(
                        client,
                        200,
                        "application/vnd.docker.multiplexed-stream",
                        query.contains("timestamps=true") ? stampedLog(query) : LOG_FRAMES);
            } else if (method.equals("POST")) {
                lifecycle(client, id, action);
            } else if (method.equals("DELETE") && action.isEmpty()) {
                if (states.get(id).equals("running") && !query.contains("force=true")) {
                    write(
                            client,
                            409,
                            "{\"message\":\"cannot remove container \\\"/" + name(id)
                                    + "\\\": container is running: stop the container before removing or force remove\"}",
                            false);
                } else {
                    states.remove(id);
                    write(client, 204, "", false);
                }
            } else {
                write(client, 404, "{\"message\":\"page not found\"}", false);
            }
        } else {
            write(client, 404, "{\"message\":\"page not found\"}", false);
        }
    }

    private void lifecycle(SocketChannel client, String id, String action) throws IOException {
        String state = states.get(id);
        switch (action) {
            case "start" -> {
                if (state.equals("running")) {
                    write(client, 304, "", false);
                } else {
                    states.put(id, "running");
                    write(client, 204, "", false);
                }
            }
            case "stop" -> {
                if (state.equals("exited")) {
                    write(client, 304, "", false);
                } else {
                    states.put(id, "exited");
                    write(client, 204, "", false);
                }
            }
            case "restart" -> {
                states.put(id, "running");
                write(client, 204, "", false);
            }
            case "pause", "unpause" -> {
                boolean pause = action.equals("pause");
                if (!state.equals(pause ? "running" : "paused")) {
                    write(
                            client,
                            409,
                            pause
                                    ? "{\"message\":\"Container " + id + " is not running\"}"
                                    : "{\"message\":\"Container " + id + " is not paused\"}",
                            false);
                } else {
                    states.put(id, pause ? "paused" : "running");
                    write(client, 204, "", false);
                }
            }
            default -> write(client, 404, "{\"message\":\"page not found\"}", false);
        }
    }

    /** The container's state as the engine would report it now, or null when it was removed. */
    public String state(String id) {
        return states.get(id);
    }

    private String find(String nameOrId) {
        for (String id : states.keySet()) {
            if (id.startsWith(nameOrId) || name(id).equals(nameOrId)) {
                return id;
            }
        }
        return null;
    }

    private static String name(String id) {
        return id.equals(WEB_ID) ? "web" : "backup";
    }

    private static String inspect(String id) {
        return """
                {"Id":"%s","Name":"/%s","Created":"2026-11-30T07:00:00.000000000Z",
                 "State":{"Status":"running","Running":true,"Paused":false,"Pid":4242,"ExitCode":0},
                 "Config":{"Image":"nginx:1.25","Tty":false,"Env":["PATH=/usr/bin"]},
                 "RestartCount":0}""".formatted(id, name(id));
    }

    /** Two lines on stdout (the second split over two frames, as the engine may) and one on stderr. */
    /** A line the container writes now (stdout), at the given time. */
    public void writeLog(Instant at, String line) {
        written.add(Map.entry(at, line));
    }

    /**
     * The log as the engine answers with {@code timestamps=true}: each line behind its RFC 3339 time, only
     * those at or after {@code since} (Unix seconds with decimals), the last {@code tail} of them.
     */
    private byte[] stampedLog(String query) {
        Instant since = Instant.EPOCH;
        int tail = Integer.MAX_VALUE;
        for (String pair : query.split("&")) {
            if (pair.startsWith("since=")) {
                BigDecimal seconds = new BigDecimal(pair.substring(6));
                since = Instant.ofEpochSecond(
                        seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
            } else if (pair.startsWith("tail=")) {
                tail = Integer.parseInt(pair.substring(5));
            }
        }
        Instant from = since;
        List<Map.Entry<Instant, String>> lines = new ArrayList<>();
        for (Map.Entry<Instant, String> line : written) {
            if (!line.getKey().isBefore(from)) {
                lines.add(line);
            }
        }
        List<Object[]> frames = new ArrayList<>();
        for (Map.Entry<Instant, String> line : lines.subList(Math.max(0, lines.size() - tail), lines.size())) {
            frames.add(new Object[] {1, line.getKey() + " " + line.getValue() + "\n"});
        }
        return frames(frames.toArray(Object[][]::new));
    }

    public static final byte[] LOG_FRAMES = frames(
            new Object[] {1, "192.168.1.5 - - \"GET / HTTP/1.1\" 200 615\n"},
            new Object[] {2, "2026/11/30 10:00:01 [warn] 29#29: low on workers\n"},
            new Object[] {1, "192.168.1.6 - - \"GET /über"},
            new Object[] {1, " HTTP/1.1\" 404 153\n"});

    private static byte[] frames(Object[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object[] frame : frames) {
            byte[] payload = ((String) frame[1]).getBytes(StandardCharsets.UTF_8);
            out.write((Integer) frame[0]);
            out.writeBytes(new byte[] {0, 0, 0});
            out.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    private static final String IMAGES = """
            [{"Id":"sha256:a8758716bb6aa4d90071160d27028fe4eaee7ce8166221a97d30440c8eac2be6",
              "RepoTags":["nginx:1.25"],"Created":1700000000,"Size":187000000},
             {"Id":"sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef",
              "RepoTags":["restic/restic:0.16"],"Created":1690000000,"Size":42000000}]""";

    private static final String VOLUMES = """
            {"Volumes":[{"Name":"web-data","Driver":"local","Mountpoint":"/var/lib/docker/volumes/web-data/_data",
              "CreatedAt":"2026-11-01T10:00:00Z","Labels":{},"Scope":"local"}],"Warnings":[]}""";

    private static final String NETWORKS = """
            [{"Name":"bridge","Id":"f2de39df4171b0dc801e8002d1d999b77256983dfc63041c0f34030aa3977566",
              "Scope":"local","Driver":"bridge"},
             {"Name":"host","Id":"0c1d8f6cd1d2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8",
              "Scope":"local","Driver":"host"}]""";

    private static String readHead(SocketChannel client) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        StringBuilder text = new StringBuilder();
        while (!text.toString().contains("\r\n\r\n")) {
            buffer.clear();
            int n = client.read(buffer);
            if (n < 0) {
                break;
            }
            text.append(new String(buffer.array(), 0, n, StandardCharsets.US_ASCII));
        }
        return text.toString();
    }

    private static void writeBytes(SocketChannel client, int status, String contentType, byte[] body)
            throws IOException {
        String head = "HTTP/1.1 " + status + " OK\r\nApi-Version: 1.43\r\nContent-Type: " + contentType
                + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out =
                ByteBuffer.allocate(h.length + body.length).put(h).put(body).flip();
        while (out.hasRemaining()) {
            client.write(out);
        }
    }

    private static void write(SocketChannel client, int status, String json, boolean chunked) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append("HTTP/1.1 ")
                .append(status)
                .append(
                        switch (status) {
                            case 200 -> " OK";
                            case 204 -> " No Content";
                            case 304 -> " Not Modified";
                            case 409 -> " Conflict";
                            default -> " Not Found";
                        })
                .append("\r\nApi-Version: 1.43\r\nServer: Docker/24.0.7 (linux)\r\n")
                .append(body.length > 0 ? "Content-Type: application/json\r\n" : "")
                .append("Connection: close\r\n");
        ByteBuffer out;
        if (chunked) {
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            int half = body.length / 2;
            String chunks = Integer.toHexString(half) + "\r\n" + new String(body, 0, half, StandardCharsets.UTF_8)
                    + "\r\n" + Integer.toHexString(body.length - half) + "\r\n"
                    + new String(body, half, body.length - half, StandardCharsets.UTF_8) + "\r\n0\r\n\r\n";
            out = ByteBuffer.wrap((head + chunks).getBytes(StandardCharsets.UTF_8));
        } else {
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
            out = ByteBuffer.allocate(h.length + body.length).put(h).put(body).flip();
        }
        while (out.hasRemaining()) {
            client.write(out);
        }
    }

    private String containers() {
        List<String> list = new ArrayList<>();
        if (states.containsKey(WEB_ID)) {
            list.add("""
                    {"Id":"%s","Names":["/web"],"Image":"nginx:1.25","ImageID":"sha256:aa","Command":"nginx -g 'daemon off;'",
                     "Created":1733000000,"State":"%s","Status":"Up 3 hours",
                     "Ports":[{"PrivatePort":80,"Type":"tcp"},{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"}],
                     "Labels":{},"HostConfig":{"NetworkMode":"bridge"}}""".formatted(WEB_ID, states.get(WEB_ID)));
        }
        if (states.containsKey(BACKUP_ID)) {
            list.add("""
                    {"Id":"%s","Names":["/backup"],"Image":"restic/restic:0.16","ImageID":"sha256:bb","Command":"backup",
                     "Created":1733000000,"State":"%s","Status":"Exited (1) 2 hours ago","Ports":[],"Labels":{},
                     "HostConfig":{"NetworkMode":"bridge"}}""".formatted(BACKUP_ID, states.get(BACKUP_ID)));
        }
        return "[" + String.join(",", list) + "]";
    }

    private static String stats(int call, boolean withPrevious) {
        return """
                {"read":"2026-11-30T10:00:00Z","name":"/web","id":"%s",
                 "cpu_stats":{"cpu_usage":{"total_usage":%d},"system_cpu_usage":%d,"online_cpus":%d},
                 "precpu_stats":{"cpu_usage":{"total_usage":%d},"system_cpu_usage":%d},
                 "memory_stats":{"usage":%d,"limit":%d,"stats":{"inactive_file":%d,"active_file":1000}},
                 "pids_stats":{"current":7},
                 "networks":{"eth0":{"rx_bytes":1000,"tx_bytes":2000},"eth1":{"rx_bytes":10,"tx_bytes":20}},
                 "blkio_stats":{"io_service_bytes_recursive":[{"major":8,"minor":0,"op":"read","value":4096},
                   {"major":8,"minor":0,"op":"write","value":8192}]}}""".formatted(
                        WEB_ID,
                        1_000_000_000L + call * CONTAINER_STEP,
                        100_000_000_000L + call * SYSTEM_STEP,
                        CPUS,
                        withPrevious ? 1_000_000_000L + (call - 1) * CONTAINER_STEP : 0,
                        withPrevious ? 100_000_000_000L + (call - 1) * SYSTEM_STEP : 0,
                        MEMORY_USAGE,
                        MEMORY_LIMIT,
                        INACTIVE_FILE);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
