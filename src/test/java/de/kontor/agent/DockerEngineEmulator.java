package de.kontor.agent;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers like the Docker Engine API on a Unix domain socket: {@code GET /containers/json} with one
 * running and one exited container, and {@code GET /containers/{id}/stats} whose CPU counters grow by a
 * known amount per call (sent chunked, as the engine does). Records every request line.
 */
public final class DockerEngineEmulator implements AutoCloseable {

    static final String WEB_ID = "4f66ad9a0b2e6cd31e31b1d3a5b7ce3e1d0b2d5d8c7f9a0a1b2c3d4e5f607182";
    static final String BACKUP_ID = "9c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";
    /** Per stats call the container uses this much CPU time while the host's grows by {@link #SYSTEM_STEP}. */
    static final long CONTAINER_STEP = 50_000_000L;

    static final long SYSTEM_STEP = 2_000_000_000L;
    static final int CPUS = 4;
    static final long MEMORY_USAGE = 300L * 1024 * 1024;
    static final long INACTIVE_FILE = 100L * 1024 * 1024;
    static final long MEMORY_LIMIT = 1024L * 1024 * 1024;

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread thread;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger statsCalls = new AtomicInteger();

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
                String path = requestLine.split(" ").length > 1 ? requestLine.split(" ")[1] : "";
                if (path.startsWith("/containers/json")) {
                    write(client, 200, containers(), false);
                } else if (path.startsWith("/containers/" + WEB_ID + "/stats")) {
                    write(client, 200, stats(statsCalls.incrementAndGet()), true);
                } else {
                    write(client, 404, "{\"message\":\"page not found\"}", false);
                }
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

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

    private static void write(SocketChannel client, int status, String json, boolean chunked) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append("HTTP/1.1 ")
                .append(status)
                .append(status == 200 ? " OK" : " Not Found")
                .append("\r\nApi-Version: 1.43\r\nContent-Type: application/json\r\nServer: Docker/24.0.7 (linux)\r\n")
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

    private static String containers() {
        return """
                [{"Id":"%s","Names":["/web"],"Image":"nginx:1.25","ImageID":"sha256:aa","Command":"nginx -g 'daemon off;'",
                  "Created":1733000000,"State":"running","Status":"Up 3 hours","Ports":[{"PrivatePort":80,"Type":"tcp"}],
                  "Labels":{},"HostConfig":{"NetworkMode":"bridge"}},
                 {"Id":"%s","Names":["/backup"],"Image":"restic/restic:0.16","ImageID":"sha256:bb","Command":"backup",
                  "Created":1733000000,"State":"exited","Status":"Exited (1) 2 hours ago","Ports":[],"Labels":{},
                  "HostConfig":{"NetworkMode":"bridge"}}]""".formatted(WEB_ID, BACKUP_ID);
    }

    private static String stats(int call) {
        return """
                {"read":"2026-11-30T10:00:00Z","name":"/web","id":"%s",
                 "cpu_stats":{"cpu_usage":{"total_usage":%d},"system_cpu_usage":%d,"online_cpus":%d},
                 "precpu_stats":{"cpu_usage":{"total_usage":0},"system_cpu_usage":0},
                 "memory_stats":{"usage":%d,"limit":%d,"stats":{"inactive_file":%d,"active_file":1000}}}""".formatted(
                        WEB_ID,
                        1_000_000_000L + call * CONTAINER_STEP,
                        100_000_000_000L + call * SYSTEM_STEP,
                        CPUS,
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
