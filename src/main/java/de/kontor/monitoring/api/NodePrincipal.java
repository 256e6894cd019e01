package de.kontor.monitoring.api;

/** The caller of the agent endpoint: the node its token belongs to. */
record NodePrincipal(long nodeId) {}
