/**
 * Monitoring: servers ("nodes") report metrics and an inventory through the agent
 * ({@code de.kontor.agent}); Kontor's own server is a node from the first start, with Kontor's own
 * checks as metrics. Samples are stored raw (partitioned by day) and rolled up per minute and per
 * hour; Prometheus can scrape Kontor's own metrics and the nodes' latest samples.
 */
@NullMarked
package de.kontor.monitoring;

import org.jspecify.annotations.NullMarked;
