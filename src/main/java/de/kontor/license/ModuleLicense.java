package de.kontor.license;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * The license this Kontor holds for a module, as the module API reports it.
 *
 * @param source    {@code online} (just asked), {@code cache} (a yes from the last 24 hours) or
 *                  {@code grace} (Gitea unreachable; the last yes, at most 7 days old); null without a yes
 * @param reason    why it is not valid, as a code (e.g. {@code GITEA_NO_ACCESS}); null when valid
 * @param keyHint   the last characters of the registered token or key; null when none is registered
 * @param graceUntil in grace mode: when the license ends unless Gitea answers again
 */
public record ModuleLicense(
        boolean valid,
        @Nullable String licensedTo,
        @Nullable OffsetDateTime expiresAt,
        String message,
        Set<String> features,
        @Nullable String source,
        @Nullable String reason,
        @Nullable String keyHint,
        @Nullable Instant graceUntil) {

    /** {@code active}, {@code grace} (valid offline while Gitea is unreachable) or {@code inactive}. */
    public String status() {
        return !valid ? "inactive" : "grace".equals(source) ? "grace" : "active";
    }
}
