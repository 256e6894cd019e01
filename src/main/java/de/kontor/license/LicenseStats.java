package de.kontor.license;

/** The numbers on the home page tile. */
public record LicenseStats(long activeLicenses, long activeDevices, long inactiveDevices, long expiringIn30Days) {}
