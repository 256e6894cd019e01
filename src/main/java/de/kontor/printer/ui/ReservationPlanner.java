package de.kontor.printer.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import de.kontor.base.ui.Formats;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.Slot;
import de.kontor.printer.PrinterProperties;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The planner: a column per printer and day, hours downwards, reservations as blocks (the user's own ones
 * highlighted). A click or tap on a free hour asks to book it there; dragging across free hours of one
 * column (with the mouse at once, with a finger or pen after resting on the first hour) asks to book that
 * range. It scrolls to the start of the working day (configured, see
 * {@link PrinterProperties.Planner}); the night is above and below. Plain elements and CSS
 * ({@code kontor-planner} in the theme) and a small script for the drag.
 */
class ReservationPlanner extends Div {

    /** Height of an hour: big enough to hit with a finger. */
    static final int HOUR_PX = 40;

    /** The event a finished drag dispatches on its column, with the first and last hour selected. */
    static final String RANGE_EVENT = "kontor-planner-range";

    /** How long a finger or pen rests on a free hour before moving it selects hours instead of scrolling. */
    static final int HOLD_MS = 400;

    /**
     * Marks the hours under the pointer while it is dragged across free cells of one column and, on release,
     * tells the column which hours were selected. The mouse selects at once. A finger or pen first rests on
     * a free hour ({@link #HOLD_MS}, as in phone calendars): moving earlier scrolls the planner as usual,
     * after it the planner stops scrolling under the finger and the drag selects, released on the same hour
     * it books that hour. A quick tap is a click, which books the hour as before.
     */
    private static final String DRAG_SCRIPT = """
            const grid = this;
            const slop = 10;
            let from = null;
            let pending = null;
            let swallowClick = false;
            const cellOf = el => el && el.closest ? el.closest('.kontor-planner-cell') : null;
            const cellAt = e => cellOf(document.elementFromPoint(e.clientX, e.clientY));
            const mark = (column, a, b) => column.querySelectorAll('.kontor-planner-cell').forEach(c => {
              const h = Number(c.dataset.hour);
              c.classList.toggle('selecting', a !== null && h >= Math.min(a, b) && h <= Math.max(a, b));
            });
            const begin = (cell, pointerId, finger) => {
              from = {column: cell.parentElement, hour: Number(cell.dataset.hour), pointerId, finger};
              mark(from.column, from.hour, from.hour);
            };
            const stopWaiting = () => {
              if (pending) clearTimeout(pending.timer);
              pending = null;
            };
            grid.addEventListener('pointerdown', e => {
              const cell = cellOf(e.target);
              if (!e.isPrimary || !cell || !cell.classList.contains('free')) return;
              if (e.pointerType === 'mouse') {
                if (e.button !== 0) return;
                begin(cell, e.pointerId, false);
                e.preventDefault();
                return;
              }
              stopWaiting();
              const waiting = {x: e.clientX, y: e.clientY, pointerId: e.pointerId};
              waiting.timer = setTimeout(() => {
                if (pending !== waiting) return;
                pending = null;
                begin(cell, waiting.pointerId, true);
                if (navigator.vibrate) navigator.vibrate(10);
              }, $1);
              pending = waiting;
            });
            grid.addEventListener('pointermove', e => {
              if (pending && pending.pointerId === e.pointerId
                  && Math.hypot(e.clientX - pending.x, e.clientY - pending.y) > slop) stopWaiting();
              if (!from || from.pointerId !== e.pointerId) return;
              const cell = cellAt(e);
              if (cell && cell.parentElement === from.column) mark(from.column, from.hour, Number(cell.dataset.hour));
            });
            // once a finger selects, the planner must not scroll away under it
            grid.addEventListener('touchmove', e => { if (from && from.finger) e.preventDefault(); }, {passive: false});
            grid.addEventListener('contextmenu', e => { if (from || pending) e.preventDefault(); });
            grid.addEventListener('pointercancel', e => {
              if (pending && pending.pointerId === e.pointerId) stopWaiting();
              if (from && from.pointerId === e.pointerId) {
                mark(from.column, null, null);
                from = null;
              }
            });
            document.addEventListener('pointerup', e => {
              if (pending && pending.pointerId === e.pointerId) stopWaiting();
              if (!from || from.pointerId !== e.pointerId) return;
              const start = from;
              from = null;
              mark(start.column, null, null);
              const cell = cellAt(e);
              if (!cell || cell.parentElement !== start.column) return;
              const hour = Number(cell.dataset.hour);
              // a mouse click on one hour is the cell's own click
              if (hour === start.hour && !start.finger) return;
              if (start.finger) {
                swallowClick = true;
                setTimeout(() => swallowClick = false, 800);
              }
              start.column.dispatchEvent(new CustomEvent($0, {detail: {
                from: Math.min(start.hour, hour), to: Math.max(start.hour, hour)}}));
            });
            // the click some browsers send after a finger's selection must not book a second time
            grid.addEventListener('click', e => {
              if (!swallowClick) return;
              swallowClick = false;
              e.stopPropagation();
              e.preventDefault();
            }, true);
            """;

    /** Free time was picked: book {@code printer} from {@code start} for {@code minutes}. */
    static final class SlotClickEvent extends ComponentEvent<ReservationPlanner> {
        private final Printer printer;
        private final LocalDateTime start;
        private final int minutes;

        SlotClickEvent(ReservationPlanner source, Printer printer, LocalDateTime start, int minutes) {
            super(source, true);
            this.printer = printer;
            this.start = start;
            this.minutes = minutes;
        }

        int minutes() {
            return minutes;
        }

        Printer printer() {
            return printer;
        }

        LocalDateTime start() {
            return start;
        }
    }

    private final ZoneId zone;
    private final PrinterProperties.Planner hours;
    private final Div grid = new Div();
    private final Div legend = new Div();
    private List<Slot> shown = List.of();
    private Instant shownAt = Instant.EPOCH;

    ReservationPlanner(ZoneId zone, PrinterProperties.Planner hours) {
        this.zone = zone;
        this.hours = hours;
        setId("reservation-planner");
        addClassName("kontor-planner");
        grid.addClassName("kontor-planner-grid");
        add(grid);
        legend.setId("reservation-planner-legend");
        legend.addClassName("kontor-planner-legend");
        grid.addAttachListener(e -> grid.getElement().executeJs(DRAG_SCRIPT, RANGE_EVENT, HOLD_MS));
    }

    /** The working day shown (from the configuration). */
    PrinterProperties.Planner hours() {
        return hours;
    }

    /** Which number stands for which printer in the week (placed by the view, outside the scrolling area). */
    Div legend() {
        return legend;
    }

    Registration addSlotClickListener(ComponentEventListener<SlotClickEvent> listener) {
        return addListener(SlotClickEvent.class, listener);
    }

    /** Shows {@code days} days from {@code first} for these printers; {@code now} shades the past. */
    void show(LocalDate first, int days, List<Printer> printers, List<Slot> slots, Instant now) {
        grid.removeAll();
        shown = slots;
        shownAt = now;
        int columns = Math.max(1, printers.size()) * days;
        grid.getStyle()
                .set(
                        "grid-template-columns",
                        "3.5em repeat(" + columns + ", minmax(" + (days > 1 ? "2.75rem" : "4.5rem") + ", 1fr))");
        grid.getElement().setAttribute("data-days", String.valueOf(days));
        // header: the day (spanning its printers) in the week, then the printers
        if (days > 1) {
            grid.add(corner());
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                Div head = new Div(day.getDayOfWeek().getDisplayName(TextStyle.SHORT, getLocale()) + " "
                        + day.format(DateTimeFormatter.ofPattern("dd.MM.")));
                head.addClassNames("kontor-planner-head", "kontor-planner-day");
                if (day.equals(LocalDate.ofInstant(now, zone))) {
                    head.addClassName("today");
                }
                head.getStyle().set("grid-column", "span " + Math.max(1, printers.size()));
                grid.add(head);
            }
        }
        grid.add(corner());
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < printers.size(); i++) {
                Printer p = printers.get(i);
                // a week has no room for names: numbers, explained by the legend
                Div head = new Div(days > 1 ? String.valueOf(i + 1) : p.name());
                head.addClassNames("kontor-planner-head", "kontor-planner-printer");
                head.getElement().setAttribute("title", p.name());
                if (d < days - 1) {
                    head.addClassName("day-end");
                }
                grid.add(head);
            }
        }
        grid.add(hourAxis());
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            for (Printer p : printers) {
                grid.add(column(day, p, slots, now, d < days - 1));
            }
        }
        if (printers.isEmpty()) {
            Div none = new Div(getTranslation("printer.planner.noPrinters"));
            none.addClassName("kontor-muted");
            none.setId("reservation-planner-empty");
            grid.add(none);
        }
        legend.removeAll();
        legend.setVisible(days > 1 && !printers.isEmpty());
        for (int i = 0; i < printers.size(); i++) {
            Span entry = new Span((i + 1) + " " + printers.get(i).name());
            entry.addClassName("kontor-planner-legend-entry");
            legend.add(entry);
        }
        // once laid out: the working day at the top, the night above and below
        getElement()
                .executeJs(
                        "const el = this; requestAnimationFrame(() => el.scrollTop = $0)",
                        hours.workStart() * HOUR_PX - HOUR_PX / 2);
    }

    private static Div corner() {
        Div corner = new Div();
        corner.addClassNames("kontor-planner-head", "kontor-planner-corner");
        return corner;
    }

    private Div hourAxis() {
        Div axis = new Div();
        axis.addClassName("kontor-planner-axis");
        axis.getStyle().set("height", 24 * HOUR_PX + "px");
        for (int h = 0; h < 24; h++) {
            Span label = new Span(String.format("%02d:00", h));
            label.getStyle().set("top", h * HOUR_PX + "px");
            axis.add(label);
        }
        return axis;
    }

    private Div column(LocalDate day, Printer printer, List<Slot> slots, Instant now, boolean dayEnd) {
        ZonedDateTime dayStart = day.atStartOfDay(zone);
        Instant from = dayStart.toInstant();
        Instant to = dayStart.plusDays(1).toInstant();
        Div column = new Div();
        column.addClassName("kontor-planner-column");
        if (dayEnd) {
            column.addClassName("day-end");
        }
        column.setId("planner-" + printer.id() + "-" + day);
        column.getStyle().set("height", 24 * HOUR_PX + "px");
        column.getElement()
                .addEventListener(
                        RANGE_EVENT,
                        e -> selected(
                                printer,
                                day,
                                e.getEventData().get("event.detail.from").asInt(),
                                e.getEventData().get("event.detail.to").asInt()))
                .addEventData("event.detail.from")
                .addEventData("event.detail.to");
        List<Slot> mine = slots.stream()
                .filter(s -> s.printerId() == printer.id())
                .filter(s -> s.startsAt().isBefore(to) && s.endsAt().isAfter(from))
                .toList();
        for (int h = 0; h < 24; h++) {
            LocalDateTime cellStart = day.atTime(h, 0);
            Instant cellEnd = dayStart.plusHours(h + 1L).toInstant();
            Div cell = new Div();
            cell.addClassName("kontor-planner-cell");
            cell.getStyle().set("top", h * HOUR_PX + "px").set("height", HOUR_PX + "px");
            cell.getElement().setAttribute("data-hour", String.valueOf(h));
            if (h < hours.workStart() || h >= hours.workEnd()) {
                cell.addClassName("night");
            }
            Instant bookable = firstFree(cellStart.atZone(zone).toInstant(), cellEnd, mine, now);
            if (bookable == null) {
                cell.addClassName("past-or-taken");
            } else {
                cell.addClassName("free");
                cell.getElement().setAttribute("title", Formats.dateTime(bookable, zone));
                LocalDateTime start = LocalDateTime.ofInstant(bookable, zone);
                cell.addClickListener(e -> fireEvent(new SlotClickEvent(this, printer, start, 60)));
            }
            column.add(cell);
        }
        for (Slot s : mine) {
            column.add(block(s, from, to));
        }
        if (!now.isBefore(from) && now.isBefore(to)) {
            Div line = new Div();
            line.addClassName("kontor-planner-now");
            line.getStyle().set("top", px(Duration.between(from, now)));
            column.add(line);
        }
        return column;
    }

    /**
     * The hours {@code fromHour} to {@code toHour} (both included) of {@code printer} on {@code day} were
     * dragged across: book from the first free moment in them up to the end of the last hour, or up to the
     * next reservation when one starts earlier. Nothing happens when none of it is free.
     */
    void selected(Printer printer, LocalDate day, int fromHour, int toHour) {
        int first = Math.clamp(Math.min(fromHour, toHour), 0, 23);
        int last = Math.clamp(Math.max(fromHour, toHour), 0, 23);
        ZonedDateTime dayStart = day.atStartOfDay(zone);
        Instant end = dayStart.plusHours(last + 1L).toInstant();
        List<Slot> mine =
                shown.stream().filter(s -> s.printerId() == printer.id()).toList();
        Instant start = null;
        for (int h = first; h <= last && start == null; h++) {
            start = firstFree(
                    dayStart.plusHours(h).toInstant(),
                    dayStart.plusHours(h + 1L).toInstant(),
                    mine,
                    shownAt);
        }
        if (start == null) {
            return;
        }
        for (Slot s : mine) {
            if (s.startsAt().isAfter(start) && s.startsAt().isBefore(end)) {
                end = s.startsAt();
            }
        }
        int minutes = (int) Duration.between(start, end).toMinutes();
        fireEvent(new SlotClickEvent(this, printer, LocalDateTime.ofInstant(start, zone), minutes));
    }

    /**
     * Where a booking clicked in this hour would start: the hour's start, or later when the hour has begun
     * (the next quarter hour) or a reservation ends inside it; none when nothing of the hour is free.
     */
    static @Nullable Instant firstFree(Instant cellStart, Instant cellEnd, List<Slot> slots, Instant now) {
        Instant start = cellStart;
        if (now.isAfter(start)) {
            long quarters = (Duration.between(cellStart, now).toMinutes() + 14) / 15;
            start = cellStart.plus(quarters * 15, ChronoUnit.MINUTES);
        }
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Slot s : slots) {
                if (!s.startsAt().isAfter(start) && s.endsAt().isAfter(start)) {
                    start = s.endsAt();
                    moved = true;
                }
            }
        }
        return start.isBefore(cellEnd) ? start : null;
    }

    private Div block(Slot s, Instant dayStart, Instant dayEnd) {
        Instant from = s.startsAt().isBefore(dayStart) ? dayStart : s.startsAt();
        Instant to = s.endsAt().isAfter(dayEnd) ? dayEnd : s.endsAt();
        Span text = new Span(s.title() != null ? s.title() : getTranslation("printer.slot.taken"));
        Div block = new Div(text);
        block.addClassName("reservation-slot");
        if (s.mine()) {
            block.addClassName("mine");
        }
        block.getElement().setAttribute("data-reservation", String.valueOf(s.id()));
        block.getElement()
                .setAttribute(
                        "title",
                        Formats.dateTime(s.startsAt(), zone) + " – " + Formats.dateTime(s.endsAt(), zone)
                                + (s.title() != null ? " · " + s.title() : "")
                                + (s.displayName() != null ? " · " + s.displayName() : ""));
        block.getStyle()
                .set("top", px(Duration.between(dayStart, from)))
                .set("height", "max(1.1rem, " + px(Duration.between(from, to)) + ")");
        return block;
    }

    private static String px(Duration d) {
        return String.format(Locale.ROOT, "%.1fpx", d.toMinutes() / 60.0 * HOUR_PX);
    }
}
