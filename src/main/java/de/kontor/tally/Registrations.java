package de.kontor.tally;

import de.kontor.base.crypto.Hashes;
import de.kontor.base.crypto.Tokens;
import de.kontor.base.db.Rows;
import de.kontor.base.error.DomainException;
import de.kontor.security.UserService;
import de.kontor.tally.PersonReader.PersonRow;
import de.kontor.tally.TallyModel.NewPerson;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.Registration;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Members who sign up themselves (while self-registration is on) and password reset links: only the SHA-256
 * of a link's token is stored; a link works once and for {@link #RESET_VALIDITY}.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Registrations {

    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    private record ResetLink(long id, long userId) {}

    private static final RowMapper<ResetLink> LINK = Rows.mapper(ResetLink.class);

    private final JdbcClient jdbc;
    private final PersonReader persons;
    private final PersonWriter writer;
    private final SettingsStore settings;
    private final UserService users;
    private final TallyNotices notices;
    private final Clock clock;

    Registrations(
            JdbcClient jdbc,
            PersonReader persons,
            PersonWriter writer,
            SettingsStore settings,
            UserService users,
            TallyNotices notices,
            Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.writer = writer;
        this.settings = settings;
        this.users = users;
        this.notices = notices;
        this.clock = clock;
    }

    /** A new member signs up; the code is generated and mailed to them. */
    PersonDetails register(Registration registration) {
        if (!settings.get().selfRegistration()) {
            throw new DomainException(403, "REGISTRATION_CLOSED", "tally.register.closed");
        }
        if (!registration.privacyAccepted()) {
            throw DomainException.invalidField("privacyAccepted", "PRIVACY_NOT_ACCEPTED", "tally.register.privacy");
        }
        if (registration.email() == null || registration.email().isBlank()) {
            throw DomainException.invalidField("email", "EMAIL_REQUIRED", "tally.register.emailRequired");
        }
        if (registration.password() == null || registration.password().isBlank()) {
            throw DomainException.invalidField("password", "PASSWORD_REQUIRED", "tally.register.passwordRequired");
        }
        String code = writer.freeCode();
        users.checkPasswordPolicy(code, registration.password(), "password");
        PersonDetails person = writer.create(
                new NewPerson(
                        code,
                        registration.firstName(),
                        registration.lastName(),
                        registration.email(),
                        registration.password()),
                clock.instant());
        notices.queue(
                "REGISTRATION",
                person.email(),
                "tally.mail.registration.subject",
                "tally.mail.registration.body",
                person.firstName(),
                person.code(),
                person.email());
        return person;
    }

    /**
     * Mails a password reset link to the person with this e-mail address or code, if there is one; says
     * nothing about whether there is, so the form cannot be used to probe addresses.
     */
    void requestReset(@Nullable String emailOrCode, String baseUrl) {
        if (emailOrCode == null || emailOrCode.isBlank()) {
            throw DomainException.invalidField("email", "EMAIL_REQUIRED", "tally.register.emailRequired");
        }
        Optional<PersonRow> person = persons.byEmailOrCode(emailOrCode.strip());
        if (person.isEmpty() || person.get().userId() == null) {
            return;
        }
        String token = Tokens.random(32);
        Instant now = clock.instant();
        jdbc.sql("insert into tally_password_reset (user_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")
                .params(
                        person.get().userId(),
                        Hashes.sha256Hex(token),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(RESET_VALIDITY)))
                .update();
        String link = baseUrl.replaceAll("/+$", "") + "/reset-password?token=" + token;
        notices.queue(
                "PASSWORD_RESET",
                person.get().email(),
                "tally.mail.reset.subject",
                "tally.mail.reset.body",
                person.get().firstName(),
                link,
                person.get().code());
    }

    /** Whether the link's token is known, unused and not expired. */
    boolean resetValid(@Nullable String token) {
        return link(token, false).isPresent();
    }

    private Optional<ResetLink> link(@Nullable String token, boolean forUpdate) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select id, user_id from tally_password_reset where token_hash = ? and used_at is null "
                        + "and expires_at > ?" + (forUpdate ? " for update" : ""))
                .params(Hashes.sha256Hex(token), Timestamp.from(clock.instant()))
                .query(LINK)
                .optional();
    }

    /** Sets the new password for the link's account; the link is used up. */
    void reset(@Nullable String token, @Nullable String newPassword) {
        ResetLink link = link(token, true)
                .orElseThrow(
                        () -> DomainException.invalidField("token", "RESET_LINK_INVALID", "tally.pwreset.invalid"));
        if (newPassword == null || newPassword.isBlank()) {
            throw DomainException.invalidField("password", "PASSWORD_REQUIRED", "tally.register.passwordRequired");
        }
        users.setChosenPassword(link.userId(), newPassword, "password");
        jdbc.sql("update tally_password_reset set used_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), link.id())
                .update();
    }
}
