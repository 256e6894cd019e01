package de.kontor.license;

import java.time.Instant;

/**
 * A rule a license currently breaks.
 *
 * @param observed what was seen (devices, addresses, transfers, seconds of clock skew, heartbeats per hour)
 * @param threshold the most the rule allows
 * @param detectedAt when it was first seen (it stays flagged while the rule keeps breaking)
 */
public record LicenseAnomaly(long licenseId, AnomalyRule rule, long observed, long threshold, Instant detectedAt) {}
