package de.kontor.tally;

import de.kontor.base.db.Like;
import de.kontor.base.db.Rows;
import de.kontor.base.error.DomainException;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import de.kontor.tally.TallyModel.PersonBalance;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.PersonName;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds tally persons: by code, id or account, lists and pages of them, the total of all balances. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class PersonReader {

    /** A person's row; whether their account is an admin comes from the security module. */
    record PersonRow(
            long id,
            String code,
            String firstName,
            String lastName,
            @Nullable String email,
            @Nullable String comment,
            boolean locked,
            long balance,
            boolean notifyBooking,
            boolean notifyZero,
            boolean notifyThreshold,
            @Nullable Integer reminderThreshold,
            @Nullable Integer responsibleThreshold,
            @Nullable Long userId,
            @Nullable Instant archivedAt,
            Instant createdAt,
            long version) {

        PersonDetails details(boolean admin) {
            return new PersonDetails(
                    id,
                    code,
                    firstName,
                    lastName,
                    email,
                    comment,
                    locked,
                    balance,
                    notifyBooking,
                    notifyZero,
                    notifyThreshold,
                    reminderThreshold,
                    responsibleThreshold,
                    admin,
                    userId,
                    archivedAt,
                    createdAt,
                    version);
        }
    }

    static final String ROW_SELECT = "select id, code, first_name, last_name, email, comment, locked, balance, "
            + "notify_booking, notify_zero, notify_threshold, reminder_threshold, responsible_threshold, user_id, "
            + "archived_at, created_at, version from tally_person ";

    private static final RowMapper<PersonRow> ROW = Rows.mapper(PersonRow.class);

    private static final String BALANCE_SELECT =
            "select id, code, last_name, first_name, balance, locked from tally_person ";

    /** Read by name without a reflective mapper: lists of these are long (exports, the terminals' lists). */
    private static final RowMapper<PersonBalance> BALANCE = (rs, i) -> new PersonBalance(
            rs.getLong("id"),
            rs.getString("code"),
            rs.getString("last_name"),
            rs.getString("first_name"),
            rs.getLong("balance"),
            rs.getBoolean("locked"));

    private final JdbcClient jdbc;
    private final UserService users;

    PersonReader(JdbcClient jdbc, UserService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** A person (also an archived one) by id. */
    PersonDetails details(long id) {
        return details(row(id, false));
    }

    /** The person's row, locked for a change that depends on what it holds. */
    PersonRow lockedRow(long id) {
        return row(id, true);
    }

    private PersonRow row(long id, boolean forUpdate) {
        return jdbc.sql(ROW_SELECT + "where id = ?" + (forUpdate ? " for update" : ""))
                .param(id)
                .query(ROW)
                .optional()
                .orElseThrow(() -> DomainException.notFound("PERSON_NOT_FOUND", "tally.person.notFound", id));
    }

    PersonDetails details(PersonRow row) {
        return row.details(row.userId() != null && users.hasRole(row.userId(), Role.ADMIN));
    }

    /** The active person whose Kontor account this is. */
    Optional<PersonDetails> byAccount(long userId) {
        return jdbc.sql(ROW_SELECT + "where user_id = ? and archived_at is null")
                .param(userId)
                .query(ROW)
                .optional()
                .map(this::details);
    }

    /** The active person with this e-mail address or code and an e-mail address (for password resets). */
    Optional<PersonRow> byEmailOrCode(String key) {
        return jdbc.sql(ROW_SELECT + "where (email = ? or code = ?) and archived_at is null and email is not null")
                .params(key, key)
                .query(ROW)
                .optional();
    }

    /** An active (not archived) person by code. */
    Optional<PersonBalance> byCode(String code) {
        return jdbc.sql(BALANCE_SELECT + "where code = ? and archived_at is null")
                .param(code)
                .query(BALANCE)
                .optional();
    }

    List<PersonName> names() {
        return jdbc.sql("select id, code, last_name, first_name from tally_person where archived_at is null "
                        + "order by last_name, first_name, code")
                .query((rs, i) -> new PersonName(
                        rs.getLong("id"), rs.getString("code"), rs.getString("last_name"), rs.getString("first_name")))
                .list();
    }

    List<PersonBalance> balances() {
        return jdbc.sql(BALANCE_SELECT + "where archived_at is null order by balance desc, last_name, first_name, code")
                .query(BALANCE)
                .list();
    }

    Slice<PersonBalance> find(String search, boolean archived, Pageable page) {
        List<Object> args = new ArrayList<>();
        String where = filter(search, archived, args);
        String order = Rows.orderBy(
                page.getSort(),
                Map.of("code", "code", "name", "last_name, first_name", "balance", "balance", "email", "email"),
                "last_name, first_name");
        args.add(page.getPageSize() + 1);
        args.add(page.getOffset());
        List<PersonBalance> rows = jdbc.sql(BALANCE_SELECT + where + " order by " + order + ", id limit ? offset ?")
                .params(args)
                .query(BALANCE)
                .list();
        return Rows.slice(rows, page);
    }

    long count(String search, boolean archived) {
        List<Object> args = new ArrayList<>();
        return jdbc.sql("select count(*) from tally_person " + filter(search, archived, args))
                .params(args)
                .query(Long.class)
                .single();
    }

    private static String filter(String search, boolean archived, List<Object> args) {
        String where = archived ? "where archived_at is not null" : "where archived_at is null";
        if (search != null && !search.isBlank()) {
            String like = Like.contains(search); // the columns compare case-insensitively anyway
            where += " and (code like ? or concat(first_name, ' ', last_name) like ? or concat(last_name, ', ', "
                    + "first_name) like ? or email like ?)";
            args.addAll(List.of(like, like, like, like));
        }
        return where;
    }

    /** The sum of all active balances: what the cash box should hold. */
    long totalBalance() {
        return jdbc.sql("select coalesce(sum(balance), 0) from tally_person where archived_at is null")
                .query(Long.class)
                .single();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select count(*) from tally_person where code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    boolean emailTaken(String email, @Nullable Long exceptPersonId) {
        return jdbc.sql("select count(*) from tally_person where email = ? and id <> ?")
                        .params(email, exceptPersonId == null ? -1L : exceptPersonId)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
