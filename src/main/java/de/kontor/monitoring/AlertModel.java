package de.kontor.monitoring;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the monitoring module's alerting answers with: rules, alerts, channels, silences, deliveries. */
public final class AlertModel {

    private AlertModel() {}

    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }

    /** How a value is compared with a rule's threshold, and when it counts as clear again. */
    public enum Operator {
        GT(">"),
        GE(">="),
        LT("<"),
        LE("<="),
        EQ("=="),
        NE("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public static @Nullable Operator of(@Nullable String symbol) {
            if (symbol == null) {
                return null;
            }
            String s = symbol.strip();
            for (Operator o : values()) {
                if (o.symbol.equals(s) || o.name().equalsIgnoreCase(s)) {
                    return o;
                }
            }
            return "=".equals(s) ? EQ : null;
        }

        public boolean holds(double value, double threshold) {
            return switch (this) {
                case GT -> value > threshold;
                case GE -> value >= threshold;
                case LT -> value < threshold;
                case LE -> value <= threshold;
                case EQ -> value == threshold;
                case NE -> value != threshold;
            };
        }

        /**
         * Whether the value is back past the threshold by at least {@code margin}: what a firing alert needs
         * before it may resolve, so that a value hovering at the threshold does not fire and resolve in turn.
         */
        public boolean clear(double value, double threshold, double margin) {
            return switch (this) {
                case GT -> value <= threshold - margin;
                case GE -> value < threshold - margin;
                case LT -> value >= threshold + margin;
                case LE -> value > threshold + margin;
                case EQ, NE -> !holds(value, threshold);
            };
        }
    }

    public enum AlertState {
        /** The condition holds, but not yet for the rule's time. */
        PENDING,
        FIRING,
        RESOLVED
    }

    public enum ChannelType {
        EMAIL,
        WEBHOOK
    }

    public enum WebhookFormat {
        GENERIC,
        SLACK,
        TEAMS,
        NTFY,
        GOTIFY,
        /** A body of the admin's own with placeholders, e.g. for an SMS gateway. */
        TEMPLATE;

        public static @Nullable WebhookFormat of(@Nullable String name) {
            if (name == null || name.isBlank()) {
                return null;
            }
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    public enum DeliveryEvent {
        FIRING,
        REMINDER,
        RESOLVED,
        TEST
    }

    public enum DeliveryState {
        PENDING,
        SENT,
        /** Failed; tried again after a pause. */
        RETRYING,
        /** Failed for good. */
        FAILED
    }

    /**
     * A rule as an admin writes it (REST body or form); checked by the service.
     *
     * @param nodeIds the nodes it watches; null or empty for all nodes (or those with {@code tag})
     */
    public record RuleDefinition(
            @Nullable String name,
            @Nullable String metric,
            @Nullable String operator,
            @Nullable Double threshold,
            @Nullable Integer forSeconds,
            @Nullable List<Long> nodeIds,
            @Nullable String tag,
            @Nullable String severity,
            @Nullable List<Long> channelIds,
            @Nullable Boolean enabled) {}

    public record Rule(
            long id,
            String name,
            String metric,
            Operator operator,
            double threshold,
            int forSeconds,
            List<Long> nodeIds,
            @Nullable String tag,
            Severity severity,
            List<Long> channelIds,
            boolean enabled,
            @Nullable String builtin) {}

    /** A channel as an admin writes it; a blank target on a change keeps the stored one. */
    public record ChannelDefinition(
            @Nullable String type,
            @Nullable String name,
            @Nullable String target,
            @Nullable String format,
            @Nullable String template) {}

    /**
     * A channel; its target is never shown again after saving, only a hint (the addresses, or a URL's
     * scheme and host), since webhook URLs carry tokens.
     */
    public record Channel(
            long id,
            String name,
            ChannelType type,
            @Nullable WebhookFormat format,
            String targetHint,
            @Nullable String template) {}

    public record Alert(
            long id,
            long ruleId,
            String ruleName,
            long nodeId,
            String nodeName,
            String metric,
            AlertState state,
            Severity severity,
            Operator operator,
            double threshold,
            @Nullable Double value,
            Instant startedAt,
            @Nullable Instant firedAt,
            @Nullable Instant resolvedAt,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgedBy,
            int notifications,
            boolean silenced) {}

    /**
     * Which alerts to list.
     *
     * @param states empty for all
     * @param from alerts that started at or after this time
     * @param to alerts that started before this time
     */
    public record AlertFilter(
            Set<AlertState> states,
            @Nullable Long nodeId,
            @Nullable Long ruleId,
            @Nullable Instant from,
            @Nullable Instant to) {

        public static AlertFilter of(AlertState... states) {
            return new AlertFilter(Set.of(states), null, null, null, null);
        }
    }

    public record Silence(
            long id,
            long nodeId,
            String nodeName,
            Instant startsAt,
            Instant endsAt,
            @Nullable String reason,
            String createdBy) {}

    public record Delivery(
            long id,
            long channelId,
            String channelName,
            @Nullable Long alertId,
            DeliveryEvent event,
            DeliveryState state,
            int attempts,
            @Nullable String error,
            Instant createdAt,
            @Nullable Instant sentAt,
            @Nullable Instant nextAttemptAt) {}

    /** What one evaluation cycle did. */
    public record Evaluation(int observations, int pending, int fired, int resolved, int notifications) {}
}
