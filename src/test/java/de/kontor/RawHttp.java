package de.kontor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written by hand on a socket, for what a normal client will not send: a body shorter than its
 * {@code Content-Length}, a chunked body of any size, a request from another local address.
 */
public final class RawHttp {

    public record Answer(int status, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    private RawHttp() {}

    /** Sends the head and then {@code body}; write errors (the server closed early) are ignored. */
    public static Answer send(InetAddress from, int port, String head, byte[]... body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.UTF_8));
                for (byte[] part : body) {
                    out.write(part);
                }
                out.flush();
            } catch (IOException closedByServer) {
                // The server answered before taking the whole body: the answer is still there to read.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Answer send(int port, String head, byte[]... body) {
        return send(InetAddress.getLoopbackAddress(), port, head, body);
    }

    /** A chunked body of {@code total} bytes of {@code fill}, in chunks of 64 KiB, with the last chunk. */
    public static byte[][] chunked(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int chunk = 64 * 1024;
        for (int offset = 0; offset < content.length; offset += chunk) {
            int n = Math.min(chunk, content.length - offset);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content, offset, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return new byte[][] {out.toByteArray()};
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        String head = null;
        int contentLength = -1;
        int headEnd = -1;
        while ((n = in.read(buffer)) != -1) {
            all.write(buffer, 0, n);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            if (head == null && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                head = text.substring(0, headEnd);
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        contentLength = Integer.parseInt(line.substring(15).strip());
                    }
                }
            }
            if (head != null && contentLength >= 0 && all.size() >= headEnd + 4 + contentLength) {
                break;
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        if (head == null) {
            throw new IOException("No HTTP answer: " + text);
        }
        int status = Integer.parseInt(head.substring(9, 12));
        String body = text.substring(Math.min(text.length(), text.indexOf("\r\n\r\n") + 4));
        return new Answer(status, head, body);
    }
}
