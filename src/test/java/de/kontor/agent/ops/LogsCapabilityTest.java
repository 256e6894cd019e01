package de.kontor.agent.ops;

import de.kontor.agent.ops.LogsCapability.JournalPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Following the journal: the agent asks {@code journalctl} for its cursor, hands it back as the position, and
 * the next reading starts after it. A recording {@code journalctl} on the PATH plays a journal that gets one new
 * line between two readings, as the real one prints with {@code --show-cursor}.
 */
class LogsCapabilityTest {

    @TempDir
    Path dir;

    private LogsCapability logs;
    private Path calls;

    @BeforeEach
    void setUp() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls.log");
        Path journalctl = bin.resolve("journalctl");
        Files.writeString(journalctl, """
                #!/bin/sh
                echo "journalctl $*" >> "%s"
                case "$*" in
                  *--after-cursor=s=first*)
                    echo "2026-12-01T08:00:03+0000 web-1 nginx[812]: third"
                    case "$*" in *--show-cursor*) echo "-- cursor: s=second;i=3" ;; esac ;;
                  *--after-cursor=s=second*) ;;
                  *)
                    echo "2026-12-01T08:00:01+0000 web-1 nginx[812]: first"
                    echo "2026-12-01T08:00:02+0000 web-1 nginx[812]: second"
                    case "$*" in *--show-cursor*) echo "-- cursor: s=first;i=2" ;; esac ;;
                esac
                """.formatted(calls));
        Files.setPosixFilePermissions(journalctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        logs = new LogsCapability(
                new Tools(Map.of("PATH", bin + ":/usr/bin:/bin"), Duration.ofSeconds(10)), List.of(dir));
    }

    private OperationResult journal(Map<String, String> args) throws Exception {
        return logs.run(new Operation("journal", "nginx.service", args));
    }

    @Test
    void followingReadsOnlyWhatCameAfterTheLastReading() throws Exception {
        OperationResult first = journal(Map.of("follow", "true"));
        assertThat(first.output()).contains("first", "second").doesNotContain("cursor");
        assertThat(first.data()).isEqualTo(new JournalPosition("s=first;i=2"));

        OperationResult next = journal(Map.of("cursor", "s=first;i=2"));
        assertThat(next.output()).contains("third").doesNotContain("first").doesNotContain("cursor");
        assertThat(next.data()).isEqualTo(new JournalPosition("s=second;i=3"));
        assertThat(Files.readAllLines(calls).getLast()).contains("--after-cursor=s=first;i=2", "--show-cursor");

        // nothing new: journalctl prints no cursor, and the next reading starts at the same place
        OperationResult quiet = journal(Map.of("cursor", "s=second;i=3"));
        assertThat(quiet.output()).isBlank();
        assertThat(quiet.data()).isEqualTo(new JournalPosition("s=second;i=3"));
    }

    @Test
    void aReadingThatDoesNotFollowHasNoPosition() throws Exception {
        OperationResult once = journal(Map.of());
        assertThat(once.output()).contains("first", "second");
        assertThat(once.data()).isNull();
        assertThat(Files.readAllLines(calls).getLast()).doesNotContain("--show-cursor");
    }

    @Test
    void aCursorThatIsNotOneIsRefusedBeforeJournalctlRuns() {
        assertThatThrownBy(() -> journal(Map.of("cursor", "s=1 --output=json")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("not a journal cursor");
        assertThat(calls).doesNotExist();
    }
}
