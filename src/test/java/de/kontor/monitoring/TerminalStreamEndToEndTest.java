package de.kontor.monitoring;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.TestTotp;
import de.kontor.base.error.DomainException;
import de.kontor.monitoring.MonitoringTestSupport.CreatedNode;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.kontor.monitoring.MonitoringTestSupport.adminToken;
import static de.kontor.monitoring.MonitoringTestSupport.createNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A terminal streamed end to end: Kontor's service opens it with a signed command, a real agent in this JVM
 * opens a shell on a pseudo-terminal and carries keystrokes and output over its own requests to Kontor;
 * the connection between them runs through a gate that can cut it.
 */
class TerminalStreamEndToEndTest extends IntegrationTest {

    private static final String PASSWORD = "Term-Admin-Passw0rd-7";
    private static final Pattern PID = Pattern.compile("pid-(\\d+)-end");

    @Autowired
    MonitoringService monitoring;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private HttpClientSupport http;
    private String admin;
    private String stepped;
    private final List<AutoCloseable> closing = new ArrayList<>();

    /** What a page would show: the output so far and why the session ended. */
    static final class Screen implements TerminalConnection.Listener {
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final AtomicReference<String> ended = new AtomicReference<>();

        @Override
        public synchronized void output(byte[] data) {
            output.writeBytes(data);
        }

        @Override
        public void closed(String reason) {
            ended.set(reason);
        }

        synchronized String text() {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
        admin = adminToken(http);
        stepped = unique("term-admin");
        actAs(ADMIN);
        users.createUser(new NewUser(stepped, stepped, null, EnumSet.of(Role.ADMIN), PASSWORD));
        actAs(stepped);
        TestTotp.enrolCurrentUser(users, clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        SecurityContextHolder.clearContext();
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private static void actAs(String user) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
    }

    private CreatedNode nodeWithAgent(String allow, URI server) throws IOException {
        CreatedNode node = createNode(http, admin, unique("term"), "term");
        closing.add(TestAgents.startWithOperations(
                monitoring,
                server,
                node.id(),
                node.token(),
                allow,
                Files.createDirectories(dir.resolve("state-" + node.id())),
                new HashMap<>(System.getenv())));
        return node;
    }

    private List<String> audit(long action, String kind) {
        return jdbc.sql("select coalesce(details, '') from audit_log where entity_type = 'NodeAction' "
                        + "and entity_id = ? and action = ?")
                .params(Long.toString(action), kind)
                .query(String.class)
                .list();
    }

    @Test
    void typedCommandsRunOnTheNodeAndTheirOutputComesBackThenLeavingEndsTheShellAndAuditsTheInput() throws Exception {
        CreatedNode node = nodeWithAgent("terminal", URI.create(baseUrl()));
        Screen screen = new Screen();
        TerminalConnection terminal = monitoring.openTerminal(node.id(), 100, 30, "end-to-end test", screen);
        closing.add(terminal);
        int marker = ThreadLocalRandom.current().nextInt(100_000, 999_999);

        // the shell computes the number, so the line can only come from running the command
        terminal.input("echo hello-$((" + marker + "+1))-marker\r");
        await().atMost(Duration.ofSeconds(20)).until(() -> screen.text().contains("hello-" + (marker + 1) + "-marker"));
        terminal.resize(120, 40);
        terminal.input("stty size\r");
        await().atMost(Duration.ofSeconds(20)).until(() -> screen.text().contains("40 120"));

        terminal.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> screen.ended.get() != null);
        assertThat(screen.ended.get()).contains("the user left");
        assertThat(terminal.isOpen()).isFalse();
        List<String> closed = audit(terminal.actionId(), "TERMINAL_CLOSED");
        assertThat(closed).hasSize(1);
        assertThat(closed.getFirst())
                .contains("echo hello-$((" + marker + "+1))-marker")
                .contains("stty size");
        assertThat(audit(terminal.actionId(), "REQUEST")).hasSize(1);
    }

    @Test
    void whenTheConnectionDropsLongerThanTheGraceTheAgentEndsTheShellAndReportsTheInputOnceBack() throws Exception {
        int port = URI.create(baseUrl()).getPort();
        TcpGate gate = new TcpGate(port);
        closing.add(gate);
        gate.open();
        CreatedNode node = nodeWithAgent("terminal", URI.create("http://127.0.0.1:" + gate.port()));
        Screen screen = new Screen();
        TerminalConnection terminal = monitoring.openTerminal(node.id(), 80, 24, "end-to-end test", screen);
        closing.add(terminal);
        terminal.input("echo pid-$$-end\r");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> PID.matcher(screen.text()).find());
        Matcher pid = PID.matcher(screen.text());
        assertThat(pid.find()).isTrue();
        ProcessHandle shell = ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow();

        gate.close();
        // within the grace (kontor.monitoring.operations.terminal-grace in the tests) the shell keeps running
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(shell::isAlive);
        await().atMost(Duration.ofSeconds(20)).until(() -> !shell.isAlive());
        assertThat(screen.ended.get()).isNull();

        gate.open();
        await().atMost(Duration.ofSeconds(30)).until(() -> screen.ended.get() != null);
        assertThat(screen.ended.get()).contains("connection to Kontor was lost");
        List<String> closed = audit(terminal.actionId(), "TERMINAL_CLOSED");
        assertThat(closed).hasSize(1);
        assertThat(closed.getFirst()).contains("echo pid-$$-end");
    }

    @Test
    void aTerminalNeedsAStepUpAndANodeThatAllowsIt() throws Exception {
        CreatedNode terminalNode = nodeWithAgent("terminal", URI.create(baseUrl()));
        CreatedNode processesOnly = nodeWithAgent("processes", URI.create(baseUrl()));

        assertThatThrownBy(() -> monitoring.openTerminal(processesOnly.id(), 80, 24, "test", new Screen()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("CAPABILITY_NOT_ALLOWED"));

        String plain = unique("term-plain");
        actAs(ADMIN);
        users.createUser(new NewUser(plain, plain, null, EnumSet.of(Role.ADMIN), PASSWORD));
        actAs(plain);
        assertThatThrownBy(() -> monitoring.openTerminal(terminalNode.id(), 80, 24, "test", new Screen()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("STEP_UP_REQUIRED"));
        assertThat(jdbc.sql("select count(*) from monitoring_command where node_id = ?")
                        .param(terminalNode.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
