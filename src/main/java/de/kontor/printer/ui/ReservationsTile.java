package de.kontor.printer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import de.kontor.base.CurrentUser;
import de.kontor.base.ui.DashboardTile;
import de.kontor.printer.PrinterModel.Reservation;
import de.kontor.printer.PrinterModel.ReservationState;
import de.kontor.printer.PrinterService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Optional;

/** Home page: the signed-in member's next reservations (or an invitation to make one) and the way to book. */
@org.springframework.stereotype.Component
class ReservationsTile implements DashboardTile {

    private static final int SHOWN = 3;

    private final PrinterService printers;
    private final ZoneId zone;
    private final Clock clock;

    ReservationsTile(PrinterService printers, ZoneId zone, Clock clock) {
        this.printers = printers;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public Optional<Component> create() {
        if (!CurrentUser.hasRole("MEMBER") && !CurrentUser.hasRole("ADMIN")) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        List<Reservation> next = printers.myUpcomingReservations(SHOWN);
        Div tile = new Div();
        tile.setId("tile-reservations");
        tile.addClassNames("kontor-tile", "kontor-tile-wide");
        Div title = new Div(ui.getTranslation("printer.home.next"));
        title.addClassName("kontor-tile-label");
        tile.add(title);
        if (next.isEmpty()) {
            Div none = new Div(ui.getTranslation("printer.home.none"));
            none.addClassName("kontor-tile-text");
            none.setId("tile-reservations-none");
            tile.add(none);
        } else {
            UnorderedList list = new UnorderedList();
            list.addClassName("kontor-tile-list");
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            for (Reservation r : next) {
                list.add(item(ui, r, today));
            }
            tile.add(list);
        }
        Anchor book = new Anchor("reservations", ui.getTranslation("printer.home.book"));
        book.setId("tile-reservations-book");
        tile.add(book);
        return Optional.of(tile);
    }

    private ListItem item(UI ui, Reservation r, LocalDate today) {
        var start = r.startsAt().atZone(zone);
        LocalDate day = start.toLocalDate();
        String when;
        if (day.equals(today)) {
            when = ui.getTranslation("printer.home.today");
        } else if (day.equals(today.plusDays(1))) {
            when = ui.getTranslation("printer.home.tomorrow");
        } else {
            when = day.getDayOfWeek().getDisplayName(TextStyle.SHORT, ui.getLocale()) + " "
                    + day.format(DateTimeFormatter.ofPattern("dd.MM."));
        }
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        Span time = new Span(
                when + " " + start.format(hm) + "–" + r.endsAt().atZone(zone).format(hm));
        time.addClassName("kontor-tile-when");
        ListItem item = new ListItem(time, new Span(r.printerName() + " · " + r.title()));
        if (r.state() != ReservationState.PLANNED) {
            Span running = new Span(
                    ui.getTranslation("printer.reservation.state." + r.state().name()));
            running.addClassNames("kontor-badge", "kontor-badge-success");
            item.addComponentAsFirst(running);
        }
        return item;
    }
}
