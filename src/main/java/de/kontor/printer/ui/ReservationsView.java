package de.kontor.printer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.Reservation;
import de.kontor.printer.PrinterModel.ReservationState;
import de.kontor.printer.PrinterModel.Slot;
import de.kontor.printer.PrinterService;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * Reserving printers: a week per printer (Vaadin components and CSS, no add-on), the booking dialog with
 * field errors, and the user's own reservations (extend, finish, cancel). Others' slots show only that
 * the time is taken.
 */
@Route("reservations")
@Menu(title = "menu.reservations", order = 410, icon = "vaadin:calendar-clock")
@RolesAllowed({"MEMBER", "ADMIN"})
class ReservationsView extends Div implements HasDynamicTitle {

    private static final int HOUR_PX = 22;

    private final PrinterService printers;
    private final ZoneId zone;
    private final Clock clock;
    private final Select<Printer> printer = new Select<>();
    private final Div week = new Div();
    private final Span weekLabel = new Span();
    private final Grid<Reservation> mine = new Grid<>();
    private LocalDate monday;

    ReservationsView(PrinterService printers, ZoneId zone, Clock clock) {
        this.printers = printers;
        this.zone = zone;
        this.clock = clock;
        this.monday =
                LocalDate.ofInstant(clock.instant(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        addClassName("kontor-view");
        setId("reservations-view");

        List<Printer> all =
                printers.printers(false).stream().filter(Printer::active).toList();
        printer.setId("reservation-printer");
        printer.setLabel(getTranslation("printer.column.name"));
        printer.setItems(all);
        printer.setItemLabelGenerator(Printer::name);
        if (!all.isEmpty()) {
            printer.setValue(all.get(0));
        }
        printer.addValueChangeListener(e -> renderWeek());
        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> {
            monday = monday.minusWeeks(1);
            renderWeek();
        });
        previous.setId("reservation-week-previous");
        previous.setAriaLabel(getTranslation("printer.week.previous"));
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> {
            monday = monday.plusWeeks(1);
            renderWeek();
        });
        next.setId("reservation-week-next");
        next.setAriaLabel(getTranslation("printer.week.next"));
        weekLabel.setId("reservation-week-label");
        Button reserve = new Button(getTranslation("printer.reserve"), VaadinIcon.PLUS.create(), e -> openReserve());
        reserve.setId("reservation-new");
        reserve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reserve.setEnabled(!all.isEmpty());
        ViewHeader toolbar = new ViewHeader(printer, previous, weekLabel, next).actions(reserve);
        toolbar.getStyle().set("align-items", "baseline");
        week.setId("reservation-week");
        week.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "3em repeat(7, 1fr)")
                .set("gap", "2px")
                .set("overflow-x", "auto");
        add(toolbar, week);

        add(new H3(getTranslation("printer.mine")));
        mine.setId("reservation-mine");
        mine.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        mine.addColumn(Reservation::printerName)
                .setHeader(getTranslation("printer.column.name"))
                .setAutoWidth(true);
        mine.addColumn(r -> Formats.dateTime(r.startsAt(), zone) + " – " + Formats.dateTime(r.endsAt(), zone))
                .setHeader(getTranslation("printer.column.time"))
                .setAutoWidth(true);
        mine.addColumn(Reservation::title).setHeader(getTranslation("printer.column.title"));
        mine.addColumn(r ->
                        getTranslation("printer.reservation.state." + r.state().name()))
                .setHeader(getTranslation("printer.column.state"))
                .setAutoWidth(true)
                .setKey("state");
        mine.addColumn(r -> r.energyWh() == null ? "" : String.format(getLocale(), "%.0f Wh", r.energyWh()))
                .setHeader(getTranslation("printer.column.energyUsed"))
                .setAutoWidth(true);
        mine.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0).setKey("actions");
        mine.setEmptyStateText(getTranslation("printer.mine.empty"));
        mine.setAllRowsVisible(true);
        add(mine);
        renderWeek();
        refreshMine();
    }

    void refreshMine() {
        mine.setItems(printers.myReservations(50));
    }

    void renderWeek() {
        week.removeAll();
        ZonedDateTime start = monday.atStartOfDay(zone);
        weekLabel.setText(Formats.date(monday) + " – " + Formats.date(monday.plusDays(6)));
        week.add(new Div());
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            Div head = new Div(day.getDayOfWeek().getDisplayName(TextStyle.SHORT, getLocale()) + " "
                    + day.format(DateTimeFormatter.ofPattern("dd.MM.")));
            head.getStyle().set("font-weight", "600").set("text-align", "center");
            week.add(head);
        }
        Div hours = new Div();
        hours.getStyle().set("position", "relative").set("height", 24 * HOUR_PX + "px");
        for (int h = 0; h < 24; h += 2) {
            Span label = new Span(String.format("%02d:00", h));
            label.addClassName("kontor-muted");
            label.getStyle()
                    .set("position", "absolute")
                    .set("top", h * HOUR_PX + "px")
                    .set("font-size", "var(--lumo-font-size-xs)");
            hours.add(label);
        }
        week.add(hours);
        List<Slot> slots = printer.getValue() == null
                ? List.of()
                : printers.slots(
                        printer.getValue().id(),
                        start.toInstant(),
                        start.plusDays(7).toInstant());
        for (int d = 0; d < 7; d++) {
            ZonedDateTime dayStart = start.plusDays(d);
            ZonedDateTime dayEnd = dayStart.plusDays(1);
            Div column = new Div();
            column.setId("reservation-day-" + d);
            column.getStyle()
                    .set("position", "relative")
                    .set("height", 24 * HOUR_PX + "px")
                    .set("background", "var(--lumo-contrast-5pct)")
                    .set("border-radius", "var(--lumo-border-radius-s)");
            for (Slot s : slots) {
                Instant from = s.startsAt().isBefore(dayStart.toInstant()) ? dayStart.toInstant() : s.startsAt();
                Instant to = s.endsAt().isAfter(dayEnd.toInstant()) ? dayEnd.toInstant() : s.endsAt();
                if (!to.isAfter(from)) {
                    continue;
                }
                double top = Duration.between(dayStart.toInstant(), from).toMinutes() / 60.0 * HOUR_PX;
                double height = Math.max(6, Duration.between(from, to).toMinutes() / 60.0 * HOUR_PX);
                Div block = new Div(new Span(s.title() != null ? s.title() : getTranslation("printer.slot.taken")));
                block.addClassName("reservation-slot");
                block.getElement().setAttribute("data-reservation", String.valueOf(s.id()));
                block.getElement()
                        .setAttribute(
                                "title",
                                Formats.dateTime(s.startsAt(), zone) + " – " + Formats.dateTime(s.endsAt(), zone)
                                        + (s.displayName() != null ? " · " + s.displayName() : ""));
                block.getStyle()
                        .set("position", "absolute")
                        .set("left", "2px")
                        .set("right", "2px")
                        .set("top", top + "px")
                        .set("height", height + "px")
                        .set("overflow", "hidden")
                        .set("font-size", "var(--lumo-font-size-xs)")
                        .set("padding", "0 4px")
                        .set("border-radius", "var(--lumo-border-radius-s)")
                        .set("background", s.mine() ? "var(--lumo-primary-color)" : "var(--lumo-contrast-50pct)")
                        .set("color", "var(--lumo-primary-contrast-color)");
                column.add(block);
            }
            week.add(column);
        }
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
        renderWeek();
    }

    void openReserve() {
        Dialog dialog = new Dialog();
        dialog.setId("reservation-dialog");
        dialog.setHeaderTitle(getTranslation("printer.reserve") + ": "
                + (printer.getValue() == null ? "" : printer.getValue().name()));
        ZonedDateTime soon = ZonedDateTime.ofInstant(clock.instant(), zone)
                .plusHours(1)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        DatePicker date = new DatePicker(getTranslation("printer.field.date"), soon.toLocalDate());
        date.setId("reservation-date");
        TimePicker time = new TimePicker(getTranslation("printer.field.time"), soon.toLocalTime());
        time.setId("reservation-time");
        time.setStep(Duration.ofMinutes(15));
        IntegerField minutes = new IntegerField(getTranslation("printer.field.duration"));
        minutes.setId("reservation-duration");
        minutes.setValue(60);
        minutes.setStep(15);
        minutes.setStepButtonsVisible(true);
        TextField title = new TextField(getTranslation("printer.field.title"));
        title.setId("reservation-title");
        title.setMaxLength(200);
        FormLayout form = new FormLayout(date, time, minutes, title);
        dialog.add(form);
        Button save = new Button(getTranslation("printer.reserve"), e -> {
            if (date.getValue() == null || time.getValue() == null) {
                (date.getValue() == null ? date : time).setInvalid(true);
                return;
            }
            Instant start = date.getValue().atTime(time.getValue()).atZone(zone).toInstant();
            int duration = minutes.getValue() == null ? 0 : minutes.getValue();
            try {
                printers.reserve(
                        printer.getValue().id(), start, start.plus(Duration.ofMinutes(duration)), title.getValue());
                dialog.close();
                Notifications.success(getTranslation("printer.reserved"));
                refreshMine();
                renderWeek();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("start", time, "end", minutes, "title", title));
            }
        });
        save.setId("reservation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        title.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.reservations");
    }
}
