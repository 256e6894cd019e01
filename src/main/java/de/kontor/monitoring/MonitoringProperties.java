package de.kontor.monitoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Monitoring settings ({@code kontor.monitoring.*}).
 *
 * @param unreachableAfter a node that has not reported for this long is UNREACHABLE
 * @param rawRetention raw samples are kept this long (whole days of partitions are dropped)
 * @param minuteRetention per-minute rollups are kept this long
 * @param hourRetention per-hour rollups are kept this long
 * @param partitionsAhead days of partitions created in advance
 * @param selfInterval how often Kontor collects its own server's metrics (0: not at all)
 * @param agentInterval the collection interval Kontor asks agents to use (unset: each agent's own)
 * @param inventoryInterval how often agents send their inventory
 * @param maxSamplesPerReport how many samples one agent report may carry
 * @param scrapeToken a bearer token for Prometheus scrapes given by configuration (besides tokens
 *     admins create); unset for none
 * @param alerts evaluation of alert rules and delivery of notifications
 * @param operations server operations through the agents
 */
@Validated
@ConfigurationProperties("kontor.monitoring")
public record MonitoringProperties(
        @DefaultValue("2m") @NotNull Duration unreachableAfter,
        @DefaultValue("48h") @NotNull Duration rawRetention,
        @DefaultValue("30d") @NotNull Duration minuteRetention,
        @DefaultValue("400d") @NotNull Duration hourRetention,
        @DefaultValue("3") @Min(1) @Max(60) int partitionsAhead,
        @DefaultValue("15s") @NotNull Duration selfInterval,
        @Nullable Duration agentInterval,
        @DefaultValue("60s") @NotNull Duration inventoryInterval,
        @DefaultValue("500") @Min(1) @Max(5000) int maxSamplesPerReport,
        @Nullable String scrapeToken,
        @DefaultValue @Valid @NotNull AlertSettings alerts,
        @DefaultValue @Valid @NotNull OperationSettings operations) {}
