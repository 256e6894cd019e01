package de.kontor.base.audit;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A filter over the audit log; every part is optional. {@code to} is exclusive. */
public record AuditQuery(
        @Nullable String username,
        @Nullable String module,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String text) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }
}
