package de.kontor.agent.ops;

import de.kontor.agent.ops.TerminalCapability.Chunk;
import de.kontor.agent.ops.TerminalCapability.Opened;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A real pseudo-terminal on this machine, driven directly and through operations. */
class TerminalCapabilityTest {

    private TerminalCapability terminal =
            new TerminalCapability(List.of("/bin/sh"), System.getenv(), Duration.ofMinutes(1), 2);

    @AfterEach
    void closeSessions() {
        terminal.close();
    }

    /** Reads until the output holds the text, as a transport would keep reading. */
    private static String readUntil(TerminalSession session, String expected) {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            seen.writeBytes(session.read(Duration.ofMillis(200)));
            return seen.toString(StandardCharsets.UTF_8).contains(expected);
        });
        return seen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void whatIsTypedRunsInTheShellAndItsOutputComesBack() throws Exception {
        TerminalSession session = terminal.open(80, 24);

        session.write("echo hi-$((40+2))\r".getBytes(StandardCharsets.UTF_8));

        assertThat(readUntil(session, "hi-42"))
                .as("the shell computed it, so this is not just the terminal's echo")
                .contains("hi-42");
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void theShellRunsOnARealTerminalThatFollowsTheWindowSize() throws Exception {
        TerminalSession session = terminal.open(80, 24);
        session.write("tty; stty size\r".getBytes(StandardCharsets.UTF_8));
        assertThat(readUntil(session, "24 80")).contains("/dev/pts/");

        session.resize(132, 40);
        session.write("stty size\r".getBytes(StandardCharsets.UTF_8));

        assertThat(readUntil(session, "40 132")).contains("40 132");
    }

    @Test
    void operationsDriveASessionAndClosingItGivesTheTypedInputForTheAudit() throws Exception {
        Opened opened = (Opened) terminal.run(new Operation("open", "", Map.of("columns", "100", "rows", "30")))
                .data();
        String id = opened.session();
        terminal.run(new Operation("input", id, Map.of("data", "echo ops-$((6*7))\r")));

        StringBuilder output = new StringBuilder();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Chunk chunk = (Chunk) terminal.run(new Operation("output", id, Map.of("wait", "200")))
                    .data();
            output.append(new String(Base64.getDecoder().decode(chunk.output()), StandardCharsets.UTF_8));
            return output.toString().contains("ops-42");
        });
        terminal.run(new Operation("input", id, Map.of("data", "sleep 1\u0003")));
        OperationResult closed = terminal.run(new Operation("close", id, Map.of()));

        assertThat(closed.output()).isEqualTo("echo ops-$((6*7))\nsleep 1^C");
        assertThatThrownBy(() -> terminal.run(new Operation("output", id, Map.of())))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageStartingWith("There is no terminal session '" + id + "'");
    }

    @Test
    void theShellDoesNotSeeTheAgentsOwnSettingsAndKnowsItsTerminalType() throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("KONTOR_AGENT_TOKEN", "node-secret");
        environment.put("KONTOR_AGENT_SERVER", "https://kontor.example");
        environment.put("LANG", "C.UTF-8");
        terminal.close();
        terminal = new TerminalCapability(List.of("/bin/sh"), environment, Duration.ofMinutes(1), 2);
        TerminalSession session = terminal.open(80, 24);

        session.write("echo \"[${KONTOR_AGENT_TOKEN:-none}|$TERM|$LANG]\"\r".getBytes(StandardCharsets.UTF_8));

        assertThat(readUntil(session, "[none|xterm-256color|C.UTF-8]")).doesNotContain("node-secret");
    }

    @Test
    void aShellThatEndsReportsItsExitCode() throws Exception {
        TerminalSession session = terminal.open(80, 24);

        session.write("exit 3\r".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(10)).until(() -> !session.isOpen());
        assertThat(session.exitCode()).isEqualTo(3);
    }

    @Test
    void closingEndsWhatRunsInTheTerminalAndItsReaderEvenWhenNobodyReadTheFlood() throws Exception {
        TerminalSession session = terminal.open(80, 24);
        session.write("yes flood\r".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> floods().findAny().isPresent());
        List<ProcessHandle> floods = floods().toList();
        String reader = "terminal-" + session.id().substring(0, 8);
        await().atMost(Duration.ofSeconds(10))
                .alias("the reader waits for room once the buffer is full")
                .until(() -> threadState(reader) == Thread.State.WAITING);

        session.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> floods.stream().noneMatch(ProcessHandle::isAlive));
        await().atMost(Duration.ofSeconds(10)).until(() -> threadState(reader) == null);
    }

    private static Stream<ProcessHandle> floods() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().orElse("").endsWith("/yes"));
    }

    private static Thread.State threadState(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .map(Thread::getState)
                .findFirst()
                .orElse(null);
    }

    @Test
    void anIdleSessionIsClosed() throws Exception {
        terminal.close();
        terminal = new TerminalCapability(List.of("/bin/sh"), System.getenv(), Duration.ofMillis(300), 2);
        TerminalSession session = terminal.open(80, 24);

        await().atMost(Duration.ofSeconds(10)).until(() -> !session.isOpen());
        assertThatThrownBy(() -> terminal.session(session.id())).isInstanceOf(OperationRefusedException.class);
    }

    @Test
    void noMoreSessionsThanAllowedAreOpen() throws Exception {
        terminal.open(80, 24);
        terminal.open(80, 24);

        assertThatThrownBy(() -> terminal.open(80, 24))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("This node already has 2 open terminal sessions, the most it allows; close one first.");
        assertThatThrownBy(() -> terminal.run(new Operation("exec", "", Map.of())))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageStartingWith("The terminal capability has no action 'exec'");
    }
}
