package de.kontor.base.prefs;

/** The colour scheme a user picked for the web UI. */
public enum ColorScheme {
    LIGHT,
    DARK,
    /** Follow the operating system's setting. */
    SYSTEM
}
