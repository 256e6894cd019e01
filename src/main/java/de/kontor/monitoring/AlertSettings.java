package de.kontor.monitoring;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Alert settings ({@code kontor.monitoring.alerts.*}).
 *
 * @param interval how often the rules are evaluated (the clustered job's period)
 * @param renotifyAfter a firing alert nobody acknowledged is notified again after this long (0: never)
 * @param resolveMargin hysteresis: a firing alert resolves only once its value is back past the threshold
 *     by this share of the threshold (0.05: a "CPU > 80" alert resolves below 76)
 * @param resolveAfter ... and stays there this long
 * @param deliveryAttempts how often a webhook delivery is tried before it counts as failed
 * @param retryAfter the pause before the first retry; it doubles with every further attempt
 * @param webhookTimeout connect and read timeout of a webhook call
 */
public record AlertSettings(
        @DefaultValue("30s") @NotNull Duration interval,
        @DefaultValue("4h") @NotNull Duration renotifyAfter,

        @DefaultValue("0.05") @DecimalMin("0") @DecimalMax("1")
        double resolveMargin,

        @DefaultValue("60s") @NotNull Duration resolveAfter,
        @DefaultValue("5") @Min(1) @Max(20) int deliveryAttempts,
        @DefaultValue("30s") @NotNull Duration retryAfter,
        @DefaultValue("10s") @NotNull Duration webhookTimeout) {}
