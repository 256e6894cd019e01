package de.kontor.security;

import de.kontor.base.crypto.Hashes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Checks second factors and keeps recovery codes. A TOTP code is accepted only for a 30-second step later
 * than the last one accepted for the account (one atomic update), so a code cannot be used twice, on this
 * node or another. Recovery codes are ten random codes stored as SHA-256 hashes, each usable once.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class TwoFactor {

    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final int RECOVERY_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    TwoFactor(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether {@code typed} is a fresh TOTP code or an unused recovery code of the account; uses it up. */
    boolean verify(UserAccount account, String typed) {
        String secret = account.getTotpSecret();
        if (secret == null || typed.isBlank()) {
            return false;
        }
        if (Totp.looksLikeCode(typed)) {
            return useTotp(account.getId(), secret, typed);
        }
        return useRecoveryCode(account.getId(), typed);
    }

    /** Whether {@code typed} is a fresh TOTP code (recovery codes do not count); uses it up. */
    boolean verifyTotpOnly(UserAccount account, String typed) {
        String secret = account.getTotpSecret();
        return secret != null && Totp.looksLikeCode(typed) && useTotp(account.getId(), secret, typed);
    }

    /** Whether {@code typed} is the current code of the key waiting for confirmation; uses it up. */
    boolean verifyPending(UserAccount account, String typed) {
        String pending = account.getTotpPending();
        return pending != null && Totp.looksLikeCode(typed) && useTotp(account.getId(), pending, typed);
    }

    /** Replaces the account's recovery codes with ten new ones; returns them (shown once). */
    List<String> newRecoveryCodes(long userId) {
        jdbc.sql("DELETE FROM totp_recovery_code WHERE user_id = :id")
                .param("id", userId)
                .update();
        Timestamp now = Timestamp.from(clock.instant());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = recoveryCode();
            codes.add(code);
            jdbc.sql("INSERT INTO totp_recovery_code (user_id, code_hash, created_at) VALUES (:id, :hash, :now)")
                    .param("id", userId)
                    .param("hash", Hashes.sha256Hex(normalizeRecovery(code)))
                    .param("now", now)
                    .update();
        }
        return codes;
    }

    /** How many of the account's recovery codes are still unused. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    int unusedRecoveryCodes(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM totp_recovery_code WHERE user_id = :id AND used_at IS NULL")
                .param("id", userId)
                .query(Integer.class)
                .single();
    }

    /** Forgets the account's recovery codes and last used step (two-factor sign-in switched off). */
    void forget(long userId) {
        jdbc.sql("DELETE FROM totp_recovery_code WHERE user_id = :id")
                .param("id", userId)
                .update();
        jdbc.sql("UPDATE app_user SET totp_last_step = NULL WHERE id = :id")
                .param("id", userId)
                .update();
    }

    private boolean useTotp(long userId, String secret, String typed) {
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(secret, typed, now);
        if (step.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                                UPDATE app_user SET totp_last_step = :step
                                WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)
                                """).param("step", step.getAsLong()).param("id", userId).update() == 1;
    }

    private boolean useRecoveryCode(long userId, String typed) {
        return jdbc.sql("""
                                UPDATE totp_recovery_code SET used_at = :now
                                WHERE user_id = :id AND code_hash = :hash AND used_at IS NULL
                                LIMIT 1
                                """)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", userId)
                        .param("hash", Hashes.sha256Hex(normalizeRecovery(typed)))
                        .update()
                == 1;
    }

    private static String recoveryCode() {
        StringBuilder sb = new StringBuilder(RECOVERY_LENGTH + 1);
        for (int i = 0; i < RECOVERY_LENGTH; i++) {
            if (i == RECOVERY_LENGTH / 2) {
                sb.append('-');
            }
            sb.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String normalizeRecovery(String typed) {
        return typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
