package de.kontor.printer;

import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditService;
import de.kontor.base.db.Rows;
import de.kontor.base.error.DomainException;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.Reservation;
import de.kontor.printer.PrinterModel.ReservationState;
import de.kontor.printer.PrinterModel.Slot;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The booking side of reservations: who may see and change which, the rules of a slot (not in the past,
 * not too long, no overlap — checked under the printer's row lock, so two members cannot take the same
 * slot), and the triggers that go with them. Runs in the caller's transaction; check-then-write paths lock
 * the rows they decide on.
 */
@Component
class Reservations {

    private static final String SELECT = "select r.id, r.printer_id, p.name as printer_name, r.username, "
            + "r.display_name, r.title, r.starts_at, r.ends_at, r.state, r.powered_on_at, r.powered_off_at, "
            + "r.energy_wh, r.version from printer_reservation r join printer p on p.id = r.printer_id ";

    private static final RowMapper<Reservation> RESERVATION = Rows.mapper(Reservation.class);

    /** States that hold a printer's time. */
    private static final String HOLDING = "('PLANNED','ACTIVE','OVERRUN')";

    private final JdbcClient jdbc;
    private final PrinterCatalog catalog;
    private final ReservationTriggers triggers;
    private final AuditService audit;
    private final Clock clock;
    private final PrinterProperties properties;

    Reservations(
            JdbcClient jdbc,
            PrinterCatalog catalog,
            ReservationTriggers triggers,
            AuditService audit,
            Clock clock,
            PrinterProperties properties) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.triggers = triggers;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    Reservation get(long id) {
        return jdbc.sql(SELECT + "where r.id = ?")
                .param(id)
                .query(RESERVATION)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    /** The reservation, its row (and its printer's) locked until the transaction ends. */
    Reservation lock(long id) {
        return jdbc.sql(SELECT + "where r.id = ? for update")
                .param(id)
                .query(RESERVATION)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    /** A reservation, for its owner or an admin (others get "not found", so ids reveal nothing). */
    Reservation visible(long id) {
        return visible(get(id));
    }

    private static Reservation visible(Reservation r) {
        if (!CurrentUser.hasRole("ADMIN")
                && !r.username().equals(CurrentUser.username().orElse(""))) {
            throw notFound(r.id());
        }
        return r;
    }

    /** A reservation of the signed-in user (or any, for admins) that is not over, locked. */
    private Reservation own(long id) {
        Reservation r = visible(lock(id));
        if (r.state() == ReservationState.DONE || r.state() == ReservationState.CANCELLED) {
            throw DomainException.conflict("RESERVATION_OVER", "printer.reservation.over");
        }
        return r;
    }

    long reserve(String username, String displayName, long printerId, Instant start, Instant end, String title) {
        String text = title == null ? "" : title.strip();
        if (text.isEmpty() || text.length() > 200) {
            throw DomainException.invalidField("title", "TITLE_REQUIRED", "printer.reservation.title");
        }
        Instant now = clock.instant();
        if (start.isBefore(now.minusSeconds(60))) {
            throw DomainException.invalidField("start", "START_IN_PAST", "printer.reservation.past");
        }
        if (!end.isAfter(start)) {
            throw DomainException.invalidField("end", "END_BEFORE_START", "printer.reservation.endBeforeStart");
        }
        Duration max = properties.maxReservation();
        if (Duration.between(start, end).compareTo(max) > 0) {
            throw DomainException.invalidField("end", "TOO_LONG", "printer.reservation.tooLong", max.toHours());
        }
        Printer p = catalog.lock(printerId);
        if (!p.active() || p.archivedAt() != null) {
            throw DomainException.conflict("PRINTER_INACTIVE", "printer.reservation.inactive", p.name());
        }
        checkFree(printerId, start, end, null);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into printer_reservation (printer_id, username, display_name, title, starts_at, ends_at, "
                        + "state, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)")
                .params(
                        printerId,
                        username,
                        displayName,
                        text,
                        Timestamp.from(start),
                        Timestamp.from(end),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update(key);
        long id = key.getKey().longValue();
        audit.record(
                PrinterService.MODULE,
                "Reservation",
                id,
                "CREATE",
                "Printer " + p.name() + " reserved by " + username + " from " + start + " to " + end);
        Instant powerOn = start.minus(Duration.ofMinutes(p.warmupMinutes()));
        triggers.schedule(id, "start", powerOn.isBefore(now) ? now : powerOn);
        triggers.schedule(id, "end", end);
        return id;
    }

    private void checkFree(long printerId, Instant start, Instant end, @Nullable Long except) {
        List<Reservation> clashes = jdbc.sql(SELECT + "where r.printer_id = ? and r.state in " + HOLDING
                        + " and r.starts_at < ? and r.ends_at > ? and r.id <> ? order by r.starts_at")
                .params(printerId, Timestamp.from(end), Timestamp.from(start), except == null ? -1L : except)
                .query(RESERVATION)
                .list();
        if (!clashes.isEmpty()) {
            Reservation c = clashes.get(0);
            throw DomainException.conflict("SLOT_TAKEN", "printer.reservation.taken", c.startsAt(), c.endsAt())
                    .onField("start");
        }
    }

    void extend(long id, int minutes) {
        Duration max = properties.maxReservation();
        if (minutes < 1 || minutes > max.toMinutes()) {
            throw DomainException.invalidField(
                    "minutes", "INVALID_MINUTES", "printer.reservation.minutes", max.toMinutes());
        }
        Reservation r = own(id);
        Instant newEnd = r.endsAt().plus(Duration.ofMinutes(minutes));
        if (Duration.between(r.startsAt(), newEnd).compareTo(max) > 0) {
            throw DomainException.invalidField("minutes", "TOO_LONG", "printer.reservation.tooLong", max.toHours());
        }
        catalog.lock(r.printerId());
        checkFree(r.printerId(), r.endsAt(), newEnd, r.id());
        jdbc.sql("update printer_reservation set ends_at = ?, state = case when state = 'OVERRUN' then 'ACTIVE' "
                        + "else state end, updated_at = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(newEnd), Timestamp.from(clock.instant()), id)
                .update();
        audit.record(
                PrinterService.MODULE,
                "Reservation",
                id,
                "EXTEND",
                "Reservation #" + id + " extended by " + minutes + " min");
        triggers.schedule(id, "end", newEnd);
    }

    /**
     * Ends the reservation now, or cancels it if it has not started; returns whether it was cancelled (else
     * the end check has to run).
     */
    boolean finishNow(long id) {
        Reservation r = own(id);
        Instant now = clock.instant();
        if (r.state() == ReservationState.PLANNED && r.startsAt().isAfter(now)) {
            cancelPlanned(r);
            return true;
        }
        jdbc.sql("update printer_reservation set ends_at = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(now.isBefore(r.endsAt()) ? now : r.endsAt()), Timestamp.from(now), id)
                .update();
        audit.record(PrinterService.MODULE, "Reservation", id, "FINISH", "Reservation #" + id + " finished early");
        return false;
    }

    /** Cancels the reservation if it has not started; false if it has (then it is finished instead). */
    boolean cancelIfPlanned(long id) {
        Reservation r = own(id);
        if (r.state() != ReservationState.PLANNED) {
            return false;
        }
        cancelPlanned(r);
        return true;
    }

    private void cancelPlanned(Reservation r) {
        jdbc.sql("update printer_reservation set state = 'CANCELLED', updated_at = ?, version = version + 1 "
                        + "where id = ?")
                .params(Timestamp.from(clock.instant()), r.id())
                .update();
        triggers.unschedule(r.id(), "start");
        triggers.unschedule(r.id(), "end");
        audit.record(PrinterService.MODULE, "Reservation", r.id(), "CANCEL", "Reservation #" + r.id() + " cancelled");
    }

    List<Slot> slots(long printerId, Instant from, Instant to) {
        return asSlots(jdbc.sql(SELECT + "where r.printer_id = ? and r.state <> 'CANCELLED' and r.starts_at < ? "
                        + "and r.ends_at > ? order by r.starts_at")
                .params(printerId, Timestamp.from(to), Timestamp.from(from))
                .query(RESERVATION)
                .list());
    }

    /** The slots of every printer overlapping {@code [from, to)}, as {@link #slots} shows them. */
    List<Slot> slots(Instant from, Instant to) {
        return asSlots(jdbc.sql(SELECT + "where r.state <> 'CANCELLED' and r.starts_at < ? and r.ends_at > ? "
                        + "order by r.starts_at")
                .params(Timestamp.from(to), Timestamp.from(from))
                .query(RESERVATION)
                .list());
    }

    /** Everyone sees that a slot is taken; only its owner and admins see its title and who took it. */
    private static List<Slot> asSlots(List<Reservation> reservations) {
        String me = CurrentUser.username().orElse("");
        boolean admin = CurrentUser.hasRole("ADMIN");
        return reservations.stream()
                .map(r -> {
                    boolean mine = r.username().equals(me);
                    return new Slot(
                            r.id(),
                            r.printerId(),
                            r.startsAt(),
                            r.endsAt(),
                            r.state(),
                            mine,
                            mine || admin ? r.title() : null,
                            mine || admin ? r.displayName() : null);
                })
                .toList();
    }

    /**
     * The user's reservations: those still holding a printer first (soonest first), then the finished and
     * cancelled ones (newest first).
     */
    List<Reservation> of(String username, int limit) {
        return jdbc.sql(SELECT + "where r.username = ? order by case when r.state in " + HOLDING
                        + " then 0 else 1 end, case when r.state in " + HOLDING
                        + " then r.starts_at end, r.starts_at desc limit ?")
                .params(username, limit)
                .query(RESERVATION)
                .list();
    }

    /** The user's reservations that still hold a printer, soonest first. */
    List<Reservation> upcoming(String username, int limit) {
        return jdbc.sql(SELECT + "where r.username = ? and r.state in " + HOLDING + " order by r.starts_at limit ?")
                .params(username, limit)
                .query(RESERVATION)
                .list();
    }

    List<Reservation> between(Instant from, Instant to) {
        return jdbc.sql(SELECT + "where r.starts_at < ? and r.ends_at > ? order by r.starts_at")
                .params(Timestamp.from(to), Timestamp.from(from))
                .query(RESERVATION)
                .list();
    }

    /** A planned reservation of the printer (other than {@code except}) that starts by {@code until}. */
    Optional<Reservation> startingBy(long printerId, long except, Instant until) {
        return jdbc.sql(SELECT + "where r.printer_id = ? and r.state = 'PLANNED' and r.id <> ? and r.starts_at <= ? "
                        + "order by r.starts_at limit 1")
                .params(printerId, except, Timestamp.from(until))
                .query(RESERVATION)
                .optional();
    }

    /** Whether a reservation holds the printer now or its warm-up has begun. */
    boolean holds(long printerId, Instant now, Instant warmupUntil) {
        return jdbc.sql(SELECT + "where r.printer_id = ? and (r.state in ('ACTIVE','OVERRUN') or "
                        + "(r.state = 'PLANNED' and r.starts_at <= ? and r.ends_at > ?)) limit 1")
                .params(printerId, Timestamp.from(warmupUntil), Timestamp.from(now))
                .query(RESERVATION)
                .optional()
                .isPresent();
    }

    static DomainException notFound(long id) {
        return DomainException.notFound("RESERVATION_NOT_FOUND", "printer.reservation.notFound", id);
    }
}
