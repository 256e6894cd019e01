package de.kontor.printer;

import de.kontor.base.audit.AuditService;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.Reservation;
import de.kontor.printer.PrinterModel.ReservationOverrun;
import de.kontor.printer.PrinterModel.ReservationState;
import de.kontor.printer.plug.PlugModel.EnergyUsage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The power side of reservations, run by their Quartz triggers: at start − warm-up the plug goes on and its
 * energy counter is noted; at the end the power goes off once the printer has stayed below its idle
 * threshold for {@code idle-minutes}. While it draws more, the reservation is "overrun" (the member and the
 * admins are told) and the check repeats every {@code recheck-interval} up to {@code overrun-limit}; if the
 * next reservation's warm-up has begun, the power stays on.
 * <p>
 * Each step reads in a short transaction, asks the plug with none open (a plug can take seconds), and
 * writes what follows — state, audit entry, event, next trigger — in one more transaction.
 */
@Component
class ReservationPower {

    /** What the end check needs to know, read together. */
    private record Ending(Reservation reservation, Printer printer, boolean nextStarting) {}

    private final Reservations reservations;
    private final PrinterCatalog catalog;
    private final PlugOperations plugs;
    private final ReservationTriggers triggers;
    private final JdbcClient jdbc;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PrinterProperties properties;
    private final TransactionTemplate tx;

    ReservationPower(
            Reservations reservations,
            PrinterCatalog catalog,
            PlugOperations plugs,
            ReservationTriggers triggers,
            JdbcClient jdbc,
            AuditService audit,
            ApplicationEventPublisher events,
            Clock clock,
            PrinterProperties properties,
            PlatformTransactionManager transactions) {
        this.reservations = reservations;
        this.catalog = catalog;
        this.plugs = plugs;
        this.triggers = triggers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Ends the reservation now (or cancels it if it has not started), then runs the end check. */
    void finish(long id) {
        if (!Boolean.TRUE.equals(tx.execute(s -> reservations.finishNow(id)))) {
            end(id);
        }
    }

    /** Cancels the reservation if it has not started; one that has started is finished instead. */
    void cancel(long id) {
        if (!Boolean.TRUE.equals(tx.execute(s -> reservations.cancelIfPlanned(id)))) {
            finish(id);
        }
    }

    void start(long id) {
        Instant now = clock.instant();
        Boolean due = tx.execute(s -> {
            Reservation r = reservations.lock(id);
            if (r.state() != ReservationState.PLANNED) {
                return false;
            }
            if (!r.endsAt().isAfter(now)) {
                // missed completely while Kontor was down: nothing to power any more
                setState(id, "DONE", now);
                return false;
            }
            return true;
        });
        if (!Boolean.TRUE.equals(due)) {
            return;
        }
        Reservation r = reservations.get(id);
        plugs.power(r.printerId(), true, "reservation #" + id);
        EnergyUsage energy = plugs.readEnergy(r.printerId());
        tx.executeWithoutResult(s -> jdbc.sql(
                        "update printer_reservation set state = 'ACTIVE', powered_on_at = ?, "
                                + "energy_start_wh = ?, updated_at = ?, version = version + 1 where id = ? and state = 'PLANNED'")
                .params(Timestamp.from(now), energy == null ? null : energy.monthKWh() * 1000, Timestamp.from(now), id)
                .update());
    }

    void end(long id) {
        Instant now = clock.instant();
        Ending ending = tx.execute(s -> {
            Reservation r = reservations.lock(id);
            if (r.state() == ReservationState.PLANNED) {
                setState(id, "DONE", now);
                triggers.unschedule(id, "start");
                return null;
            }
            if (r.state() != ReservationState.ACTIVE && r.state() != ReservationState.OVERRUN) {
                return null;
            }
            if (r.endsAt().isAfter(now)) {
                triggers.schedule(id, "end", r.endsAt()); // extended meanwhile
                return null;
            }
            Printer p = catalog.get(r.printerId());
            Instant warmup = now.plus(Duration.ofMinutes(p.warmupMinutes())).plusSeconds(60);
            return new Ending(r, p, reservations.startingBy(p.id(), id, warmup).isPresent());
        });
        if (ending == null) {
            return;
        }
        Reservation r = ending.reservation();
        Printer p = ending.printer();
        EnergyUsage energy = plugs.readEnergy(p.id());
        if (ending.nextStarting()) {
            close(r, energy, false, "next reservation starts");
            return;
        }
        if (energy == null) {
            recheck(r, now, "the plug cannot be read");
            return;
        }
        if (energy.currentPowerWatts() >= p.idleWatts()) {
            stillPrinting(r, p, energy, now);
            return;
        }
        Boolean idleLongEnough = tx.execute(s -> idleLongEnough(r, p, now));
        if (Boolean.TRUE.equals(idleLongEnough)) {
            close(r, energy, true, "idle");
        }
    }

    private void stillPrinting(Reservation r, Printer p, EnergyUsage energy, Instant now) {
        boolean limitReached = Boolean.TRUE.equals(tx.execute(s -> {
            jdbc.sql("update printer_reservation set idle_since = null, last_busy_at = ? where id = ?")
                    .params(Timestamp.from(now), r.id())
                    .update();
            if (r.state() == ReservationState.ACTIVE) {
                jdbc.sql("update printer_reservation set state = 'OVERRUN', updated_at = ?, version = version + 1 "
                                + "where id = ?")
                        .params(Timestamp.from(now), r.id())
                        .update();
                audit.record(
                        PrinterService.MODULE,
                        "Reservation",
                        r.id(),
                        "OVERRUN",
                        "Printer " + p.name() + " still draws " + energy.currentPowerWatts() + " W after reservation #"
                                + r.id() + " ended; power stays on");
                events.publishEvent(
                        new ReservationOverrun(r.id(), p.id(), p.name(), r.username(), energy.currentPowerWatts()));
            }
            return scheduleRecheck(r, now);
        }));
        if (limitReached) {
            close(r, null, false, "overrun limit reached (still printing)");
        }
    }

    /**
     * Whether the printer has been below its idle threshold for long enough; if not, the end check is
     * scheduled for when it will have been.
     */
    private boolean idleLongEnough(Reservation r, Printer p, Instant now) {
        Instant idleSince = instant("idle_since", r.id());
        Instant since = idleSince != null ? idleSince : idleStart(p, r, now);
        Instant lastBusy = instant("last_busy_at", r.id());
        if (lastBusy != null && lastBusy.isAfter(since)) {
            since = lastBusy;
        }
        if (idleSince == null) {
            jdbc.sql("update printer_reservation set idle_since = ? where id = ?")
                    .params(Timestamp.from(since), r.id())
                    .update();
        }
        Instant offAt = since.plus(Duration.ofMinutes(properties.idleMinutes()));
        if (!offAt.isAfter(now)) {
            return true;
        }
        triggers.schedule(r.id(), "end", offAt);
        return false;
    }

    private @Nullable Instant instant(String column, long id) {
        return jdbc.sql("select " + column + " from printer_reservation where id = ?")
                .param(id)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
    }

    /** Since when the printer has drawn less than its idle threshold, from the power samples. */
    private Instant idleStart(Printer p, Reservation r, Instant now) {
        Timestamp lastBusy = jdbc.sql("select max(sampled_at) from printer_sample where printer_id = ? "
                        + "and sampled_at <= ? and watts >= ?")
                .params(p.id(), Timestamp.from(now), p.idleWatts())
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        Instant started = r.poweredOnAt() != null ? r.poweredOnAt() : r.startsAt();
        if (lastBusy == null || lastBusy.toInstant().isBefore(started)) {
            return started;
        }
        return lastBusy.toInstant();
    }

    private void recheck(Reservation r, Instant now, String why) {
        if (Boolean.TRUE.equals(tx.execute(s -> scheduleRecheck(r, now)))) {
            close(r, null, false, "overrun limit reached (" + why + ")");
        }
    }

    /** Schedules the next end check; true when the overrun limit is reached instead. */
    private boolean scheduleRecheck(Reservation r, Instant now) {
        int checks = jdbc.sql("select overrun_checks from printer_reservation where id = ?")
                .param(r.id())
                .query(Integer.class)
                .single();
        if (properties.recheckInterval().multipliedBy(checks).compareTo(properties.overrunLimit()) >= 0) {
            return true; // never cut a print: after the limit the power stays on and admins decide
        }
        jdbc.sql("update printer_reservation set overrun_checks = overrun_checks + 1 where id = ?")
                .param(r.id())
                .update();
        triggers.schedule(r.id(), "end", now.plus(properties.recheckInterval()));
        return false;
    }

    private void close(Reservation r, @Nullable EnergyUsage energy, boolean powerOff, String why) {
        if (powerOff) {
            plugs.power(r.printerId(), false, "reservation #" + r.id() + " ended (" + why + ")");
        }
        EnergyUsage end = energy != null ? energy : plugs.readEnergy(r.printerId());
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            Double startWh = jdbc.sql("select energy_start_wh from printer_reservation where id = ?")
                    .param(r.id())
                    .query(Double.class)
                    .optional()
                    .orElse(null);
            Double used = null;
            if (end != null && startWh != null) {
                double endWh = end.monthKWh() * 1000;
                used = endWh >= startWh ? endWh - startWh : endWh; // the month counter starts again on the 1st
            }
            jdbc.sql("update printer_reservation set state = 'DONE', powered_off_at = ?, energy_wh = ?, "
                            + "updated_at = ?, version = version + 1 where id = ?")
                    .params(powerOff ? Timestamp.from(now) : null, used, Timestamp.from(now), r.id())
                    .update();
            audit.record(
                    PrinterService.MODULE,
                    "Reservation",
                    r.id(),
                    "END",
                    "Reservation #" + r.id() + " ended: " + why + (powerOff ? ", power off" : ", power left on"));
        });
    }

    private void setState(long id, String state, Instant now) {
        jdbc.sql("update printer_reservation set state = ?, updated_at = ? where id = ?")
                .params(state, Timestamp.from(now), id)
                .update();
    }
}
