package de.kontor.printer;

import de.kontor.printer.PrinterModel.PlugState;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.Stats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Printers, reservations and energy in numbers. Runs in the caller's (read-only) transaction. */
@Component
class PrinterStatistics {

    /** The reservation counts, read in one query. */
    record Counts(long planned, long active, long doneThisMonth, double energyWh) {}

    private final PrinterCatalog catalog;
    private final JdbcClient jdbc;
    private final Clock clock;

    PrinterStatistics(PrinterCatalog catalog, JdbcClient jdbc, Clock clock) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Stats stats() {
        List<Printer> all = catalog.list(false);
        Instant monthStart = LocalDate.now(clock)
                .withDayOfMonth(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Counts counts = jdbc.sql("select "
                        + "coalesce(sum(state = 'PLANNED'), 0) as planned, "
                        + "coalesce(sum(state in ('ACTIVE','OVERRUN')), 0) as active, "
                        + "coalesce(sum(state = 'DONE' and ends_at >= :month), 0) as done_this_month, "
                        + "coalesce(sum(case when ends_at >= :month then energy_wh end), 0) as energy_wh "
                        + "from printer_reservation")
                .param("month", Timestamp.from(monthStart))
                .query(Counts.class)
                .single();
        return new Stats(
                all.size(),
                (int) all.stream().filter(p -> p.state() == PlugState.ON).count(),
                (int) all.stream()
                        .filter(p -> p.state() == PlugState.UNREACHABLE)
                        .count(),
                counts.planned(),
                counts.active(),
                counts.doneThisMonth(),
                all.stream()
                        .mapToDouble(p -> p.energyTodayKWh() == null ? 0 : p.energyTodayKWh())
                        .sum(),
                all.stream()
                        .mapToDouble(p -> p.energyMonthKWh() == null ? 0 : p.energyMonthKWh())
                        .sum(),
                counts.energyWh() / 1000);
    }
}
