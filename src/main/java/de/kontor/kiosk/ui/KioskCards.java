package de.kontor.kiosk.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import de.kontor.kiosk.KioskModel.PrinterCard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;

/**
 * The printer cards of the kiosk board and how they are arranged. The cards share the screen in a grid
 * chosen for their number (two printers side by side, four as two by two, …), so together they fill it;
 * their text is sized to the card ({@code kiosk-card} in the theme uses container units), so it grows with
 * the screen and stays readable from across the room. A portrait screen swaps rows and columns (CSS).
 */
final class KioskCards {

    /** Columns and rows for a landscape screen. */
    record Arrangement(int columns, int rows) {}

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Width to height of the card area on a 16:9 screen below the header. */
    private static final double AREA_ASPECT = 16.0 / 8.0;

    /** Cards a bit wider than high read best: name, state and times are lines of text. */
    private static final double CARD_ASPECT = 1.6;

    private final KioskView board;
    private final ZoneId zone;

    KioskCards(KioskView board, ZoneId zone) {
        this.board = board;
        this.zone = zone;
    }

    /**
     * The grid for {@code count} cards on a landscape screen: the cards' shape closest to
     * {@link #CARD_ASPECT}, with few empty cells.
     */
    static Arrangement arrange(int count) {
        if (count <= 1) {
            return new Arrangement(1, 1);
        }
        Arrangement best = null;
        double bestScore = Double.MAX_VALUE;
        for (int columns = 1; columns <= count; columns++) {
            int rows = (count + columns - 1) / columns;
            if ((long) columns * (rows - 1) >= count) {
                continue; // a whole empty row
            }
            double aspect = AREA_ASPECT * rows / columns;
            double empty = (double) (columns * rows - count) / count;
            double score = Math.abs(Math.log(aspect / CARD_ASPECT)) + empty;
            if (score < bestScore) {
                bestScore = score;
                best = new Arrangement(columns, rows);
            }
        }
        return best;
    }

    Div card(PrinterCard c, Instant now) {
        Div card = new Div();
        card.setId("kiosk-printer-" + c.printerId());
        card.addClassNames("kiosk-card", "kiosk-" + c.state().name().toLowerCase());
        card.getElement().setAttribute("data-state", c.state().name());
        Span name = new Span(c.name());
        name.addClassName("kiosk-name");
        Span state = new Span(board.getTranslation("kiosk.state." + c.state().name()));
        state.addClassName("kiosk-state");
        Div head = new Div(name);
        head.addClassName("kiosk-card-head");
        Div stateLine = new Div(state);
        stateLine.addClassName("kiosk-state-line");
        card.add(head, stateLine);
        if (c.currentEnds() != null) {
            long minutes = Math.max(0, Duration.between(now, c.currentEnds()).toMinutes());
            int percent = (int) Math.round((c.progress() == null ? 0 : c.progress()) * 100);
            Span done = new Span(percent + " %");
            done.addClassName("kiosk-percent");
            stateLine.add(done);
            Span remaining = new Span(board.getTranslation(
                            "kiosk.board.until", HH_MM.withZone(zone).format(c.currentEnds()), minutes)
                    + (c.currentWho() != null ? " · " + c.currentWho() : ""));
            remaining.addClassName("kiosk-current");
            Div fill = new Div();
            fill.addClassName("kiosk-progress");
            fill.getStyle().set("width", Math.clamp(percent, 0, 100) + "%");
            Div bar = new Div(fill);
            bar.addClassName("kiosk-bar");
            card.add(remaining, bar);
        }
        Span power = new Span(c.powerWatts() == null ? "–" : String.format(board.locale(), "%.0f W", c.powerWatts()));
        power.addClassName("kiosk-power");
        Div facts = new Div(power);
        facts.addClassName("kiosk-facts");
        if (c.nextStarts() != null) {
            Span next = new Span(board.getTranslation("kiosk.board.next", when(c.nextStarts(), now))
                    + (c.nextWho() != null ? " · " + c.nextWho() : ""));
            next.addClassName("kiosk-next");
            facts.add(next);
        }
        card.add(facts);
        return card;
    }

    /** A start as seen from the wall: the time today, "tomorrow 09:00", else the weekday ("Tue 09:00"). */
    String when(Instant at, Instant now) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        String time = HH_MM.withZone(zone).format(at);
        if (day.equals(today)) {
            return time;
        }
        if (day.equals(today.plusDays(1))) {
            return board.getTranslation("kiosk.board.tomorrow", time);
        }
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, board.locale()) + " " + time;
    }
}
