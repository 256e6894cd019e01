package de.kontor.base.audit;

/** How a change reached Kontor. */
public enum AuditChannel {
    /** An admin in the web UI. */
    UI,
    /** A client of the REST API. */
    API,
    /** Kontor itself: scheduled jobs, start-up, demo data. */
    SYSTEM
}
