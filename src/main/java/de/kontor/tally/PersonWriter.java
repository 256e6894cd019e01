package de.kontor.tally;

import de.kontor.base.audit.AuditService;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserAccount;
import de.kontor.security.UserService;
import de.kontor.tally.PersonReader.PersonRow;
import de.kontor.tally.TallyModel.NewPerson;
import de.kontor.tally.TallyModel.NoticeSettings;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.PersonUpdate;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;

/**
 * Creates and changes tally persons, keeping their Kontor account (user name = code) in step through the
 * security module's {@link UserService}. Runs inside the front service's transactions.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class PersonWriter {

    static final String CODE_PATTERN = "\\d{10}";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PersonReader persons;
    private final UserService users;
    private final AuditService audit;
    private final Clock clock;

    PersonWriter(JdbcClient jdbc, PersonReader persons, UserService users, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A person with a Kontor account (user name = code, role MEMBER); without a code, a free one is generated.
     * Without a password the account gets a random one nobody knows (the person sets one through "forgot
     * password" or an admin). {@code privacyAccepted}: when a self-registering member accepted the notice.
     */
    PersonDetails create(NewPerson draft, @Nullable Instant privacyAccepted) {
        return create(draft, privacyAccepted, null);
    }

    /**
     * As {@link #create(NewPerson, Instant)}, but for the existing Kontor account {@code accountUsername}
     * (whose user name is not the code) when one is given.
     */
    PersonDetails create(NewPerson draft, @Nullable Instant privacyAccepted, @Nullable String accountUsername) {
        String code = draft.code() == null || draft.code().isBlank()
                ? freeCode()
                : draft.code().strip();
        if (!code.matches(CODE_PATTERN)) {
            throw DomainException.invalidField("code", "INVALID_CODE", "tally.code.pattern");
        }
        String firstName = Checks.name(draft.firstName(), "firstName");
        String lastName = Checks.name(draft.lastName(), "lastName");
        String email = Checks.email(draft.email(), "email");
        if (persons.codeTaken(code)) {
            throw codeTaken(code);
        }
        checkEmailFree(email, null);
        Long userId = users.findByUsername(accountUsername != null ? accountUsername : code)
                .map(UserAccount::getId)
                .orElse(null);
        if (userId == null && accountUsername != null) {
            throw DomainException.notFound("NO_ACCOUNT", "tally.account.missing", accountUsername);
        }
        if (userId == null) {
            String secret = draft.password() == null || draft.password().isBlank() ? null : draft.password();
            userId = users.createUser(
                            new NewUser(code, firstName + " " + lastName, email, EnumSet.of(Role.MEMBER), secret))
                    .account()
                    .getId();
        }
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into tally_person (code, user_id, first_name, last_name, email, privacy_accepted_at, "
                            + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            code,
                            userId,
                            firstName,
                            lastName,
                            email,
                            privacyAccepted == null ? null : Timestamp.from(privacyAccepted),
                            now,
                            now)
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            // another request took the code or address between the check and this insert
            throw persons.codeTaken(code) ? codeTaken(code) : emailTaken();
        }
        long id = key.getKeyAs(Number.class).longValue();
        audit.record(TallyService.MODULE, "Person", id, "CREATE", "Tally person " + code + " created");
        return persons.details(id);
    }

    private static DomainException codeTaken(String code) {
        return DomainException.conflict("CODE_TAKEN", "tally.code.taken", code).onField("code");
    }

    private static DomainException emailTaken() {
        return DomainException.conflict("EMAIL_TAKEN", "tally.email.taken").onField("email");
    }

    /** A code that neither a person nor an account has. */
    String freeCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = String.valueOf(1_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_000_000_000L);
            if (!persons.codeTaken(code) && users.findByUsername(code).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("No free tally code found");
    }

    private void checkEmailFree(@Nullable String email, @Nullable Long personId) {
        if (email != null && persons.emailTaken(email, personId)) {
            throw emailTaken();
        }
    }

    PersonDetails update(long id, long expectedVersion, PersonUpdate update) {
        String firstName = Checks.name(update.firstName(), "firstName");
        String lastName = Checks.name(update.lastName(), "lastName");
        String email = Checks.email(update.email(), "email");
        String comment = update.comment() == null || update.comment().isBlank()
                ? null
                : update.comment().strip();
        if (comment != null && comment.length() > Checks.COMMENT_MAX) {
            throw DomainException.invalidField(
                    "comment", "COMMENT_TOO_LONG", "tally.comment.tooLong", Checks.COMMENT_MAX);
        }
        PersonRow before = persons.lockedRow(id);
        if (before.version() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        checkEmailFree(email, id);
        try {
            jdbc.sql("update tally_person set first_name = ?, last_name = ?, email = ?, comment = ?, "
                            + "reminder_threshold = ?, responsible_threshold = ?, notify_booking = ?, notify_zero = ?, "
                            + "notify_threshold = ?, updated_at = ?, version = version + 1 where id = ?")
                    .params(
                            firstName,
                            lastName,
                            email,
                            comment,
                            update.reminderThreshold(),
                            update.responsibleThreshold(),
                            update.notifyBooking(),
                            update.notifyZero(),
                            update.notifyThreshold(),
                            Timestamp.from(clock.instant()),
                            id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw emailTaken();
        }
        syncAccount(before, firstName + " " + lastName, email);
        audit.record(TallyService.MODULE, "Person", id, "UPDATE", "Tally person " + before.code() + " updated");
        return persons.details(id);
    }

    private void syncAccount(PersonRow before, String displayName, @Nullable String email) {
        if (before.userId() == null) {
            return;
        }
        if (!Objects.equals(before.email(), email)) {
            users.setEmail(before.userId(), email);
        }
        if (!(before.firstName() + " " + before.lastName()).equals(displayName)) {
            users.setDisplayName(before.userId(), displayName);
        }
    }

    PersonDetails setLocked(long id, boolean locked) {
        PersonRow person = persons.lockedRow(id);
        jdbc.sql("update tally_person set locked = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(locked, Timestamp.from(clock.instant()), id)
                .update();
        audit.record(
                TallyService.MODULE,
                "Person",
                id,
                locked ? "LOCK" : "UNLOCK",
                "Tally person " + person.code() + (locked ? " locked" : " unlocked"));
        return persons.details(id);
    }

    /** Grants or revokes the person's ADMIN role in Kontor (the security module keeps the last admin). */
    PersonDetails setAdmin(long id, boolean admin) {
        PersonRow person = persons.lockedRow(id);
        if (person.userId() == null) {
            throw DomainException.conflict("NO_ACCOUNT", "tally.person.noAccount");
        }
        users.setAdmin(person.userId(), admin);
        return persons.details(id);
    }

    /** Archives the person (kept for the ledger); their account is disabled. False when there is none active. */
    boolean archive(String code) {
        return persons.byCode(code).map(p -> archive(persons.lockedRow(p.id()))).orElse(false);
    }

    PersonDetails archive(long id) {
        archive(persons.lockedRow(id));
        return persons.details(id);
    }

    private boolean archive(PersonRow person) {
        if (person.archivedAt() != null) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update tally_person set archived_at = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(now, now, person.id())
                .update();
        if (person.userId() != null) {
            users.setEnabled(person.userId(), false);
        }
        audit.record(
                TallyService.MODULE, "Person", person.id(), "ARCHIVE", "Tally person " + person.code() + " archived");
        return true;
    }

    PersonDetails restore(long id) {
        PersonRow person = persons.lockedRow(id);
        if (person.archivedAt() == null) {
            return persons.details(person);
        }
        jdbc.sql("update tally_person set archived_at = null, updated_at = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(clock.instant()), id)
                .update();
        if (person.userId() != null) {
            users.setEnabled(person.userId(), true);
        }
        audit.record(TallyService.MODULE, "Person", id, "RESTORE", "Tally person " + person.code() + " restored");
        return persons.details(id);
    }

    PersonDetails updateNotices(PersonDetails me, NoticeSettings notices) {
        jdbc.sql("update tally_person set notify_booking = ?, notify_zero = ?, notify_threshold = ?, "
                        + "reminder_threshold = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(
                        notices.notifyBooking(),
                        notices.notifyZero(),
                        notices.notifyThreshold(),
                        notices.reminderThreshold(),
                        Timestamp.from(clock.instant()),
                        me.id())
                .update();
        audit.record(
                TallyService.MODULE,
                "Person",
                me.id(),
                "UPDATE",
                "Tally person " + me.code() + " changed their notices");
        return persons.details(me.id());
    }

    PersonDetails changeEmail(PersonDetails me, @Nullable String newEmail) {
        String email = Checks.email(newEmail, "email");
        PersonRow before = persons.lockedRow(me.id());
        checkEmailFree(email, me.id());
        try {
            jdbc.sql("update tally_person set email = ?, updated_at = ?, version = version + 1 where id = ?")
                    .params(email, Timestamp.from(clock.instant()), me.id())
                    .update();
        } catch (DuplicateKeyException e) {
            throw emailTaken();
        }
        syncAccount(before, before.firstName() + " " + before.lastName(), email);
        audit.record(
                TallyService.MODULE,
                "Person",
                me.id(),
                "UPDATE",
                "Tally person " + me.code() + " changed their e-mail");
        return persons.details(me.id());
    }
}
