package de.kontor.printer.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import de.kontor.KaribuTest;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.PrinterModel.Reservation;
import de.kontor.printer.PrinterProperties;
import de.kontor.printer.PrinterService;
import de.kontor.printer.plug.sim.P110Emulator;
import de.kontor.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The planner across all printers: a column per printer, today, booking by clicking a free hour. */
class ReservationPlannerViewTest extends KaribuTest {

    @Autowired
    PrinterService printers;

    @Autowired
    ZoneId zone;

    @Autowired
    PrinterProperties settings;

    final ExecutorService threads = Executors.newCachedThreadPool();
    P110Emulator plug;

    @BeforeEach
    void setUp() {
        plug = P110Emulator.start("planner@example.org", "Plug-Pw-1", "Planner plug", clock, threads, 12);
        loginAsAdmin();
    }

    @AfterEach
    void stop() {
        plug.close();
        threads.shutdownNow();
    }

    Printer printer(String name) {
        return printers.create(new PrinterDraft(
                unique(name),
                "MK4",
                null,
                plug.host(),
                plug.port(),
                "planner@example.org",
                "Plug-Pw-1",
                10,
                5,
                true,
                null));
    }

    /** The day after tomorrow, shown as one day in the planner. */
    LocalDate showDayAfterTomorrow() {
        navigate("reservations");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ReservationsView.Range> range =
                _get(RadioButtonGroup.class, s -> s.withId("reservation-range"));
        type(range, ReservationsView.Range.DAY);
        _click(_get(Button.class, s -> s.withId("reservation-week-next")));
        _click(_get(Button.class, s -> s.withId("reservation-week-next")));
        return LocalDate.ofInstant(clock.instant(), zone).plusDays(2);
    }

    static List<Div> cells(Div column) {
        return column.getChildren()
                .filter(c -> c.getClassNames().contains("kontor-planner-cell"))
                .map(Div.class::cast)
                .toList();
    }

    Div column(Printer p, LocalDate day) {
        return _get(Div.class, s -> s.withId("planner-" + p.id() + "-" + day));
    }

    @Test
    void everyPrinterHasItsColumnAndAClickOnAFreeHourBooksItThere() {
        Printer left = printer("Left");
        Printer right = printer("Right");
        logout();
        login(unique("mara"), Role.MEMBER);
        LocalDate day = showDayAfterTomorrow();
        assertThat(column(left, day)).isNotNull();
        Div rightColumn = column(right, day);
        assertThat(cells(rightColumn)).hasSize(24).allMatch(c -> c.hasClassName("free"));

        _click(cells(rightColumn).get(10));

        assertThat(_get(Select.class, s -> s.withId("reservation-form-printer")).getValue())
                .isEqualTo(right);
        assertThat(_get(DatePicker.class, s -> s.withId("reservation-date")).getValue())
                .isEqualTo(day);
        assertThat(_get(TimePicker.class, s -> s.withId("reservation-time")).getValue())
                .isEqualTo(LocalTime.of(10, 0));
        type(_get(TextField.class, s -> s.withId("reservation-title")), "Bracket");
        _click(_get(Button.class, s -> s.withId("reservation-save")));

        Reservation booked = printers.myReservations(1).get(0);
        assertThat(booked.printerId()).isEqualTo(right.id());
        assertThat(booked.startsAt()).isEqualTo(day.atTime(10, 0).atZone(zone).toInstant());
        Div block = _get(column(right, day), Div.class, s -> s.withClasses("reservation-slot"));
        assertThat(block.hasClassName("mine")).as("own reservations stand out").isTrue();
        assertThat(block.getElement().getTextRecursively()).isEqualTo("Bracket");
        assertThat(cells(column(right, day)).get(10).hasClassName("free")).isFalse();
        assertThat(cells(column(left, day)).get(10).hasClassName("free")).isTrue();
    }

    @Test
    void othersSeeTheHourTakenAndAPartlyTakenHourBooksFromItsFreePart() {
        Printer p = printer("Shared");
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone).plusDays(2);
        Instant start = day.atTime(14, 0).atZone(zone).toInstant();
        logout();
        login(unique("lea"), Role.MEMBER);
        printers.reserve(p.id(), start, start.plus(Duration.ofMinutes(90)), "Chess set");
        logout();
        login(unique("tim"), Role.MEMBER);
        setUpUiKeepingLogin();
        showDayAfterTomorrow();

        Div block = _get(column(p, day), Div.class, s -> s.withClasses("reservation-slot"));
        assertThat(block.hasClassName("mine")).isFalse();
        assertThat(block.getElement().getTextRecursively()).isEqualTo("reserved");
        List<Div> cells = cells(column(p, day));
        assertThat(cells.get(14).hasClassName("free")).isFalse();
        _click(cells.get(15));
        assertThat(_get(TimePicker.class, s -> s.withId("reservation-time")).getValue())
                .as("the free half of the hour")
                .isEqualTo(LocalTime.of(15, 30));
    }

    @Test
    void todayBringsThePlannerBackAfterPagingThroughWeeks() {
        navigate("reservations");
        Span label = _get(Span.class, s -> s.withId("reservation-week-label"));
        String thisWeek = label.getText();
        _click(_get(Button.class, s -> s.withId("reservation-week-next")));
        _click(_get(Button.class, s -> s.withId("reservation-week-next")));
        assertThat(label.getText()).isNotEqualTo(thisWeek);
        assertThat(_find(Div.class, s -> s.withClasses("kontor-planner-day today")))
                .isEmpty();
        _click(_get(Button.class, s -> s.withId("reservation-today")));
        assertThat(label.getText()).isEqualTo(thisWeek);
        assertThat(_find(Div.class, s -> s.withClasses("kontor-planner-day today")))
                .hasSize(1);
    }

    @Test
    void myReservationsListTheComingOnesFirstSoonestFirst() {
        Printer p = printer("Order");
        logout();
        login(unique("jonas"), Role.MEMBER);
        Instant base = clock.instant().plus(Duration.ofDays(3));
        printers.reserve(p.id(), base.plus(Duration.ofHours(20)), base.plus(Duration.ofHours(21)), "Later");
        Reservation cancelled =
                printers.reserve(p.id(), base.plus(Duration.ofHours(1)), base.plus(Duration.ofHours(2)), "Dropped");
        printers.cancel(cancelled.id());
        printers.reserve(p.id(), base.plus(Duration.ofHours(5)), base.plus(Duration.ofHours(6)), "Sooner");
        navigate("reservations");
        @SuppressWarnings("unchecked")
        Grid<Reservation> mine = _get(Grid.class, s -> s.withId("reservation-mine"));
        assertThat(_size(mine)).isEqualTo(3);
        assertThat(List.of(0, 1, 2))
                .extracting(i -> _getFormattedRow(mine, i).get(2))
                .containsExactly("Sooner", "Later", "Dropped");
    }

    @Test
    void printersThatCannotBeReservedHaveNoColumn() {
        Printer inactive = printers.create(
                new PrinterDraft(unique("Off"), null, null, plug.host(), plug.port(), null, null, 10, 5, false, null));
        navigate("reservations");
        assertThat(_find(
                        Div.class,
                        s -> s.withId("planner-" + inactive.id() + "-" + LocalDate.ofInstant(clock.instant(), zone))))
                .isEmpty();
        assertThat(_find(Div.class, s -> s.withClasses("kontor-planner-column")))
                .isNotEmpty();
    }

    @Test
    void onAPhoneThePlannerShowsOneDayAndTheListItsEssentials() {
        navigate("reservations");
        Div grid = _get(Div.class, s -> s.withClasses("kontor-planner-grid"));
        assertThat(grid.getElement().getAttribute("data-days")).isEqualTo("7");
        NarrowLayout.width(UI.getCurrent(), 390);
        assertThat(grid.getElement().getAttribute("data-days")).isEqualTo("1");
        @SuppressWarnings("unchecked")
        Grid<Reservation> mine = _get(Grid.class, s -> s.withId("reservation-mine"));
        assertThat(mine.getColumnByKey("state").isVisible()).isFalse();
        assertThat(mine.getColumnByKey("actions").isVisible()).isTrue();
        NarrowLayout.width(UI.getCurrent(), 1440);
        assertThat(mine.getColumnByKey("state").isVisible()).isTrue();
    }

    /** What the browser's drag script reports when the mouse is released: the first and last hour. */
    static void drag(Div column, int from, int to) {
        ObjectNode data = JacksonUtils.createObjectNode();
        data.put("event.detail.from", from);
        data.put("event.detail.to", to);
        _fireDomEvent(column.getElement(), new DomEvent(column.getElement(), ReservationPlanner.RANGE_EVENT, data));
    }

    @Test
    void draggingAcrossFreeHoursOpensTheFormForTheWholeRange() {
        Printer p = printer("Drag");
        LocalDate day = showDayAfterTomorrow();

        drag(column(p, day), 9, 11);

        assertThat(_get(Select.class, s -> s.withId("reservation-form-printer")).getValue())
                .isEqualTo(p);
        assertThat(_get(DatePicker.class, s -> s.withId("reservation-date")).getValue())
                .isEqualTo(day);
        assertThat(_get(TimePicker.class, s -> s.withId("reservation-time")).getValue())
                .isEqualTo(LocalTime.of(9, 0));
        assertThat(_get(IntegerField.class, s -> s.withId("reservation-duration"))
                        .getValue())
                .as("three hours, 09:00 to 12:00")
                .isEqualTo(180);
    }

    @Test
    void aDragUpwardsOrIntoAReservationBooksOnlyTheFreeTimeBeforeIt() {
        Printer p = printer("Busy");
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone).plusDays(2);
        Instant taken = day.atTime(15, 0).atZone(zone).toInstant();
        printers.reserve(p.id(), taken, taken.plus(Duration.ofHours(2)), "Busy");
        showDayAfterTomorrow();

        drag(column(p, day), 16, 13);

        assertThat(_get(TimePicker.class, s -> s.withId("reservation-time")).getValue())
                .isEqualTo(LocalTime.of(13, 0));
        assertThat(_get(IntegerField.class, s -> s.withId("reservation-duration"))
                        .getValue())
                .as("13:00 up to the reservation at 15:00")
                .isEqualTo(120);
    }

    @Test
    void theWorkingDayComesFromTheConfiguration() {
        // the test configuration sets 08–18, the shipped default is 07–22
        assertThat(settings.planner()).isEqualTo(new PrinterProperties.Planner(8, 18));
        Printer p = printer("Hours");
        LocalDate day = showDayAfterTomorrow();
        List<Div> cells = cells(column(p, day));
        assertThat(cells.get(7).hasClassName("night")).isTrue();
        assertThat(cells.get(8).hasClassName("night")).isFalse();
        assertThat(cells.get(17).hasClassName("night")).isFalse();
        assertThat(cells.get(18).hasClassName("night")).isTrue();
    }

    @Test
    void aWorkingDayThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new PrinterProperties.Planner(18, 8))
                .hasMessageContaining("kontor.printer.planner.work-end");
    }
}
