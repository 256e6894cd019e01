package de.kontor.monitoring;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Server operations through the agent ({@code kontor.monitoring.operations.*}).
 *
 * @param commandValidity how long a signed command may wait for its agent; the agent refuses it after
 * @param perNodePerMinute how many commands one node gets per minute (all admins together)
 * @param outputLimit how many characters of a result's output are kept
 * @param auditOutputLimit how many characters of it go into the audit log
 * @param listingWait how long a listing request waits for the agent's answer
 * @param terminalGrace how long a terminal's connection between agent and Kontor may be lost before the
 *     agent closes the session
 */
public record OperationSettings(
        @DefaultValue("60s") @NotNull Duration commandValidity,
        @DefaultValue("30") @Min(1) @Max(10000) int perNodePerMinute,
        @DefaultValue("65536") @Min(1000) int outputLimit,
        @DefaultValue("2000") @Min(100) @Max(20000) int auditOutputLimit,
        @DefaultValue("20s") @NotNull Duration listingWait,
        @DefaultValue("10s") @NotNull Duration terminalGrace) {}
