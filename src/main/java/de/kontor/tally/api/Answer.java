package de.kontor.tally.api;

/** A terminal API answer as it is stored for idempotent repeats: HTTP status and JSON body. */
record Answer(int status, String body) {}
