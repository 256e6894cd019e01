package de.kontor.backup.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import de.kontor.backup.BackupInfo;
import de.kontor.backup.BackupRun;
import de.kontor.backup.BackupService;
import de.kontor.base.CurrentUser;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.security.StepUpDialog;
import de.kontor.security.UserService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The backups in the backup folder: make one now (with a passphrase to include the secret key), watch its
 * progress, download or delete one. Viewers see the list only. Restoring is done on the command line with
 * Kontor stopped; the view says how.
 */
@Route("backups")
@Menu(title = "menu.backups", order = 985, icon = "vaadin:archive")
@RolesAllowed({"ADMIN", "VIEWER"})
class BackupsView extends Div implements HasDynamicTitle {

    private static final int POLL_MILLIS = 1000;

    private final BackupService backups;
    private final UserService users;
    private final ZoneId zone;
    private final Grid<BackupInfo> grid = new Grid<>();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span status = new Span();
    private final Div running = new Div();
    private final Button create = new Button();
    private @Nullable BackupRun watched;
    private @Nullable Registration polling;

    BackupsView(BackupService backups, UserService users, ZoneId zone) {
        this.backups = backups;
        this.users = users;
        this.zone = zone;
        addClassName("kontor-view");
        setId("backups-view");
        boolean admin = CurrentUser.hasRole("ADMIN");

        create.setText(getTranslation("backup.create"));
        create.setId("backup-create");
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreateDialog());
        create.setVisible(admin);
        add(new ViewHeader().actions(create));

        Paragraph intro =
                new Paragraph(getTranslation("backup.intro", backups.directory().toString(), backups.keep()));
        intro.addClassName("kontor-muted");
        Paragraph restore = new Paragraph(getTranslation("backup.restoreHint"));
        restore.addClassName("kontor-muted");
        restore.setId("backup-restore-hint");
        add(intro, restore);

        progress.setId("backup-progress");
        status.setId("backup-status");
        running.add(status, progress);
        running.setVisible(false);
        add(running);

        grid.setId("backups");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(b -> Formats.dateTime(b.createdAt(), zone))
                .setHeader(getTranslation("backup.time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(b -> Badges.of(getTranslation("backup.kind." + b.kind()), Badges.Tone.NEUTRAL))
                .setHeader(getTranslation("backup.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(b -> size(b.sizeBytes()))
                .setHeader(getTranslation("backup.size"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(b -> getTranslation(b.secretKeyIncluded() ? "backup.key.included" : "backup.key.missing"))
                .setHeader(getTranslation("backup.key"))
                .setAutoWidth(true);
        grid.addColumn(b -> b.kontorVersion() + " / " + b.schemaVersion())
                .setHeader(getTranslation("backup.version"))
                .setAutoWidth(true);
        grid.addColumn(BackupInfo::createdBy)
                .setHeader(getTranslation("backup.createdBy"))
                .setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(this::actions)
                    .setKey("actions")
                    .setAutoWidth(true)
                    .setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
        Grids.counted(grid, getTranslation("backup.empty"));
        grid.setHeight("30rem");
        add(grid);
        refresh();
    }

    private HorizontalLayout actions(BackupInfo backup) {
        Button download = new Button(getTranslation("backup.download"), e -> offerDownload(backup));
        download.setId("backup-download-" + backup.id());
        download.setIcon(VaadinIcon.DOWNLOAD.create());
        download.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button delete = new Button(getTranslation("backup.delete"), e -> confirmDelete(backup));
        delete.setId("backup-delete-" + backup.id());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(download, delete);
    }

    /** Asks for the second factor first when it is not fresh, then offers the file in a small dialog. */
    private void offerDownload(BackupInfo backup) {
        try {
            backups.checkDownload(backup.id());
        } catch (DomainException e) {
            if (!StepUpDialog.handle(e, users, () -> offerDownload(backup))) {
                Notifications.error(getTranslation(e.messageKey(), e.args()));
            }
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("backup-download-dialog");
        dialog.setHeaderTitle(getTranslation("backup.download"));
        Anchor file = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    Path path = backups.download(backup.id());
                    return new DownloadResponse(
                            Files.newInputStream(path), backup.id() + ".zip", "application/zip", Files.size(path));
                }),
                "");
        file.setId("backup-download-file");
        file.add(VaadinIcon.DOWNLOAD.create(), new Span(backup.id() + ".zip"));
        file.addClassName("kontor-download");
        file.getElement().addEventListener("click", e -> dialog.close());
        dialog.add(new Paragraph(getTranslation("backup.download.ready")), file);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private void confirmDelete(BackupInfo backup) {
        Confirmations.ask(
                "backup-delete-confirm",
                getTranslation("backup.delete.title"),
                getTranslation("backup.delete.text", Formats.dateTime(backup.createdAt(), zone)),
                getTranslation("backup.delete"),
                true,
                () -> {
                    try {
                        backups.delete(backup.id());
                        Notifications.success(getTranslation("backup.deleted"));
                    } catch (DomainException ex) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                    }
                    refresh();
                });
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("backup-create-dialog");
        dialog.setHeaderTitle(getTranslation("backup.create"));
        PasswordField passphrase = new PasswordField(getTranslation("backup.passphrase"));
        passphrase.setId("backup-passphrase");
        passphrase.setHelperText(getTranslation("backup.passphrase.help"));
        passphrase.setWidthFull();
        Paragraph warning = new Paragraph(getTranslation("backup.withoutKey"));
        warning.setId("backup-without-key");
        warning.addClassName("kontor-muted");
        dialog.add(passphrase, warning);
        Button start = new Button(getTranslation("backup.start"), e -> {
            try {
                watched = backups.start(passphrase.getValue());
                dialog.close();
                startPolling();
                refresh();
            } catch (DomainException ex) {
                if (ex.field() != null) {
                    passphrase.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                    passphrase.setInvalid(true);
                } else {
                    Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                }
            }
        });
        start.setId("backup-start");
        Dialogs.footer(dialog, start);
        dialog.open();
    }

    /** Shows the list and the run this node is making; tells once when the run being watched ends. */
    void refresh() {
        BackupRun run = backups.lastRun().orElse(null);
        boolean busy = run != null && run.running();
        running.setVisible(busy || (run != null && run.state() == BackupRun.State.FAILED));
        create.setEnabled(!busy);
        if (run != null && busy) {
            progress.setVisible(true);
            progress.setValue(Math.max(0, Math.min(1, run.progress())));
            status.setText(getTranslation("backup.running"));
        } else if (run != null && run.state() == BackupRun.State.FAILED) {
            progress.setVisible(false);
            status.setText(getTranslation("backup.failed", Formats.dateTime(run.startedAt(), zone), run.error()));
            status.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        BackupRun mine = watched;
        if (mine != null && run != null && !run.running() && run.startedAt().equals(mine.startedAt())) {
            watched = null;
            stopPolling();
            if (run.state() == BackupRun.State.DONE) {
                Notifications.success(getTranslation("backup.done"));
            } else {
                Notifications.error(
                        getTranslation("backup.failed", Formats.dateTime(run.startedAt(), zone), run.error()));
            }
        }
        grid.setItems(backups.list());
    }

    private void startPolling() {
        getUI().ifPresent(ui -> {
            ui.setPollInterval(POLL_MILLIS);
            if (polling == null) {
                polling = ui.addPollListener(e -> refresh());
            }
        });
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (backups.lastRun().map(BackupRun::running).orElse(false)) {
            startPolling();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling();
    }

    private String size(long bytes) {
        Locale locale = getLocale();
        if (bytes < 1024 * 1024) {
            return String.format(locale, "%.1f KB", bytes / 1024.0);
        }
        return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.backups");
    }
}
