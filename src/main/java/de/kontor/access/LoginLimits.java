package de.kontor.access;

import java.time.Duration;

/**
 * The login throttling's rule: {@code maxFailures} failed sign-ins within {@code window} lock further
 * attempts for {@code lockDuration}.
 */
public record LoginLimits(int maxFailures, Duration window, Duration lockDuration) {}
