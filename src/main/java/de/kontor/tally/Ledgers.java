package de.kontor.tally;

import de.kontor.base.audit.AuditService;
import de.kontor.base.db.Rows;
import de.kontor.base.error.DomainException;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.ResetInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Reads the ledger (one person's, everyone's), and resets: a reset archives the active entries of one person
 * or of everyone instead of deleting them, and can be restored as a whole.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Ledgers {

    /** An entry with its person's name and the links between reversed entries and their reversals. */
    static final String ENTRY_SELECT = "select e.id, e.person_id, p.last_name, p.first_name, e.amount, "
            + "e.description, e.booked_at, e.source, e.booked_by, e.reverses_id, r.id as reversed_by_id "
            + "from tally_entry e join tally_person p on p.id = e.person_id "
            + "left join tally_entry r on r.reverses_id = e.id ";

    /** Read by name without a reflective mapper: ledgers are long (exports of everyone's bookings). */
    static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(
            rs.getLong("id"),
            rs.getLong("person_id"),
            rs.getString("last_name"),
            rs.getString("first_name"),
            rs.getLong("amount"),
            rs.getString("description"),
            rs.getTimestamp("booked_at").toInstant(),
            rs.getString("source"),
            rs.getString("booked_by"),
            rs.getObject("reverses_id", Long.class),
            rs.getObject("reversed_by_id", Long.class));

    private static final RowMapper<ResetInfo> RESET = Rows.mapper(ResetInfo.class);

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;

    Ledgers(JdbcClient jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    Slice<Entry> ledger(long personId, Pageable page) {
        List<Entry> rows = jdbc.sql(ENTRY_SELECT + "where e.person_id = ? and e.reset_id is null "
                        + "order by e.booked_at desc, e.id desc limit ? offset ?")
                .params(personId, page.getPageSize() + 1, page.getOffset())
                .query(ENTRY)
                .list();
        return Rows.slice(rows, page);
    }

    long ledgerCount(long personId) {
        return jdbc.sql("select count(*) from tally_entry where person_id = ? and reset_id is null")
                .param(personId)
                .query(Long.class)
                .single();
    }

    Slice<Entry> all(Pageable page) {
        List<Entry> rows = jdbc.sql(
                        ENTRY_SELECT + "where e.reset_id is null order by e.booked_at desc, e.id desc limit ? offset ?")
                .params(page.getPageSize() + 1, page.getOffset())
                .query(ENTRY)
                .list();
        return Rows.slice(rows, page);
    }

    /** The newest entries of the active ledger of everyone. */
    List<Entry> newest(int limit) {
        return jdbc.sql(ENTRY_SELECT + "where e.reset_id is null order by e.booked_at desc, e.id desc limit ?")
                .param(limit)
                .query(ENTRY)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from tally_entry where reset_id is null")
                .query(Long.class)
                .single();
    }

    /** An entry of the active ledger (not archived by a reset). */
    Entry activeEntry(long personId, long entryId) {
        return jdbc.sql(ENTRY_SELECT + "where e.id = ? and e.person_id = ? and e.reset_id is null")
                .params(entryId, personId)
                .query(ENTRY)
                .optional()
                .orElseThrow(() -> DomainException.notFound("ENTRY_NOT_FOUND", "tally.entry.notFound", entryId));
    }

    List<ResetInfo> resets() {
        return jdbc.sql("select r.id, r.person_id, concat(p.first_name, ' ', p.last_name, ' (', p.code, ')') "
                        + "as person_name, r.reset_at, r.reset_by, r.entries, r.restored_at from tally_reset r "
                        + "left join tally_person p on p.id = r.person_id order by r.reset_at desc, r.id desc")
                .query(RESET)
                .list();
    }

    /**
     * Archives the active ledger of one person (or everyone when {@code personId} is null) as one reset.
     * Returns the number of entries archived.
     */
    int reset(@Nullable Long personId, String by) {
        // the same row locks as bookings take, in id order, so no booking slips in between
        if (personId == null) {
            jdbc.sql("select id from tally_person order by id for update")
                    .query(Long.class)
                    .list();
        } else {
            jdbc.sql("select id from tally_person where id = ? for update")
                    .param(personId)
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> DomainException.notFound("PERSON_NOT_FOUND", "tally.person.notFound", personId));
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into tally_reset (person_id, reset_at, reset_by, entries) values (?, ?, ?, 0)")
                .params(personId, Timestamp.from(clock.instant()), Checks.cut(by, 150))
                .update(key, "id");
        long resetId = key.getKeyAs(Number.class).longValue();
        int archived = personId == null
                ? jdbc.sql("update tally_entry set reset_id = ? where reset_id is null")
                        .param(resetId)
                        .update()
                : jdbc.sql("update tally_entry set reset_id = ? where reset_id is null and person_id = ?")
                        .params(resetId, personId)
                        .update();
        jdbc.sql("update tally_reset set entries = ? where id = ?")
                .params(archived, resetId)
                .update();
        if (personId == null) {
            jdbc.sql("update tally_person set balance = 0").update();
        } else {
            jdbc.sql("update tally_person set balance = 0 where id = ?")
                    .param(personId)
                    .update();
        }
        audit.record(
                TallyService.MODULE,
                "Ledger",
                personId,
                "RESET",
                archived + " tally entries archived (reset #" + resetId + ")");
        return archived;
    }

    private record ResetState(long id, @Nullable Instant restoredAt) {}

    /** Brings the entries of a reset back into the ledger; restoring a restored reset changes nothing. */
    int restore(long resetId) {
        ResetState reset = jdbc.sql("select id, restored_at from tally_reset where id = ? for update")
                .param(resetId)
                .query(Rows.mapper(ResetState.class))
                .optional()
                .orElseThrow(() -> DomainException.notFound("RESET_NOT_FOUND", "tally.reset.notFound", resetId));
        if (reset.restoredAt() != null) {
            return 0;
        }
        int restored = jdbc.sql("update tally_entry set reset_id = null where reset_id = ?")
                .param(resetId)
                .update();
        jdbc.sql("update tally_reset set restored_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), resetId)
                .update();
        jdbc.sql("update tally_person p set balance = (select coalesce(sum(amount), 0) from tally_entry e "
                        + "where e.person_id = p.id and e.reset_id is null)")
                .update();
        audit.record(
                TallyService.MODULE,
                "Ledger",
                resetId,
                "RESTORE",
                restored + " tally entries restored (reset #" + resetId + ")");
        return restored;
    }
}
