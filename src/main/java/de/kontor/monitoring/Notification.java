package de.kontor.monitoring;

import de.kontor.monitoring.AlertModel.DeliveryEvent;
import de.kontor.monitoring.AlertModel.Severity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * What a notification says, in the language of Kontor's mails: a one-line title and a text, plus the
 * facts webhooks send as fields.
 *
 * @param link the alert list in Kontor, when Kontor knows its public address
 */
record Notification(
        DeliveryEvent event,
        @Nullable Long alertId,
        Severity severity,
        String rule,
        String node,
        String metric,
        String operator,
        double threshold,
        @Nullable Double value,
        @Nullable Instant startedAt,
        @Nullable Instant firedAt,
        @Nullable Instant resolvedAt,
        String title,
        String text,
        @Nullable String link) {}
