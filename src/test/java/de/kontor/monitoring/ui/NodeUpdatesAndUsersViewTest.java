package de.kontor.monitoring.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.TestTotp;
import de.kontor.agent.Agent;
import de.kontor.monitoring.MonitoringModel.IssuedNodeToken;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringService;
import de.kontor.monitoring.TestAgents;
import de.kontor.security.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The node page's updates and users tabs, driving a real agent whose apt, unattended-upgrade, useradd,
 * usermod and userdel are recording stand-ins on its PATH (users and groups are this machine's).
 */
class NodeUpdatesAndUsersViewTest extends KaribuTest {

    @Autowired
    MonitoringService monitoring;

    @TempDir
    Path dir;

    private @Nullable Agent agent;
    private Path bin;

    @BeforeEach
    void tools() throws IOException {
        bin = TestAgents.recordingTools(
                dir.resolve("bin"), List.of("apt-get", "apt", "unattended-upgrade", "useradd", "usermod", "userdel"));
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    private IssuedNodeToken startAgent(String allow) {
        loginAsAdmin();
        IssuedNodeToken node = monitoring.addNode(new NewNode(unique("ops-uu"), List.of()));
        agent = TestAgents.startWithOperations(
                monitoring,
                URI.create(baseUrl()),
                node.nodeId(),
                node.token(),
                allow,
                dir.resolve("state"),
                TestAgents.environmentWith(bin));
        return node;
    }

    private String adminWithSecondFactor() {
        login(unique("ops-uu-admin"), Role.ADMIN);
        String secret = TestTotp.enrolCurrentUser(users, clock);
        clock.advance(Duration.ofMinutes(11));
        return secret;
    }

    /** Gives the reason and, when asked (the first time in ten minutes), the second factor. */
    private void confirm(String reason, String secret) {
        type(_get(TextField.class, s -> s.withId("ops-reason")), reason);
        _click(_get(Button.class, s -> s.withId("ops-run")));
        if (!_find(TextField.class, s -> s.withId("step-up-code")).isEmpty()) {
            type(_get(TextField.class, s -> s.withId("step-up-code")), TestTotp.next(secret, clock));
            _click(_get(Button.class, s -> s.withId("step-up-confirm")));
        }
    }

    private String calls() throws IOException {
        Path log = bin.resolve("calls.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private String result() {
        return _get(Pre.class, s -> s.withId("ops-result")).getText();
    }

    @Test
    void pendingUpdatesAreListedWithSecurityMarkedAndSecurityOnlyIsInstalledAfterReasonAndStepUp() throws Exception {
        IssuedNodeToken node = startAgent("updates");
        String secret = adminWithSecondFactor();
        navigate("monitoring/node/" + node.nodeId());

        _click(_get(Button.class, s -> s.withId("ops-updates-load")));
        Grid<?> grid = _get(Grid.class, s -> s.withId("ops-updates-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(grid, 0)).startsWith("libssl3", "3.0.14-1~deb12u2 → 3.0.15-1~deb12u1");
        assertThat(GridKt._getCellComponent(grid, 0, "security"))
                .isInstanceOfSatisfying(
                        Span.class, badge -> assertThat(badge.getText()).isEqualTo("Security update"));
        assertThat(((Span) GridKt._getCellComponent(grid, 2, "security")).getText())
                .isEmpty();
        assertThat(_get(Span.class, s -> s.withId("ops-updates-summary")).getText())
                .isEqualTo("3 updates pending, 2 of them security updates");

        _click(_get(Button.class, s -> s.withId("ops-updates-install-security")));
        confirm("monthly patch day", secret);

        await().atMost(Duration.ofSeconds(15)).until(() -> calls().contains("unattended-upgrade -v"));
        assertThat(calls()).doesNotContain("upgrade -y").doesNotContain("-q -o Dpkg");
        assertThat(result()).contains("DONE").contains("All upgrades installed");
    }

    @Test
    void installingAllUpdatesNeedsTheReason() throws Exception {
        IssuedNodeToken node = startAgent("updates");
        String secret = adminWithSecondFactor();
        navigate("monitoring/node/" + node.nodeId());

        _click(_get(Button.class, s -> s.withId("ops-updates-install-all")));
        _click(_get(Button.class, s -> s.withId("ops-run")));
        assertThat(_get(TextField.class, s -> s.withId("ops-reason")).isInvalid())
                .isTrue();
        assertThat(calls()).doesNotContain("upgrade");
        confirm("all of them", secret);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> calls().contains("apt-get -y -q -o Dpkg::Options::=--force-confdef"));
    }

    @Test
    void usersAreListedLockedUnlockedDeletedAndCreatedThroughTheTools() throws Exception {
        IssuedNodeToken node = startAgent("users");
        String secret = adminWithSecondFactor();
        navigate("monitoring/node/" + node.nodeId());

        _click(_get(Button.class, s -> s.withId("ops-users-load")));
        Grid<?> grid = _get(Grid.class, s -> s.withId("ops-users-grid"));
        assertThat(GridKt._getFormattedRow(grid, 0)).startsWith("root", "0");
        String other = GridKt._getFormattedRow(grid, 1).getFirst();

        _click(_get(GridKt._getCellComponent(grid, 0, "actions"), Button.class, s -> s.withId("ops-user-lock-root")));
        confirm("left the company", secret);
        await().atMost(Duration.ofSeconds(15)).until(() -> calls().contains("usermod --lock -- root"));
        _click(_get(GridKt._getCellComponent(grid, 0, "actions"), Button.class, s -> s.withId("ops-user-unlock-root")));
        confirm("came back", secret);
        await().atMost(Duration.ofSeconds(15)).until(() -> calls().contains("usermod --unlock -- root"));
        _click(_get(
                GridKt._getCellComponent(grid, 1, "actions"), Button.class, s -> s.withId("ops-user-delete-" + other)));
        confirm("not needed", secret);
        await().atMost(Duration.ofSeconds(15)).until(() -> calls().contains("userdel -- " + other));

        type(_get(TextField.class, s -> s.withId("ops-users-new")), "Not A Name");
        _click(_get(Button.class, s -> s.withId("ops-users-create")));
        assertThat(_get(TextField.class, s -> s.withId("ops-users-new")).isInvalid())
                .isTrue();
        type(_get(TextField.class, s -> s.withId("ops-users-new")), "deploy2");
        _click(_get(Button.class, s -> s.withId("ops-users-create")));
        confirm("new deploy user", secret);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> calls().contains("useradd --create-home --shell /bin/bash -- deploy2"));

        _click(_get(Button.class, s -> s.withId("ops-users-groups")));
        Grid<?> groups = _get(Grid.class, s -> s.withId("ops-groups-grid"));
        assertThat(groups.isVisible()).isTrue();
        assertThat(GridKt._getFormattedRow(groups, 0)).startsWith("root", "0");
    }

    @Test
    void aKeyIsSentToTheAgentWithReasonAndStepUpAndSomethingElseThanAKeyIsRefusedThere() throws Exception {
        IssuedNodeToken node = startAgent("users");
        String secret = adminWithSecondFactor();
        navigate("monitoring/node/" + node.nodeId());
        _click(_get(Button.class, s -> s.withId("ops-users-load")));
        Grid<?> grid = _get(Grid.class, s -> s.withId("ops-users-grid"));

        _click(_get(GridKt._getCellComponent(grid, 0, "actions"), Button.class, s -> s.withId("ops-user-keys-root")));
        _get(Grid.class, s -> s.withId("ops-keys-grid"));
        _click(_get(Button.class, s -> s.withId("ops-key-add")));
        assertThat(_get(TextArea.class, s -> s.withId("ops-key-new")).isInvalid())
                .isTrue();
        // refused by the agent before it touches any file: this test must never write root's keys
        type(_get(TextArea.class, s -> s.withId("ops-key-new")), "command=\"rm -rf /\" not-a-key");
        _click(_get(Button.class, s -> s.withId("ops-key-add")));
        confirm("colleague's laptop", secret);

        assertThat(result()).contains("REFUSED").contains("not one public key line");
    }

    @Test
    void updatesAndUsersAreGreyedOutWhenTheNodeDoesNotAllowThem() {
        IssuedNodeToken node = startAgent("processes");
        login(unique("ops-uu-admin"), Role.ADMIN);
        navigate("monitoring/node/" + node.nodeId());

        assertThat(_get(Tab.class, s -> s.withId("ops-tab-updates")).isEnabled())
                .isFalse();
        assertThat(_get(Tab.class, s -> s.withId("ops-tab-users")).isEnabled()).isFalse();
        assertThat(_get(Tab.class, s -> s.withId("ops-tab-processes")).isEnabled())
                .isTrue();
        assertThat(_get(Span.class, s -> s.withId("ops-cap-updates")).getStyle().get("opacity"))
                .isEqualTo("0.5");
        assertThat(_find(Button.class, s -> s.withId("ops-user-keys-root"))).isEmpty();
    }

    @Test
    void keysAreShortenedToTellThemApartAndAptSecurityOriginsAreMarked() {
        assertThat(UpdatesAndUsersTabs.shortKey(
                        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@example"))
                .isEqualTo("ssh-ed25519 AAAAC3NzaC1l…h2l9GKJl ops@example");
        assertThat(UpdatesAndUsersTabs.shortKey("from=\"10.0.0.1\" ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 me"))
                .isEqualTo("ssh-rsa AAAAB3NzaC1y…AAABAQC7 me");
    }
}
