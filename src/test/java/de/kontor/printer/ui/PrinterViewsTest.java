package de.kontor.printer.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.PrinterService;
import de.kontor.printer.plug.sim.P110Emulator;
import de.kontor.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The printers view (live state, editor with test connection, switching) and the reservations view. */
class PrinterViewsTest extends KaribuTest {

    @Autowired
    PrinterService printers;

    @Autowired
    ZoneId zone;

    final ExecutorService threads = Executors.newCachedThreadPool();
    final List<P110Emulator> plugs = new ArrayList<>();
    P110Emulator plug;

    @BeforeEach
    void setUp() {
        plug = P110Emulator.start("ui@example.org", "Plug-Pw-1", "UI plug", clock, threads, 11);
        plugs.add(plug);
        loginAsAdmin();
    }

    @AfterEach
    void stop() {
        plugs.forEach(P110Emulator::close);
        threads.shutdownNow();
    }

    Printer printer() {
        return printers.create(new PrinterDraft(
                unique("UI"), "MK4", null, plug.host(), plug.port(), "ui@example.org", "Plug-Pw-1", 10, 5, true, null));
    }

    @Test
    void anAdminAddsAPrinterAfterTestingTheConnection() {
        navigate("printers");
        _click(_get(Button.class, s -> s.withId("printer-add")));
        String name = unique("Prusa");
        type(_get(TextField.class, s -> s.withId("printer-name")), name);
        type(_get(TextField.class, s -> s.withId("printer-host")), "not a host!");
        TextField host = _get(TextField.class, s -> s.withId("printer-host"));
        assertThat(host.isInvalid()).as("checked as typed").isTrue();
        assertThat(host.getErrorMessage()).contains("IP address");
        assertThat(_get(Button.class, s -> s.withId("printer-save")).isEnabled())
                .isFalse();

        type(host, plug.host());
        type(_get(IntegerField.class, s -> s.withId("printer-port")), plug.port());
        type(_get(TextField.class, s -> s.withId("printer-username")), "ui@example.org");
        type(_get(PasswordField.class, s -> s.withId("printer-password")), "wrong");
        _click(_get(Button.class, s -> s.withId("printer-test")));
        assertThat(_get(Paragraph.class, s -> s.withId("printer-test-result")).getText())
                .startsWith("AUTH_FAILED");
        type(_get(PasswordField.class, s -> s.withId("printer-password")), "Plug-Pw-1");
        _click(_get(Button.class, s -> s.withId("printer-test")));
        assertThat(_get(Paragraph.class, s -> s.withId("printer-test-result")).getText())
                .contains("UI plug");
        _click(_get(Button.class, s -> s.withId("printer-save")));
        assertThat(printers.printers(false)).anyMatch(p -> p.name().equals(name));
    }

    @Test
    void switchingAsksFirstAndTheStateFollowsThePlugByPush() {
        Printer p = printer();
        navigate("printers");
        Grid<Printer> grid = _get(Grid.class, s -> s.withId("printers-grid"));
        int row = _findAll(grid).stream().map(Printer::id).toList().indexOf(p.id());
        var actions =
                GridKt._getCellComponent(grid, row, "actions").getChildren().toList();
        _click((Button) actions.get(0));
        _fireConfirm(_get(ConfirmDialog.class, s -> s.withId("printer-power-confirm")));
        assertThat(plug.isOn()).isTrue();

        // someone presses the button on the plug; the next poll pushes the new state into the open view
        plug.press(false);
        printers.poll();
        MockVaadin.runUIQueue();
        Printer shown = _findAll(grid).stream()
                .filter(x -> x.id() == p.id())
                .findFirst()
                .orElseThrow();
        assertThat(shown.powerOn()).isFalse();
    }

    @Test
    void thePrinterPageShowsTilesAndTheChart() {
        Printer p = printer();
        plug.load(90);
        plug.press(true);
        printers.poll();
        UI.getCurrent().navigate(PrinterView.class, p.id());
        assertThat(_get(Div.class, s -> s.withId("printer-tile-power"))
                        .getElement()
                        .getTextRecursively())
                .contains("90");
        assertThat(_get(Html.class, s -> s.withId("printer-chart")).getInnerHtml())
                .contains("<svg");
        // the state is said once, by the name; the tile beside the power says when the plug last answered
        Printer polled = printers.get(p.id());
        assertThat(_get(Div.class, s -> s.withId("printer-tile-contact"))
                        .getElement()
                        .getTextRecursively())
                .contains(Formats.dateTime(polled.lastContactAt(), zone));
        assertThat(_find(Div.class, s -> s.withId("printer-tile-state"))).isEmpty();
    }

    @Test
    void thePrinterPageShowsTheStateBesideTheNameAndSwitchesAfterAsking() {
        Printer p = printer();
        plug.press(true);
        printers.poll();
        UI.getCurrent().navigate(PrinterView.class, p.id());
        assertThat(_get(Span.class, s -> s.withId("printer-state")).getText()).isEqualTo("On");
        Button power = _get(Button.class, s -> s.withId("printer-power-" + p.id()));
        assertThat(power.getText()).isEqualTo("Switch off");

        _click(power);
        _fireConfirm(_get(ConfirmDialog.class, s -> s.withId("printer-power-confirm")));

        assertThat(plug.isOn()).isFalse();
        assertThat(_get(Span.class, s -> s.withId("printer-state")).getText()).isEqualTo("Off");
        assertThat(_get(Button.class, s -> s.withId("printer-power-" + p.id())).getText())
                .isEqualTo("Switch on");
    }

    @Test
    void membersReserveWithFieldErrorsAndSeeOthersOnlyAsTaken() {
        Printer p = printer();
        logout();
        login(unique("mara"), Role.MEMBER);
        navigate("reservations");
        _click(_get(Button.class, s -> s.withId("reservation-new")));
        _get(Select.class, s -> s.withId("reservation-form-printer")).setValue(p);
        assertThat(_get(Button.class, s -> s.withId("reservation-save")).isEnabled())
                .as("nothing to print yet")
                .isFalse();
        TextField title = _get(TextField.class, s -> s.withId("reservation-title"));
        type(title, "Helmet");
        _click(_get(Button.class, s -> s.withId("reservation-save")));
        assertThat(printers.myReservations(5)).extracting(r -> r.title()).containsExactly("Helmet");
        assertThat(_find(Div.class, s -> s.withClasses("reservation-slot")))
                .anyMatch(d -> d.getElement().getTextRecursively().equals("Helmet"));

        logout();
        login(unique("jonas"), Role.MEMBER);
        setUpUiKeepingLogin(); // a fresh page for the other member
        navigate("reservations");
        assertThat(_find(Div.class, s -> s.withClasses("reservation-slot")))
                .allMatch(d -> !d.getElement().getTextRecursively().contains("Helmet"));
        assertThatThrownBy(() -> navigate("printers")).hasMessageContaining("Access is denied");
    }

    @Test
    void onAPhoneThePrinterListKeepsNameStateAndSwitch() {
        printer();
        navigate("printers");
        @SuppressWarnings("unchecked")
        Grid<Printer> grid = _get(Grid.class, s -> s.withId("printers-grid"));
        NarrowLayout.width(UI.getCurrent(), 390);
        assertThat(grid.getColumns().stream().filter(c -> c.isVisible()).map(c -> c.getKey()))
                .containsExactly("name", "state", "actions");
        NarrowLayout.width(UI.getCurrent(), 1440);
        assertThat(grid.getColumnByKey("contact").isVisible()).isTrue();
    }
}
