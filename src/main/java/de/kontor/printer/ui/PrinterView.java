package de.kontor.printer.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import de.kontor.base.ui.DashboardTile;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.base.ui.SvgCharts;
import de.kontor.base.ui.ViewHeader;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.Reservation;
import de.kontor.printer.PrinterModel.Sample;
import de.kontor.printer.PrinterService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One printer: state, power and energy, the power of the last 24 hours, its reservations. */
@Route("printers")
@RolesAllowed({"ADMIN", "VIEWER"})
class PrinterView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final PrinterService printers;
    private final ZoneId zone;
    private final Clock clock;
    private @Nullable Printer printer;
    private @Nullable Grid<Reservation> reservations;
    private boolean narrow;

    PrinterView(PrinterService printers, PrinterBroadcaster broadcaster, ZoneId zone, Clock clock) {
        this.printers = printers;
        this.zone = zone;
        this.clock = clock;
        addClassName("kontor-view");
        setId("printer-view");
        broadcaster.whileAttached(this, this::render);
        NarrowLayout.whileAttached(this, this::narrow);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        printer = printers.get(id);
        render();
    }

    void render() {
        if (printer == null) {
            return;
        }
        Printer p = printers.get(printer.id());
        printer = p;
        removeAll();
        H2 title = new H2(p.name());
        title.setId("printer-title");
        Span state = PowerSwitch.state(this, p);
        state.setId("printer-state");
        // the state and the switch by the name: what an admin opens this page for on the go
        add(new ViewHeader(title, state).actions(PowerSwitch.button(this, printers, p, this::render)));
        Div tiles = new Div(
                // the state stands by the name; the tile says how fresh it is
                DashboardTile.textTile(
                        "printer-tile-contact",
                        p.lastContactAt() == null ? "–" : Formats.dateTime(p.lastContactAt(), zone),
                        getTranslation("printer.column.lastContact")),
                DashboardTile.numberTile(
                        "printer-tile-power",
                        p.powerWatts() == null ? "–" : String.format(getLocale(), "%.1f W", p.powerWatts()),
                        getTranslation("printer.column.power")),
                DashboardTile.numberTile(
                        "printer-tile-today",
                        p.energyTodayKWh() == null ? "–" : String.format(getLocale(), "%.3f kWh", p.energyTodayKWh()),
                        getTranslation("printer.today")),
                DashboardTile.numberTile(
                        "printer-tile-month",
                        p.energyMonthKWh() == null ? "–" : String.format(getLocale(), "%.3f kWh", p.energyMonthKWh()),
                        getTranslation("printer.month")));
        tiles.addClassNames("kontor-tiles", "kontor-tiles-compact", "kontor-tiles-pairs");
        add(tiles);

        Instant now = clock.instant();
        List<Sample> samples = printers.samples(p.id(), now.minus(Duration.ofHours(24)));
        List<SvgCharts.Point> points = samples.stream()
                .map(s -> new SvgCharts.Point(s.at().getEpochSecond(), s.watts()))
                .toList();
        List<String> labels = new ArrayList<>();
        DateTimeFormatter hours = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        for (int h = 24; h >= 0; h -= 6) {
            labels.add(hours.format(now.minus(Duration.ofHours(h))));
        }
        add(new H3(getTranslation("printer.chart")));
        var chart = SvgCharts.lineChart(getTranslation("printer.chart"), points, labels, "W");
        chart.setId("printer-chart");
        add(chart);

        add(new H3(getTranslation("menu.reservations")));
        Grid<Reservation> upcoming = new Grid<>();
        upcoming.setId("printer-reservations");
        upcoming.addThemeVariants(GridVariant.LUMO_COMPACT);
        upcoming.addColumn(r -> Formats.dateTime(r.startsAt(), zone) + " – " + Formats.dateTime(r.endsAt(), zone))
                .setHeader(getTranslation("printer.column.time"))
                .setAutoWidth(true);
        upcoming.addColumn(Reservation::displayName)
                .setHeader(getTranslation("printer.column.member"))
                .setAutoWidth(true);
        upcoming.addColumn(Reservation::title).setHeader(getTranslation("printer.column.title"));
        upcoming.addColumn(r ->
                        getTranslation("printer.reservation.state." + r.state().name()))
                .setHeader(getTranslation("printer.column.state"))
                .setAutoWidth(true);
        upcoming.addColumn(r -> r.energyWh() == null ? "" : String.format(getLocale(), "%.0f Wh", r.energyWh()))
                .setHeader(getTranslation("printer.column.energyUsed"))
                .setAutoWidth(true);
        upcoming.setItems(
                printers.reservationsBetween(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(14))).stream()
                        .filter(r -> r.printerId() == p.id())
                        .toList());
        // the phone layout shows this one column instead of the others
        upcoming.addComponentColumn(this::summary)
                .setHeader(getTranslation("menu.reservations"))
                .setKey("summary")
                .setFlexGrow(1)
                .setVisible(false);
        upcoming.setAllRowsVisible(true);
        Grids.counted(upcoming, getTranslation("printer.reservations.empty"));
        reservations = upcoming;
        add(upcoming);
        narrow(narrow);
    }

    /** On a phone a reservation is one row: when, then who and what, then its state. */
    void narrow(boolean phone) {
        narrow = phone;
        setClassName("kontor-narrow", phone);
        if (reservations != null) {
            reservations.getColumns().forEach(c -> c.setVisible(phone == "summary".equals(c.getKey())));
        }
    }

    private Div summary(Reservation r) {
        Div when = new Div(Formats.dateTime(r.startsAt(), zone) + " – " + Formats.dateTime(r.endsAt(), zone));
        when.addClassName("kontor-card-title");
        String who = String.join(
                " · ",
                Stream.of(r.displayName(), r.title()).filter(t -> !t.isBlank()).toList());
        Div what = new Div(who);
        Div state =
                new Div(getTranslation("printer.reservation.state." + r.state().name())
                        + (r.energyWh() == null ? "" : String.format(getLocale(), " · %.0f Wh", r.energyWh())));
        state.addClassName("kontor-muted");
        Div summary = new Div(when, what, state);
        summary.addClassName("kontor-grid-summary");
        return summary;
    }

    @Override
    public String getPageTitle() {
        return printer == null
                ? getTranslation("menu.printers")
                : printer.name() + " · " + getTranslation("menu.printers");
    }
}
