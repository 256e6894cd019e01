package de.kontor.license;

/** The ways a license's use can look like sharing or tampering. */
public enum AnomalyRule {
    /** More distinct devices within 24 hours than the configured multiple of its seats. */
    FINGERPRINTS,
    /** Heartbeats from more client addresses within 24 hours than configured. */
    ADDRESSES,
    /** More seat transfers within the transfer window than configured. */
    TRANSFERS,
    /** A client clock further off than configured. */
    CLOCK_SKEW,
    /** More heartbeats from one device within an hour than configured. */
    BURST
}
