/**
 * The monitoring agent: a small program without Spring that runs on every watched server, collects
 * system metrics (through OSHI) and an inventory (facts, top processes, listening ports, Docker
 * containers, failed systemd units), and posts them to Kontor over outgoing HTTPS only. It is packaged
 * as its own jar ({@code target/kontor-agent.jar}); Kontor uses the same collectors for its own server.
 * Nothing here depends on the rest of Kontor.
 */
@NullMarked
package de.kontor.agent;

import org.jspecify.annotations.NullMarked;
