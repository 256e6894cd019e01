/**
 * What the agent may do on its node when the node's owner allows it: one {@link Capability} per kind of
 * action (processes, services, containers, logs, ports, files, terminal, updates, users). The command
 * channel checks Kontor's signature, the node, expiry and replays before a capability sees an
 * {@link Operation}; a capability checks its own arguments (paths inside the allowed roots, known unit
 * names) and never builds a shell line from them.
 */
@NullMarked
package de.kontor.agent.ops;

import org.jspecify.annotations.NullMarked;
