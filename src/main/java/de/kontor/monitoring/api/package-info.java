/**
 * Monitoring over HTTP: the admin REST API for nodes and series, the agents' report endpoint (node
 * tokens) and the Prometheus endpoints (scrape tokens), each API with its own credentials in its own
 * stateless filter chain.
 */
@NullMarked
package de.kontor.monitoring.api;

import org.jspecify.annotations.NullMarked;
