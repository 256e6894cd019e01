package de.kontor.agent;

import de.kontor.agent.Inventory.FailedUnit;
import org.jspecify.annotations.Nullable;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Failed systemd units, read with {@code systemctl list-units --state=failed} (the {@code systemctl}
 * found on the agent's PATH, run without a shell). Null where there is no systemctl or systemd does not
 * run (systemctl then exits with an error).
 */
final class SystemdUnits {

    private static final System.Logger log = System.getLogger(SystemdUnits.class.getName());
    private static final long TIMEOUT_SECONDS = 10;

    private final @Nullable Path systemctl;
    private boolean warned;

    SystemdUnits(Map<String, String> environment) {
        this.systemctl = find("systemctl", environment.getOrDefault("PATH", "/usr/bin:/bin"));
    }

    static @Nullable Path find(String program, String path) {
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

    @Nullable
    List<FailedUnit> failedUnits() {
        if (systemctl == null) {
            return null;
        }
        try {
            Process process = new ProcessBuilder(
                            systemctl.toString(),
                            "list-units",
                            "--state=failed",
                            "--no-legend",
                            "--plain",
                            "--no-pager",
                            "--full")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readNBytes(256 * 1024);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            if (process.exitValue() != 0) {
                return null;
            }
            return parse(new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (!warned) {
                log.log(Level.WARNING, "Cannot run " + systemctl + ": " + e);
                warned = true;
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Lines of {@code UNIT LOAD ACTIVE SUB DESCRIPTION}; a leading bullet ("●") is dropped. */
    static List<FailedUnit> parse(String output) {
        List<FailedUnit> units = new ArrayList<>();
        for (String line : output.split("\n")) {
            String l = line.strip();
            if (l.startsWith("●") || l.startsWith("*")) {
                l = l.substring(1).strip();
            }
            String[] parts = l.split("\\s+", 5);
            if (parts.length >= 4) {
                units.add(new FailedUnit(parts[0], parts[1], parts[2], parts[3], parts.length > 4 ? parts[4] : ""));
            }
        }
        return units;
    }
}
