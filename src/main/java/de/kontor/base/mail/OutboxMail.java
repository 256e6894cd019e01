package de.kontor.base.mail;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A mail as the outbox keeps it. */
public record OutboxMail(
        long id,
        String module,
        String kind,
        String recipient,
        String subject,
        String body,
        MailState state,
        @Nullable String error,
        int attempts,
        Instant createdAt,
        @Nullable Instant sentAt) {}
