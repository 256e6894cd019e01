package de.kontor.monitoring;

/** A node's report was stored (published within the ingest transaction; listeners react after commit). */
public record NodeReported(long nodeId) {}
