package de.kontor.agent.ops;

import org.jspecify.annotations.Nullable;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the node's tools ({@code systemctl}, {@code journalctl}, {@code ufw}, ...) as argument lists, never
 * through a shell: user text only ever becomes one argument. Programs are looked up on the agent's
 * {@code PATH}, each run has a timeout, and output is read up to a limit.
 */
public final class Tools {

    /** Output beyond this many bytes is cut (the channel cuts again for the audit log). */
    public static final int OUTPUT_LIMIT = 256 * 1024;

    private final String path;
    private final Duration timeout;

    public Tools(Map<String, String> environment, Duration timeout) {
        this.path = environment.getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        this.timeout = timeout;
    }

    /** What a program gave back: its exit code and its standard output and error, merged. */
    public record Run(int exitCode, String output) {

        public OperationResult result() {
            return new OperationResult(exitCode, output, null);
        }
    }

    /** The program's full path on the agent's PATH, or null. */
    public @Nullable Path find(String program) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public boolean has(String program) {
        return find(program) != null;
    }

    /**
     * Runs the program with the arguments.
     *
     * @throws OperationRefusedException when the program is not on the agent's PATH
     */
    public Run run(String program, List<String> arguments) throws IOException, InterruptedException {
        Path executable = find(program);
        if (executable == null) {
            throw new OperationRefusedException(program + " is not installed on this node (not on the agent's PATH)");
        }
        List<String> command = new ArrayList<>(arguments.size() + 1);
        command.add(executable.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", path);
        // tools answer in a stable, parseable language
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("SYSTEMD_PAGER", "");
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new Run(124, program + " did not finish within " + timeout.toSeconds() + " s and was stopped");
        }
        byte[] bytes = output.join();
        return new Run(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
    }

    private static byte[] read(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(OUTPUT_LIMIT);
            // drain the rest so the program does not block on a full pipe
            in.transferTo(OutputStream.nullOutputStream());
            return bytes;
        } catch (IOException e) {
            return ("(output unreadable: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8);
        }
    }
}
