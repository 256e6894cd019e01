package de.kontor.printer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.Reservation;
import de.kontor.printer.PrinterModel.ReservationState;
import de.kontor.printer.PrinterProperties;
import de.kontor.printer.PrinterService;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Reserving printers: the planner across all printers (a day or a week, a column per printer, the user's own
 * reservations highlighted, a click on a free hour books it), and the user's own reservations, upcoming first
 * (extend, finish, cancel). Others' slots show only that the time is taken. On a phone the planner shows one day
 * (a week of columns does not fit) and the list leaves out state and energy.
 */
@Route("reservations")
@Menu(title = "menu.reservations", order = 410, icon = "vaadin:calendar-clock")
@RolesAllowed({"MEMBER", "ADMIN"})
class ReservationsView extends Div implements HasDynamicTitle {

    enum Range {
        DAY,
        WEEK
    }

    private final PrinterService printers;
    private final ZoneId zone;
    private final Clock clock;
    private final List<Printer> bookable;
    final RadioButtonGroup<Range> range = new RadioButtonGroup<>();
    private final Span periodLabel = new Span();
    private final ReservationPlanner planner;
    private final Grid<Reservation> mine = new Grid<>();
    private LocalDate day;

    ReservationsView(PrinterService printers, PrinterProperties settings, ZoneId zone, Clock clock) {
        this.printers = printers;
        this.zone = zone;
        this.clock = clock;
        this.day = today();
        addClassName("kontor-view");
        setId("reservations-view");

        bookable = printers.printers(false).stream().filter(Printer::active).toList();
        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> move(-1));
        previous.setId("reservation-week-previous");
        previous.setAriaLabel(getTranslation("printer.planner.previous"));
        Button todayButton = new Button(getTranslation("printer.planner.today"), e -> {
            day = today();
            renderPlanner();
        });
        todayButton.setId("reservation-today");
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> move(1));
        next.setId("reservation-week-next");
        next.setAriaLabel(getTranslation("printer.planner.next"));
        periodLabel.setId("reservation-week-label");
        periodLabel.addClassName("kontor-planner-period");
        range.setId("reservation-range");
        range.setItems(Range.values());
        range.setItemLabelGenerator(
                s -> getTranslation("printer.planner." + s.name().toLowerCase()));
        range.setValue(Range.WEEK);
        range.addValueChangeListener(e -> renderPlanner());
        Button reserve = new Button(getTranslation("printer.reserve"), VaadinIcon.PLUS.create(), e -> openReserve());
        reserve.setId("reservation-new");
        reserve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reserve.setEnabled(!bookable.isEmpty());
        Div navigation = new Div(previous, todayButton, next, periodLabel);
        navigation.addClassName("kontor-planner-nav");
        add(new ViewHeader(navigation, range).actions(reserve));

        planner = new ReservationPlanner(zone, settings.planner());
        planner.addSlotClickListener(e -> openReserve(e.printer(), e.start(), e.minutes()));
        Div hint = new Div(getTranslation("printer.planner.hint"));
        hint.addClassName("kontor-muted");
        hint.getStyle().set("font-size", "var(--lumo-font-size-s)");
        add(planner.legend(), planner, hint);

        add(new H3(getTranslation("printer.mine")));
        mine.setId("reservation-mine");
        mine.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        mine.addColumn(Reservation::printerName)
                .setHeader(getTranslation("printer.column.name"))
                .setAutoWidth(true);
        mine.addColumn(this::period)
                .setHeader(getTranslation("printer.column.time"))
                .setAutoWidth(true)
                .setKey("time");
        mine.addColumn(Reservation::title)
                .setHeader(getTranslation("printer.column.title"))
                .setFlexGrow(1);
        mine.addColumn(r ->
                        getTranslation("printer.reservation.state." + r.state().name()))
                .setHeader(getTranslation("printer.column.state"))
                .setAutoWidth(true)
                .setKey("state");
        mine.addColumn(r -> r.energyWh() == null ? "" : String.format(getLocale(), "%.0f Wh", r.energyWh()))
                .setHeader(getTranslation("printer.column.energyUsed"))
                .setAutoWidth(true)
                .setKey("energy");
        mine.addComponentColumn(this::actions)
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true)
                .setKey("actions");
        Grids.counted(mine, getTranslation("printer.mine.empty"));
        mine.setAllRowsVisible(true);
        add(mine);
        renderPlanner();
        refreshMine();
        NarrowLayout.whileAttached(this, narrow -> {
            if (narrow) {
                range.setValue(Range.DAY);
            }
            mine.getColumnByKey("state").setVisible(!narrow);
            mine.getColumnByKey("energy").setVisible(!narrow);
        });
    }

    /** From–to, the date once when both are on the same day. */
    private String period(Reservation r) {
        if (LocalDate.ofInstant(r.startsAt(), zone).equals(LocalDate.ofInstant(r.endsAt(), zone))) {
            return Formats.dateTime(r.startsAt(), zone) + "–"
                    + DateTimeFormatter.ofPattern("HH:mm").format(r.endsAt().atZone(zone));
        }
        return Formats.dateTime(r.startsAt(), zone) + " – " + Formats.dateTime(r.endsAt(), zone);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private void move(int steps) {
        day = range.getValue() == Range.WEEK ? day.plusWeeks(steps) : day.plusDays(steps);
        renderPlanner();
    }

    void refreshMine() {
        mine.setItems(printers.myReservations(50));
    }

    void renderPlanner() {
        boolean week = range.getValue() == Range.WEEK;
        LocalDate first = week ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
        int days = week ? 7 : 1;
        periodLabel.setText(
                week
                        ? Formats.date(first) + " – " + Formats.date(first.plusDays(6))
                        : first.getDayOfWeek().getDisplayName(TextStyle.FULL, getLocale()) + ", "
                                + Formats.date(first));
        ZonedDateTime from = first.atStartOfDay(zone);
        Instant to = from.plusDays(days).toInstant();
        planner.show(first, days, bookable, printers.slots(from.toInstant(), to), clock.instant());
    }

    private Component actions(Reservation r) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        if (r.state() == ReservationState.DONE || r.state() == ReservationState.CANCELLED) {
            return actions;
        }
        Button extend = new Button(getTranslation("printer.extend"), e -> act(() -> printers.extend(r.id(), 30)));
        extend.setId("reservation-extend-" + r.id());
        Button finish = new Button(getTranslation("printer.finish"), e -> act(() -> printers.finish(r.id())));
        finish.setId("reservation-finish-" + r.id());
        Button cancel = new Button(getTranslation("printer.cancel"), e -> act(() -> printers.cancel(r.id())));
        cancel.setId("reservation-cancel-" + r.id());
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : List.of(extend, finish, cancel)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        actions.add(extend, r.state() == ReservationState.PLANNED ? cancel : finish);
        return actions;
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (DomainException ex) {
            Notifications.error(getTranslation(ex.messageKey(), ex.args()));
        }
        refreshMine();
        renderPlanner();
    }

    /** The booking form for the next full hour on the first printer. */
    void openReserve() {
        LocalDateTime soon = LocalDateTime.ofInstant(clock.instant(), zone)
                .plusHours(1)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        openReserve(bookable.get(0), soon, 60);
    }

    void openReserve(Printer printer, LocalDateTime start, int minutes) {
        ReservationForm form = new ReservationForm(bookable, printer, start, minutes);
        form.onSave(booking -> {
            Instant begin = booking.start().atZone(zone).toInstant();
            printers.reserve(
                    booking.printer().id(), begin, begin.plus(Duration.ofMinutes(booking.minutes())), booking.title());
            Notifications.success(getTranslation("printer.reserved"));
            refreshMine();
            renderPlanner();
        });
        form.open();
        form.title.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.reservations");
    }
}
