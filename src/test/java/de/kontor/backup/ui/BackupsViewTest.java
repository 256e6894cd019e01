package de.kontor.backup.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.TestTotp;
import de.kontor.backup.BackupInfo;
import de.kontor.backup.BackupRun;
import de.kontor.backup.BackupService;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Backups view: an admin makes one and sees it listed; a viewer sees the list without actions. */
class BackupsViewTest extends KaribuTest {

    @Autowired
    BackupService backups;

    @Test
    void anAdminMakesABackupAndItAppearsInTheList() {
        loginAsAdmin();
        UI.getCurrent().navigate("backups");
        _click(_get(Button.class, s -> s.withId("backup-create")));
        assertThat(_get(Paragraph.class, s -> s.withId("backup-without-key")).getText())
                .contains("plug passwords")
                .contains("signing key");
        type(_get(PasswordField.class, s -> s.withId("backup-passphrase")), "short");
        _click(_get(Button.class, s -> s.withId("backup-start")));
        PasswordField passphrase = _get(PasswordField.class, s -> s.withId("backup-passphrase"));
        assertThat(passphrase.isInvalid()).isTrue();

        type(passphrase, "");
        _click(_get(Button.class, s -> s.withId("backup-start")));
        await().atMost(Duration.ofMinutes(2))
                .until(() -> backups.lastRun().map(r -> !r.running()).orElse(false));
        BackupRun run = backups.lastRun().orElseThrow();
        assertThat(run.state()).isEqualTo(BackupRun.State.DONE);

        MockVaadin.clientRoundtrip(false);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("backups");
        Grid<BackupInfo> grid = _get(Grid.class, s -> s.withId("backups"));
        List<String> ids = GridKt._findAll(grid).stream().map(BackupInfo::id).toList();
        assertThat(ids).contains(run.backupId());
    }

    @Test
    void downloadingAsksForTheSecondFactorFirst() {
        String admin = unique("backup-ui-admin");
        login(admin, Role.ADMIN);
        String secret = TestTotp.enrolCurrentUser(users, clock);
        BackupInfo made = backups.create(null);
        clock.advance(Duration.ofMinutes(11));
        navigate("backups");

        Grid<BackupInfo> grid = _get(Grid.class, s -> s.withId("backups"));
        List<String> ids = GridKt._findAll(grid).stream().map(BackupInfo::id).toList();
        Component actions = GridKt._getCellComponent(grid, ids.indexOf(made.id()), "actions");
        _click(_get(actions, Button.class, s -> s.withId("backup-download-" + made.id())));
        _assertNone(Anchor.class, s -> s.withId("backup-download-file"));
        type(_get(TextField.class, s -> s.withId("step-up-code")), TestTotp.next(secret, clock));
        _click(_get(Button.class, s -> s.withId("step-up-confirm")));

        Anchor file = _get(Anchor.class, s -> s.withId("backup-download-file"));
        assertThat(file.getElement().getTextRecursively()).contains(made.id());
        assertThat(backups.download(made.id())).exists();
    }

    @Test
    void aViewerSeesTheListButNoActions() {
        login(unique("viewer"), Role.VIEWER);
        UI.getCurrent().navigate("backups");
        _get(Grid.class, s -> s.withId("backups"));
        _assertNone(Button.class, s -> s.withId("backup-create"));
        _assertNone(Button.class, s -> s.withText("Delete"));
        assertThat(_get(Paragraph.class, s -> s.withId("backup-restore-hint")).getText())
                .contains("java -jar kontor.jar restore");
    }
}
