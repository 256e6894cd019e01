package de.kontor.agent;

import de.kontor.agent.Inventory.FailedUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed units come from the {@code systemctl} on the agent's PATH. This machine has no systemd, so a
 * test executable stands in: it records its arguments and prints what systemctl prints.
 */
class SystemdUnitsTest {

    @TempDir
    Path bin;

    private Path systemctl(String script) throws Exception {
        Path file = bin.resolve("systemctl");
        Files.writeString(file, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"$(dirname \"$0\")/calls.log\"\n" + script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** The fake systemctl first; the tools its script uses from the system (systemctl runs with this PATH). */
    private Map<String, String> withSystemctl() {
        return Map.of("PATH", bin + ":/usr/bin:/bin");
    }

    @Test
    void failedUnitsAreListedWithTheirStateAndDescription() throws Exception {
        systemctl("""
                cat <<'OUT'
                nginx.service  loaded failed failed A high performance web server and a reverse proxy server
                ● backup.timer loaded failed failed Nightly backup
                OUT
                """);
        List<FailedUnit> units = new SystemdUnits(withSystemctl()).failedUnits();

        assertThat(units)
                .containsExactly(
                        new FailedUnit(
                                "nginx.service",
                                "loaded",
                                "failed",
                                "failed",
                                "A high performance web server and a reverse proxy server"),
                        new FailedUnit("backup.timer", "loaded", "failed", "failed", "Nightly backup"));
        assertThat(Files.readAllLines(bin.resolve("calls.log")))
                .containsExactly("list-units --state=failed --no-legend --plain --no-pager --full");
    }

    @Test
    void noFailedUnitsIsAnEmptyList() throws Exception {
        systemctl("exit 0\n");
        assertThat(new SystemdUnits(withSystemctl()).failedUnits()).isEmpty();
    }

    @Test
    void aSystemWithoutSystemdRunningGivesNoList() throws Exception {
        systemctl("echo 'System has not been booted with systemd as init system (PID 1). Can''t operate.' >&2\n"
                + "exit 1\n");
        assertThat(new SystemdUnits(withSystemctl()).failedUnits()).isNull();
        assertThat(bin.resolve("calls.log")).exists();
    }

    @Test
    void withoutSystemctlOnThePathNothingRuns() {
        assertThat(new SystemdUnits(Map.of("PATH", bin.toString())).failedUnits())
                .isNull();
    }

    @Test
    void theInventoryCarriesTheFailedUnits() throws Exception {
        systemctl("echo 'cron.service loaded failed failed Regular background program processing daemon'\n");
        Inventory inventory =
                new InventoryCollector(HostPaths.local(), null, withSystemctl(), 3).collect(1_800_000_000L);
        assertThat(inventory.failedUnits()).extracting(FailedUnit::unit).containsExactly("cron.service");
        assertThat(inventory.containers()).isNull();
    }
}
