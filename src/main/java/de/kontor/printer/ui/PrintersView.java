package de.kontor.printer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.printer.PrinterModel.ConnectionTest;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The printers with live state from their plugs (refreshed by server push after every poll or switch):
 * add and edit with "test connection", switch on/off with confirmation, the default Tapo account.
 */
@Route("printers")
@Menu(title = "menu.printers", order = 400, icon = "vaadin:print")
@RolesAllowed({"ADMIN", "VIEWER"})
class PrintersView extends Div implements HasDynamicTitle {

    private final PrinterService printers;
    private final ZoneId zone;
    private final Grid<Printer> grid = new Grid<>();

    PrintersView(PrinterService printers, PrinterBroadcaster broadcaster, ZoneId zone) {
        this.printers = printers;
        this.zone = zone;
        addClassName("kontor-view");
        setId("printers-view");
        Button add = new Button(getTranslation("printer.add"), VaadinIcon.PLUS.create(), e -> openEditor(null));
        add.setId("printer-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button account =
                new Button(getTranslation("printer.defaultAccount"), VaadinIcon.KEY.create(), e -> openAccount());
        account.setId("printer-default-account");
        Button reservations = new Button(
                getTranslation("menu.reservations"),
                VaadinIcon.CALENDAR.create(),
                e -> UI.getCurrent().navigate("reservations"));
        Paragraph intro = new Paragraph(getTranslation("printer.intro"));
        intro.addClassName("kontor-muted");
        add(new ViewHeader(intro).actions(reservations, account, add));

        grid.setId("printers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        Grids.name(
                grid.addColumn(Printer::name)
                        .setHeader(getTranslation("printer.column.name"))
                        .setKey("name"),
                "9rem");
        Grids.text(grid, p -> join(p.model(), p.location()), "9rem")
                .setHeader(getTranslation("printer.column.where"))
                .setKey("where");
        grid.addComponentColumn(this::state)
                .setHeader(getTranslation("printer.column.state"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("state");
        grid.addColumn(p -> p.powerWatts() == null ? "–" : String.format(getLocale(), "%.1f W", p.powerWatts()))
                .setHeader(getTranslation("printer.column.power"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("power");
        grid.addColumn(p -> p.energyTodayKWh() == null
                        ? "–"
                        : String.format(
                                getLocale(),
                                "%.3f / %.3f kWh",
                                p.energyTodayKWh(),
                                p.energyMonthKWh() == null ? 0 : p.energyMonthKWh()))
                .setHeader(getTranslation("printer.column.energy"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("energy");
        grid.addColumn(p -> p.lastContactAt() == null ? "–" : Formats.dateTime(p.lastContactAt(), zone))
                .setHeader(getTranslation("printer.column.lastContact"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("contact");
        Grids.actions(grid.addComponentColumn(this::actions).setKey("actions"));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(p -> {
            Span error = new Span(p.lastError() == null ? "" : p.lastError());
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            return error;
        }));
        grid.setDetailsVisibleOnClick(false);
        Grids.counted(grid, getTranslation("printer.empty"));
        grid.setAllRowsVisible(true);
        // On a phone: the name, whether it is on, and the switch; the rest is on the printer's page.
        NarrowLayout.whileAttached(grid, narrow -> {
            for (String key : List.of("where", "power", "energy", "contact")) {
                grid.getColumnByKey(key).setVisible(!narrow);
            }
            grid.getColumnByKey("name").setWidth(narrow ? "6em" : "11em");
        });
        add(grid);
        refresh();
        broadcaster.whileAttached(this, this::refresh);
    }

    private static String join(@Nullable String a, @Nullable String b) {
        return (a == null ? "" : a) + (a != null && b != null ? " · " : "") + (b == null ? "" : b);
    }

    void refresh() {
        var all = printers.printers(false);
        grid.setItems(all);
        all.stream().filter(p -> p.lastError() != null).forEach(p -> grid.setDetailsVisible(p, true));
    }

    private Component state(Printer p) {
        Span badge = PowerSwitch.state(this, p);
        badge.setId("printer-state-" + p.id());
        return badge;
    }

    private Component actions(Printer p) {
        Button power = PowerSwitch.button(this, printers, p, this::refresh);
        Button open =
                new Button(getTranslation("printer.open"), e -> UI.getCurrent().navigate(PrinterView.class, p.id()));
        open.setId("printer-open-" + p.id());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> openEditor(p));
        edit.setId("printer-edit-" + p.id());
        edit.setAriaLabel(getTranslation("printer.edit"));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(power, open, edit);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        return actions;
    }

    void confirmPower(Printer p, boolean on) {
        PowerSwitch.confirm(this, printers, p, on, this::refresh);
    }

    void openEditor(@Nullable Printer existing) {
        PrinterForm form = new PrinterForm(existing);
        form.addTestListener(e -> {
            try {
                ConnectionTest result = printers.testConnection(existing == null ? null : existing.id(), e.draft());
                form.showTest(
                        result.ok()
                                ? getTranslation(
                                        "printer.test.ok",
                                        result.nickname(),
                                        result.model(),
                                        result.firmware(),
                                        getTranslation(
                                                Boolean.TRUE.equals(result.on())
                                                        ? "printer.state.ON"
                                                        : "printer.state.OFF"))
                                : result.message(),
                        result.ok());
            } catch (DomainException ex) {
                form.showTest(getTranslation(ex.messageKey(), ex.args()), false);
            }
        });
        form.onSave(data -> {
            if (existing == null) {
                printers.create(data);
            } else {
                printers.update(existing.id(), existing.version(), data);
            }
            refresh();
        });
        form.open();
    }

    private void openAccount() {
        Dialog dialog = new Dialog();
        dialog.setId("printer-account-dialog");
        dialog.setHeaderTitle(getTranslation("printer.defaultAccount"));
        TextField username = new TextField(getTranslation("printer.field.username"));
        username.setId("printer-account-username");
        username.setValue(printers.defaultUsername().orElse(""));
        username.setWidthFull();
        PasswordField password = new PasswordField(getTranslation("printer.field.password"));
        password.setId("printer-account-password");
        password.setWidthFull();
        Paragraph help = new Paragraph(getTranslation("printer.defaultAccount.help"));
        help.addClassName("kontor-muted");
        dialog.add(help, username, password);
        Dialogs.footer(
                dialog,
                "printer-account-save",
                getTranslation("action.save"),
                () -> {
                    printers.setDefaultCredentials(username.getValue(), password.getValue());
                    Notifications.success(getTranslation("printer.defaultAccount.saved"));
                },
                Map.of("username", username, "password", password));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.printers");
    }
}
