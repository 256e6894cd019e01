package de.kontor.security;

import de.kontor.base.KontorProperties;
import de.kontor.base.db.DatabaseLocks;
import de.kontor.base.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;

/**
 * On a database without an enabled admin, creates {@code admin} with the password from
 * {@code KONTOR_ADMIN_PASSWORD}, or a generated one that is printed once and must be changed at first
 * login. There is no default password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    static final String LOCK = "kontor_first_admin";
    private static final Duration LOCK_WAIT = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final MessageSource messages;
    private final DatabaseLocks locks;
    private final String configuredPassword;

    AdminBootstrap(UserService users, MessageSource messages, DatabaseLocks locks, KontorProperties properties) {
        this.users = users;
        this.messages = messages;
        this.locks = locks;
        String password = properties.admin().password();
        this.configuredPassword = password == null ? "" : password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!configuredPassword.isBlank()) {
            try {
                users.checkPasswordPolicy(ADMIN_USERNAME, configuredPassword, "KONTOR_ADMIN_PASSWORD");
            } catch (DomainException e) {
                throw new IllegalStateException("KONTOR_ADMIN_PASSWORD is not accepted: "
                        + messages.getMessage(e.messageKey(), e.args(), Locale.ENGLISH));
            }
        }
        // Nodes starting at once on a fresh database: the first creates the admin, the others find it.
        locks.call(LOCK, LOCK_WAIT, () -> users.ensureFirstAdmin(ADMIN_USERNAME, configuredPassword))
                .ifPresentOrElse(
                        generated -> log.warn("""

                ==================================================================
                  Kontor created its first admin account.
                    user:      {}
                    password:  {}
                  This password is shown only this once; Kontor asks for a new
                  one at the first login. (Set KONTOR_ADMIN_PASSWORD to choose it.)
                ==================================================================""", ADMIN_USERNAME, generated),
                        () -> log.debug("An enabled admin exists; nothing to set up"));
    }
}
