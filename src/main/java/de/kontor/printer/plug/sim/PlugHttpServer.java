package de.kontor.printer.plug.sim;

import org.jspecify.annotations.Nullable;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulated plug's HTTP side, on a plain server socket so that it can treat connections the way the
 * plugs do, which a general-purpose HTTP server does not allow: answer in HTTP/1.0 style and close after
 * every answer without announcing it, drop connections that stay idle, or refuse connections altogether
 * (the port closed, as while a plug's local API has not started after a power loss). Requests are small
 * POSTs with a {@code Content-Length}; nothing else of HTTP is needed.
 */
final class PlugHttpServer implements AutoCloseable {

    /** A request as the plug sees it; header names in lower case. */
    record Request(String method, String path, @Nullable String query, Map<String, String> headers, byte[] body) {}

    record Response(int status, byte[] body, @Nullable String setCookie) {}

    interface Handler {
        Response handle(Request request);
    }

    private static final int MAX_HEADER_BYTES = 8192;
    private static final int MAX_BODY_BYTES = 65_536;

    private final ExecutorService executor;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private final int port;
    private volatile P110Emulator.Connections connections = P110Emulator.Connections.KEEP_ALIVE;
    private volatile Duration idleTimeout = Duration.ofMillis(300);
    private volatile @Nullable ServerSocket listening;

    PlugHttpServer(ExecutorService executor, Handler handler, int port) throws IOException {
        this.executor = executor;
        this.handler = handler;
        ServerSocket socket = bind(port);
        this.port = socket.getLocalPort();
        listen(socket);
    }

    int port() {
        return port;
    }

    String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    void connections(P110Emulator.Connections connections, Duration idleTimeout) {
        this.connections = connections;
        this.idleTimeout = idleTimeout;
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** Connections open now. */
    int open() {
        return open.size();
    }

    /** Idle connections closed by the plug so far. */
    int dropped() {
        return dropped.get();
    }

    /** Requests that came on a connection which had already carried one. */
    int reused() {
        return reused.get();
    }

    /**
     * Refusing: the port is closed (connections are refused) and open connections are cut; not refusing:
     * the port listens again.
     */
    synchronized void refuse(boolean refuse) throws IOException {
        ServerSocket current = listening;
        if (refuse && current != null) {
            listening = null;
            current.close();
            closeOpen();
        } else if (!refuse && current == null) {
            listen(bind(port));
        }
    }

    @Override
    public synchronized void close() {
        ServerSocket current = listening;
        listening = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        closeOpen();
    }

    private void closeOpen() {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        open.clear();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return socket;
    }

    private void listen(ServerSocket socket) {
        listening = socket;
        executor.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    accepted.incrementAndGet();
                    open.add(connection);
                    executor.execute(() -> serve(connection));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean first = true;
            while (true) {
                P110Emulator.Connections mode = connections;
                socket.setSoTimeout(
                        !first && mode == P110Emulator.Connections.DROP_IDLE ? (int) idleTimeout.toMillis() : 0);
                Request request;
                try {
                    request = read(in);
                } catch (SocketTimeoutException idle) {
                    dropped.incrementAndGet();
                    return; // closes without a word, as the plug does
                }
                if (request == null) {
                    return;
                }
                if (!first) {
                    reused.incrementAndGet();
                }
                first = false;
                Response response = handler.handle(request);
                boolean http10 = mode == P110Emulator.Connections.CLOSE_AFTER_ANSWER;
                write(out, response, http10);
                if (http10 || "close".equalsIgnoreCase(request.headers().get("connection"))) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(socket);
        }
    }

    /** The next request, or null at the end of the stream. */
    private static @Nullable Request read(InputStream in) throws IOException {
        String head = head(in);
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        String[] start = lines[0].split(" ");
        if (start.length != 3) {
            throw new IOException("not an HTTP request: " + lines[0]);
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        int length;
        try {
            length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length");
        }
        if (length < 0 || length > MAX_BODY_BYTES) {
            throw new IOException("body of " + length + " bytes");
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            return null;
        }
        String target = start[1];
        int q = target.indexOf('?');
        return new Request(
                start[0],
                q < 0 ? target : target.substring(0, q),
                q < 0 ? null : target.substring(q + 1),
                headers,
                body);
    }

    /** The request line and headers up to the empty line, or null if the stream ended before a request. */
    private static @Nullable String head(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            buffer.write(b);
            if ((b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1)) {
                matched++;
            } else {
                matched = b == '\r' ? 1 : 0;
            }
            if (buffer.size() > MAX_HEADER_BYTES) {
                throw new IOException("headers too long");
            }
        }
        return buffer.toString(StandardCharsets.ISO_8859_1).strip();
    }

    private static void write(OutputStream out, Response response, boolean http10) throws IOException {
        StringBuilder head = new StringBuilder()
                .append(http10 ? "HTTP/1.0 " : "HTTP/1.1 ")
                .append(response.status())
                .append(' ')
                .append(reason(response.status()))
                .append("\r\nServer: SHIP 2.0\r\nContent-Type: text/html\r\nContent-Length: ")
                .append(response.body().length)
                .append("\r\n");
        if (response.setCookie() != null) {
            head.append("Set-Cookie: ").append(response.setCookie()).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body());
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> "Error";
        };
    }
}
