package de.kontor.kiosk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.PublicAddress;
import de.kontor.base.ui.SecretDialog;
import de.kontor.base.ui.ViewHeader;
import de.kontor.kiosk.KioskModel.IssuedToken;
import de.kontor.kiosk.KioskModel.Kiosk;
import de.kontor.kiosk.KioskProperties;
import de.kontor.kiosk.KioskService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Kiosk displays: register (the address with its device token is shown once), pair a waiting screen by
 * its code, edit what it shows, deactivate/reactivate, rotate the token; last seen, browser and screen.
 */
@Route("kiosks")
@Menu(title = "menu.kiosks", order = 700, icon = "vaadin:desktop")
@RolesAllowed({"ADMIN", "VIEWER"})
class KiosksView extends Div implements HasDynamicTitle {

    private final KioskService kiosks;
    private final ZoneId zone;
    private final Clock clock;
    private final @Nullable String baseUrl;
    private final Grid<Kiosk> grid = new Grid<>();

    KiosksView(KioskService kiosks, ZoneId zone, Clock clock, KioskProperties properties) {
        this.kiosks = kiosks;
        this.zone = zone;
        this.clock = clock;
        this.baseUrl = properties.baseUrl();
        addClassName("kontor-view");
        setId("kiosks-view");
        Paragraph intro = new Paragraph(getTranslation("kiosk.intro"));
        intro.addClassName("kontor-muted");
        Button add = new Button(getTranslation("kiosk.add"), VaadinIcon.PLUS.create(), e -> openEditor(null));
        add.setId("kiosk-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button pair = new Button(getTranslation("kiosk.pair"), VaadinIcon.CONNECT.create(), e -> openPair());
        pair.setId("kiosk-pair");
        add(new ViewHeader(intro).actions(pair, add));

        grid.setId("kiosks-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        Grids.name(grid.addColumn(Kiosk::name).setHeader(getTranslation("kiosk.column.name")), "10rem");
        Grids.text(grid, k -> k.location() == null ? "" : k.location(), "8rem")
                .setHeader(getTranslation("kiosk.column.location"));
        Grids.key(grid.addComponentColumn(this::state)
                .setHeader(getTranslation("kiosk.column.state"))
                .setKey("state"));
        Grids.key(grid.addColumn(k -> k.lastSeenAt() == null ? "–" : Formats.dateTime(k.lastSeenAt(), zone))
                .setHeader(getTranslation("kiosk.column.lastSeen")));
        Grids.text(grid, KiosksView::device, "6rem").setHeader(getTranslation("kiosk.column.device"));
        Grids.actions(grid.addComponentColumn(this::actions).setKey("actions"));
        Grids.counted(grid, getTranslation("kiosk.empty"));
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    void refresh() {
        grid.setItems(kiosks.kiosks());
    }

    private static String device(Kiosk k) {
        return (k.browser() == null ? "" : k.browser()) + (k.screenSize() == null ? "" : " · " + k.screenSize());
    }

    private Component state(Kiosk k) {
        if (!k.active()) {
            return Badges.of(getTranslation("kiosk.state.inactive"), Badges.Tone.NEUTRAL);
        }
        boolean online =
                k.lastSeenAt() != null && k.lastSeenAt().isAfter(clock.instant().minus(Duration.ofMinutes(1)));
        return Badges.of(
                getTranslation(online ? "kiosk.state.online" : "kiosk.state.offline"),
                online ? Badges.Tone.SUCCESS : Badges.Tone.WARNING);
    }

    private Component actions(Kiosk k) {
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> openEditor(k));
        edit.setId("kiosk-edit-" + k.id());
        edit.setAriaLabel(getTranslation("kiosk.edit"));
        Button active = new Button(getTranslation(k.active() ? "kiosk.deactivate" : "kiosk.activate"), e -> {
            kiosks.setActive(k.id(), !k.active());
            refresh();
        });
        active.setId("kiosk-active-" + k.id());
        Button rotate = new Button(getTranslation("kiosk.rotate"), e -> {
            showAddress(kiosks.rotateToken(k.id()), k.name());
            refresh();
        });
        rotate.setId("kiosk-rotate-" + k.id());
        for (Button b : new Button[] {edit, active, rotate}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        HorizontalLayout actions = new HorizontalLayout(edit, active, rotate);
        actions.setSpacing(false);
        return actions;
    }

    private void showAddress(IssuedToken token, String name) {
        new SecretDialog(
                        getTranslation("kiosk.address.title", name),
                        getTranslation("kiosk.address.explanation"),
                        PublicAddress.of(baseUrl) + "/" + token.path())
                .open();
    }

    void openEditor(@Nullable Kiosk existing) {
        KioskForm form = new KioskForm(existing);
        form.onSave(data -> {
            if (existing == null) {
                IssuedToken token = kiosks.create(data);
                showAddress(token, data.name());
            } else {
                kiosks.update(existing.id(), existing.version(), data);
            }
            refresh();
        });
        form.open();
    }

    void openPair() {
        Dialog dialog = new Dialog();
        dialog.setId("kiosk-pair-dialog");
        dialog.setHeaderTitle(getTranslation("kiosk.pair"));
        Paragraph help = new Paragraph(getTranslation("kiosk.pair.help"));
        help.addClassName("kontor-muted");
        TextField code = new TextField(getTranslation("kiosk.field.code"));
        code.setId("kiosk-pair-code");
        Select<Kiosk> target = new Select<>();
        target.setId("kiosk-pair-target");
        target.setLabel(getTranslation("kiosk.field.kiosk"));
        target.setItems(kiosks.kiosks());
        target.setItemLabelGenerator(Kiosk::name);
        dialog.add(help, new FormLayout(code, target));
        Button pair = new Button(getTranslation("kiosk.pair"), e -> {
            if (target.getValue() == null) {
                target.setInvalid(true);
                target.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            try {
                kiosks.pair(code.getValue(), target.getValue().id());
                dialog.close();
                Notifications.success(
                        getTranslation("kiosk.paired", target.getValue().name()));
                refresh();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("code", code));
            }
        });
        pair.setId("kiosk-pair-save");
        Dialogs.footer(dialog, pair);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.kiosks");
    }
}
