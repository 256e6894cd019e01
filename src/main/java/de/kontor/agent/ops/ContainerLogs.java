package de.kontor.agent.ops;

import de.kontor.agent.DockerClient.Reply;
import de.kontor.agent.ops.ContainersCapability.LogLine;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A container's last log lines. Without a TTY the engine multiplexes stdout and stderr into frames, each
 * behind an 8-byte header (stream: 1 stdout, 2 stderr; three zero bytes; the payload's length as a
 * big-endian 32-bit number); with a TTY it sends the raw terminal output. The answer's content type says
 * which (engines before API 1.42 send none; then the first header tells).
 */
final class ContainerLogs {

    private static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
    private static final String RAW = "application/vnd.docker.raw-stream";
    /** Seconds as the engine takes them; the fraction lets a page that follows a log skip what it has. */
    private static final Pattern SINCE = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");

    private ContainerLogs() {}

    static OperationResult read(ContainersCapability containers, String container, Operation operation)
            throws IOException {
        int lines = ContainersCapability.intArgument(operation, "lines", 200, 1, 5000);
        StringBuilder path = new StringBuilder("/containers/")
                .append(ContainersCapability.encode(container))
                .append("/logs?stdout=true&stderr=true&tail=")
                .append(lines);
        String since = operation.argument("since", "").strip();
        if (!since.isEmpty()) {
            if (!SINCE.matcher(since).matches()) {
                throw new OperationRefusedException(
                        "'since' must be Unix seconds, with up to nine decimals, not '" + since + "'.");
            }
            path.append("&since=").append(since);
        }
        if (operation.argument("timestamps", "false").equals("true")) {
            path.append("&timestamps=true");
        }
        Reply reply = containers.send("GET", path.toString(), Duration.ofSeconds(30), container);
        List<LogLine> log = parse(reply.contentType(), reply.body());
        String text = log.stream().map(LogLine::text).collect(Collectors.joining("\n"));
        return new OperationResult(0, text, log);
    }

    /** The lines of a log answer, multiplexed or raw, in the order the engine sent them. */
    static List<LogLine> parse(@Nullable String contentType, byte[] body) {
        boolean multiplexed = contentType != null && contentType.startsWith(MULTIPLEXED)
                || (contentType == null || !contentType.startsWith(RAW)) && looksMultiplexed(body);
        List<LogLine> lines = new ArrayList<>();
        if (!multiplexed) {
            Pending raw = new Pending("stdout");
            raw.add(body, 0, body.length, lines);
            raw.flush(lines);
            return lines;
        }
        Pending stdout = new Pending("stdout");
        Pending stderr = new Pending("stderr");
        int at = 0;
        while (at + 8 <= body.length) {
            int size = ((body[at + 4] & 0xff) << 24)
                    | ((body[at + 5] & 0xff) << 16)
                    | ((body[at + 6] & 0xff) << 8)
                    | (body[at + 7] & 0xff);
            int start = at + 8;
            int end = (int) Math.min(body.length, (long) start + Math.max(0, size));
            (body[at] == 2 ? stderr : stdout).add(body, start, end, lines);
            at = end;
        }
        stdout.flush(lines);
        stderr.flush(lines);
        return lines;
    }

    private static boolean looksMultiplexed(byte[] body) {
        return body.length >= 8 && body[0] >= 0 && body[0] <= 2 && body[1] == 0 && body[2] == 0 && body[3] == 0;
    }

    /** The part of a stream's last line that has not ended yet (a long line may span frames). */
    private static final class Pending {

        private final String stream;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Pending(String stream) {
            this.stream = stream;
        }

        void add(byte[] bytes, int from, int to, List<LogLine> lines) {
            for (int i = from; i < to; i++) {
                if (bytes[i] == '\n') {
                    emit(lines);
                } else {
                    line.write(bytes[i]);
                }
            }
        }

        void flush(List<LogLine> lines) {
            if (line.size() > 0) {
                emit(lines);
            }
        }

        private void emit(List<LogLine> lines) {
            String text = line.toString(StandardCharsets.UTF_8);
            lines.add(new LogLine(stream, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text));
            line.reset();
        }
    }
}
