package de.kontor.printer.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import de.kontor.base.ui.Formats;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.Slot;
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
 * highlighted). A click on a free hour asks to book it there. It scrolls to the start of the working day;
 * the night is above and below. Plain elements and CSS ({@code kontor-planner} in the theme).
 */
class ReservationPlanner extends Div {

    /** Height of an hour: big enough to hit with a finger. */
    static final int HOUR_PX = 40;

    /** The working day starts here; the planner opens scrolled to it. */
    static final int WORK_START = 7;

    /** After this hour the cells are shaded as night. */
    static final int WORK_END = 22;

    /** A free hour was clicked: book {@code printer} from {@code start}. */
    static final class SlotClickEvent extends ComponentEvent<ReservationPlanner> {
        private final Printer printer;
        private final LocalDateTime start;

        SlotClickEvent(ReservationPlanner source, Printer printer, LocalDateTime start) {
            super(source, true);
            this.printer = printer;
            this.start = start;
        }

        Printer printer() {
            return printer;
        }

        LocalDateTime start() {
            return start;
        }
    }

    private final ZoneId zone;
    private final Div grid = new Div();
    private final Div legend = new Div();

    ReservationPlanner(ZoneId zone) {
        this.zone = zone;
        setId("reservation-planner");
        addClassName("kontor-planner");
        grid.addClassName("kontor-planner-grid");
        add(grid);
        legend.setId("reservation-planner-legend");
        legend.addClassName("kontor-planner-legend");
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
                        WORK_START * HOUR_PX - HOUR_PX / 2);
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
            if (h < WORK_START || h >= WORK_END) {
                cell.addClassName("night");
            }
            Instant bookable = firstFree(cellStart.atZone(zone).toInstant(), cellEnd, mine, now);
            if (bookable == null) {
                cell.addClassName("past-or-taken");
            } else {
                cell.addClassName("free");
                cell.getElement().setAttribute("title", Formats.dateTime(bookable, zone));
                LocalDateTime start = LocalDateTime.ofInstant(bookable, zone);
                cell.addClickListener(e -> fireEvent(new SlotClickEvent(this, printer, start)));
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
