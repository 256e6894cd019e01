package de.kontor.license;

import java.time.LocalDate;

/** Heartbeats of a license on one day, and from how many devices. */
public record DailyUsage(LocalDate day, int heartbeats, int devices) {}
