package de.kontor.tally;

import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.tally.TallyModel.ApiClient;
import de.kontor.tally.TallyModel.Blocked;
import de.kontor.tally.TallyModel.Booked;
import de.kontor.tally.TallyModel.BookedEvent;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.InvalidAmount;
import de.kontor.tally.TallyModel.Locked;
import de.kontor.tally.TallyModel.NfcOutcome;
import de.kontor.tally.TallyModel.QrOutcome;
import de.kontor.tally.TallyModel.Settings;
import de.kontor.tally.TallyModel.UnknownToken;
import de.kontor.tally.TallyModel.UnknownTokenEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every booking: at terminals (NFC, QR), by admins (deposits, corrections, bulk bookings, reversals) and of
 * demo data. Each one locks the person's row first ({@code SELECT ... FOR UPDATE}) and keeps
 * {@code tally_person.balance} equal to the sum of the active ledger, so concurrent terminals neither lose
 * bookings nor let an NFC booking take a balance below 0. Runs inside the front service's transactions.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Bookings {

    /** A person's row, locked for the booking; {@code mayNotify}: a booking could cause an e-mail. */
    record Locking(long id, String firstName, boolean locked, long balance, boolean mayNotify) {}

    private static final String LOCKING_COLUMNS = "p.id, p.first_name, p.locked, p.balance, (p.email is not null "
            + "and (p.notify_booking or p.notify_zero or p.notify_threshold)) or p.responsible_threshold is not null "
            + "as may_notify";

    /** By name, without a reflective mapper: this is the terminals' hot path. */
    private static final RowMapper<Locking> LOCKING = (rs, i) -> new Locking(
            rs.getLong("id"),
            rs.getString("first_name"),
            rs.getBoolean("locked"),
            rs.getLong("balance"),
            rs.getBoolean("may_notify"));

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final SettingsStore settings;
    private final PersonReader persons;
    private final Ledgers ledgers;
    private final AuditService audit;
    private final TallyProperties properties;
    private final Clock clock;

    Bookings(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            SettingsStore settings,
            PersonReader persons,
            Ledgers ledgers,
            AuditService audit,
            TallyProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
        this.persons = persons;
        this.ledgers = ledgers;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    private Optional<Locking> lock(long personId) {
        return jdbc.sql("select " + LOCKING_COLUMNS + " from tally_person p where p.id = ? and p.archived_at is null "
                        + "for update")
                .param(personId)
                .query(LOCKING)
                .optional();
    }

    private Locking lockActive(long personId) {
        return lock(personId)
                .orElseThrow(() -> DomainException.notFound("PERSON_NOT_FOUND", "tally.person.notFound", personId));
    }

    /** The configured booking amount, if it is one a terminal may book (negative, within the largest amount). */
    private Optional<Integer> terminalAmount(Settings s) {
        int amount = s.bookingAmount();
        return amount < 0 && properties.allows(amount) ? Optional.of(amount) : Optional.empty();
    }

    /** Books the configured amount for the person holding the token; never below 0. */
    NfcOutcome nfc(byte[] token, String terminal, ApiClient by) {
        Instant now = clock.instant();
        // one round trip: find the token's person and lock the row for the booking
        record Found(Locking person, long tokenId, @Nullable Timestamp lastUsed) {}
        Optional<Found> found = jdbc.sql("select " + LOCKING_COLUMNS + ", t.id as token_id, t.last_used_at "
                        + "from tally_token t join tally_person p on p.id = t.person_id "
                        + "where t.token_bytes = ? and p.archived_at is null for update")
                .param(token)
                .query((rs, i) ->
                        new Found(LOCKING.mapRow(rs, i), rs.getLong("token_id"), rs.getTimestamp("last_used_at")))
                .optional();
        if (found.isEmpty()) {
            events.publishEvent(new UnknownTokenEvent(token.clone(), terminal, now));
            return new UnknownToken();
        }
        Locking person = found.get().person();
        if (person.locked()) {
            return new Locked(person.firstName());
        }
        Settings s = settings.get();
        Optional<Integer> amount = terminalAmount(s);
        if (amount.isEmpty()) {
            return new InvalidAmount(s.bookingAmount(), properties.maxAmount());
        }
        if (person.balance() < -amount.get()) { // after the booking below 0 (written so that it cannot overflow)
            return new Blocked(person.firstName(), person.balance(), s.currency());
        }
        long after = book(person, amount.get(), terminal, "NFC", "api:" + by.userName(), null);
        // "last used" is kept to the minute: most bookings need no write to the token
        Timestamp used = found.get().lastUsed();
        if (used == null || used.toInstant().isBefore(now.minusSeconds(60))) {
            jdbc.sql("update tally_token set last_used_at = ? where id = ?")
                    .params(Timestamp.from(now), found.get().tokenId())
                    .update();
        }
        return new Booked(person.firstName(), after, s.currency());
    }

    /** Books the configured amount for the person with the code (a QR code); may go below 0. */
    QrOutcome qr(String code, String description, ApiClient by) {
        Optional<Locking> found = persons.byCode(code).flatMap(p -> lock(p.id()));
        if (found.isEmpty()) {
            return new UnknownToken();
        }
        Locking person = found.get();
        if (person.locked()) {
            return new Locked(person.firstName());
        }
        Settings s = settings.get();
        Optional<Integer> amount = terminalAmount(s);
        if (amount.isEmpty()) {
            return new InvalidAmount(s.bookingAmount(), properties.maxAmount());
        }
        long after = book(person, amount.get(), description, "QR", "api:" + by.userName(), null);
        return new Booked(person.firstName(), after, s.currency());
    }

    /** An admin's booking (deposit or correction): a whole amount other than 0 within the bounds. */
    long admin(long personId, long amount, String description) {
        Checks.amount(amount, properties, "amount");
        String text = Checks.description(description);
        Locking person = lockActive(personId);
        long entryId = insert(person, amount, text, "ADMIN", bookedBy(), null);
        audit.record(
                TallyService.MODULE,
                "Entry",
                entryId,
                "CREATE",
                "Tally booking of " + amount + " for person #" + personId);
        return entryId;
    }

    /** A booking at a given time (demo data and imports of old ledgers). */
    long at(long personId, long amount, String description, String source, String bookedBy, Instant at) {
        Checks.amount(amount, properties, "amount");
        long entryId = insert(lockActive(personId), amount, description, source, bookedBy, null);
        jdbc.sql("update tally_entry set booked_at = ? where id = ?")
                .params(Timestamp.from(at), entryId)
                .update();
        return entryId;
    }

    /**
     * The same booking for several persons (e.g. "Essen zum Dienst am ..."); the rows are locked in id order so
     * concurrent bulk bookings cannot deadlock. Returns the number of bookings.
     */
    int bulk(Collection<Long> personIds, long amount, String description) {
        if (personIds.isEmpty()) {
            throw DomainException.invalidField("persons", "NO_PERSONS", "tally.bulk.noPersons");
        }
        Checks.amount(amount, properties, "amount");
        String text = Checks.description(description);
        String by = bookedBy();
        int booked = 0;
        for (long id : new TreeSet<>(personIds)) {
            insert(lockActive(id), amount, text, "BULK", by, null);
            booked++;
        }
        audit.record(
                TallyService.MODULE,
                "Entry",
                null,
                "BULK",
                "Bulk tally booking of " + amount + " for " + booked + " persons: " + text);
        return booked;
    }

    /**
     * Reverses ("Storno") an entry of the person's active ledger: books its exact opposite, linked to it.
     * Nothing is deleted; an entry is reversed at most once, and a reversal is not reversed again (a new
     * correction is).
     */
    Entry reverse(long personId, long entryId) {
        Locking person = lockActive(personId);
        Entry original = ledgers.activeEntry(personId, entryId);
        if (original.reversesId() != null) {
            throw DomainException.conflict("REVERSAL_NOT_REVERSIBLE", "tally.reverse.isReversal", entryId);
        }
        if (original.reversedById() != null) {
            throw DomainException.conflict(
                    "ALREADY_REVERSED", "tally.reverse.already", entryId, original.reversedById());
        }
        long amount;
        try {
            amount = Math.negateExact(original.amount());
        } catch (ArithmeticException e) {
            throw balanceOutOfRange();
        }
        long reversalId;
        try {
            reversalId = insert(
                    person,
                    amount,
                    "Storno #" + entryId + ": " + original.description(),
                    "REVERSAL",
                    bookedBy(),
                    entryId);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("ALREADY_REVERSED", "tally.reverse.already", entryId, "?");
        }
        audit.record(
                TallyService.MODULE,
                "Entry",
                reversalId,
                "REVERSE",
                "Tally entry #" + entryId + " of person #" + personId + " (" + original.amount() + ") reversed");
        return ledgers.activeEntry(personId, reversalId);
    }

    private static String bookedBy() {
        return CurrentUser.username().orElse("system");
    }

    private static DomainException balanceOutOfRange() {
        return DomainException.invalidField("amount", "BALANCE_OUT_OF_RANGE", "tally.booking.balanceRange");
    }

    /** Books for a locked person; returns the balance after. */
    private long book(
            Locking person, long amount, String description, String source, String bookedBy, @Nullable Long reverses) {
        long after = after(person, amount);
        insertEntry(person, amount, description, source, bookedBy, reverses, after);
        return after;
    }

    /** Books for a locked person; returns the new entry's id. */
    private long insert(
            Locking person, long amount, String description, String source, String bookedBy, @Nullable Long reverses) {
        return insertEntry(person, amount, description, source, bookedBy, reverses, after(person, amount));
    }

    private static long after(Locking person, long amount) {
        try {
            return Math.addExact(person.balance(), amount);
        } catch (ArithmeticException e) {
            throw balanceOutOfRange();
        }
    }

    private long insertEntry(
            Locking person,
            long amount,
            String description,
            String source,
            String bookedBy,
            @Nullable Long reverses,
            long after) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into tally_entry (person_id, amount, description, booked_at, source, booked_by, "
                        + "reverses_id) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        person.id(),
                        amount,
                        Checks.cut(description, Checks.DESCRIPTION_MAX),
                        Timestamp.from(clock.instant()),
                        source,
                        Checks.cut(bookedBy, 150),
                        reverses)
                .update(key, "id");
        long entryId = key.getKeyAs(Number.class).longValue();
        jdbc.sql("update tally_person set balance = balance + ? where id = ?")
                .params(amount, person.id())
                .update();
        events.publishEvent(new BookedEvent(person.id(), entryId, amount, person.balance(), after, person.mayNotify()));
        return entryId;
    }
}
