package de.kontor.license.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.license.LicenseService;
import de.kontor.license.ModuleLicense;
import de.kontor.license.ModuleStatus;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The licenses this Kontor holds for modules: status, who it is licensed to, expiry, features; register
 * a Gitea token or Kontor key, revoke, check against Gitea now.
 */
@Route("modules")
@Menu(title = "menu.modules", order = 220, icon = "vaadin:puzzle-piece")
@RolesAllowed({"ADMIN", "VIEWER"})
class ModulesView extends Div implements HasDynamicTitle {

    private final LicenseService licenses;
    private final Grid<ModuleStatus> grid = new Grid<>();

    ModulesView(LicenseService licenses) {
        this.licenses = licenses;
        addClassName("kontor-view");
        Paragraph intro = new Paragraph(getTranslation("license.module.intro"));
        intro.addClassName("kontor-muted");
        Button checkAll =
                new Button(getTranslation("license.module.checkAll"), VaadinIcon.REFRESH.create(), e -> load(true));
        checkAll.setId("modules-check-all");
        ViewHeader toolbar = new ViewHeader(intro).actions(checkAll);

        grid.setId("modules-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // The module's name over its identifier and version: three facts in one column, so the license
        // columns and the actions fit beside the menu.
        Grids.text(
                grid.addComponentColumn(this::module)
                        .setHeader(getTranslation("license.module.column.module"))
                        .setKey("module"),
                m -> m.name() + " · " + m.identifier() + (m.version() == null ? "" : " " + m.version()),
                "10rem");
        Grids.key(grid.addColumn(m -> getTranslation("license.module.backend." + m.backend()))
                .setHeader(getTranslation("license.module.column.backend"))
                .setKey("backend"));
        Grids.key(grid.addComponentColumn(m -> status(m.license()))
                .setHeader(getTranslation("license.module.column.status"))
                .setKey("status"));
        Grids.text(grid, m -> nz(m.license().licensedTo()), "8rem")
                .setHeader(getTranslation("license.module.column.licensedTo"))
                .setKey("licensedTo");
        Grids.key(grid.addColumn(m -> m.license().expiresAt() == null
                        ? ""
                        : m.license().expiresAt().toLocalDate().toString())
                .setHeader(getTranslation("license.module.column.expires"))
                .setKey("expires"));
        Grids.text(grid, m -> String.join(", ", m.license().features()), "6rem")
                .setHeader(getTranslation("license.module.column.features"))
                .setKey("features");
        Grids.text(
                grid.addComponentColumn(this::info)
                        .setHeader(getTranslation("license.module.column.info"))
                        .setKey("info"),
                m -> nz(m.license().message()),
                "10rem");
        Grids.actions(grid.addComponentColumn(this::actions).setKey("actions"));
        grid.setAllRowsVisible(true);
        Grids.counted(grid, getTranslation("license.module.empty"));
        add(toolbar, grid);
        load(false);
    }

    private void load(boolean online) {
        List<ModuleStatus> modules = licenses.modules(online, getLocale());
        grid.setItems(modules);
    }

    private Component status(ModuleLicense license) {
        Badges.Tone tone = switch (license.status()) {
            case "active" -> Badges.Tone.SUCCESS;
            case "grace" -> Badges.Tone.WARNING;
            default -> Badges.Tone.ERROR;
        };
        return Badges.of(getTranslation("license.module.status." + license.status()), tone);
    }

    private Component module(ModuleStatus m) {
        Span identifier = new Span(m.identifier() + (m.version() == null ? "" : " " + m.version()));
        identifier.addClassName("kontor-muted");
        Div module = new Div(new Span(m.name()), identifier);
        module.addClassName("kontor-two-lines");
        return module;
    }

    private static String nz(@Nullable String text) {
        return text == null ? "" : text;
    }

    private Component info(ModuleStatus m) {
        Span message = new Span(m.license().message());
        Div info = new Div(message);
        if (m.license().source() != null) {
            Span source = new Span(" · "
                    + getTranslation("license.module.source." + m.license().source()));
            source.addClassName("kontor-muted");
            info.add(source);
        }
        if (m.license().keyHint() != null) {
            Span hint = new Span(" · " + m.license().keyHint());
            hint.addClassName("kontor-muted");
            info.add(hint);
        }
        return info;
    }

    private Component actions(ModuleStatus m) {
        Button register = new Button(getTranslation("license.module.register"), e -> openRegister(m));
        register.setId("module-register-" + m.identifier());
        register.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout actions = new HorizontalLayout(register);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        if (m.license().keyHint() != null) {
            Button check = new Button(getTranslation("license.module.check"), e -> {
                try {
                    ModuleStatus checked = licenses.module(m.identifier(), true, getLocale());
                    Notifications.success(getTranslation(
                            "license.module.checked", checked.license().message()));
                    load(false);
                } catch (DomainException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                }
            });
            check.setId("module-check-" + m.identifier());
            check.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button revoke = new Button(getTranslation("license.module.revoke"), e -> confirmRevoke(m));
            revoke.setId("module-revoke-" + m.identifier());
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(check, revoke);
        }
        return actions;
    }

    private void openRegister(ModuleStatus m) {
        Dialog dialog = new Dialog();
        dialog.setId("module-register-dialog");
        dialog.setHeaderTitle(getTranslation("license.module.register.title", m.identifier()));
        PasswordField secret = new PasswordField(getTranslation("license.module.register.field"));
        secret.setId("module-register-secret");
        secret.setHelperText(getTranslation("license.module.register.help"));
        secret.setRevealButtonVisible(false);
        secret.setWidthFull();
        secret.setMinWidth("26em");
        dialog.add(secret);
        Dialogs.footer(
                dialog,
                "module-register-save",
                getTranslation("license.module.register"),
                () -> {
                    licenses.registerModuleLicense(m.identifier(), secret.getValue(), getLocale());
                    Notifications.success(getTranslation("license.module.register.done", m.identifier()));
                    load(false);
                },
                Map.of("licenseKey", secret));
        dialog.open();
        secret.focus();
    }

    private void confirmRevoke(ModuleStatus m) {
        Confirmations.ask(
                "module-revoke-confirm",
                getTranslation("license.module.revoke"),
                getTranslation("license.module.revoke.confirm", m.identifier()),
                getTranslation("license.module.revoke"),
                true,
                () -> {
                    try {
                        licenses.revokeModuleLicense(m.identifier());
                        Notifications.success(getTranslation("license.module.revoked", m.identifier()));
                    } catch (DomainException ex) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                    }
                    load(false);
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.modules");
    }
}
