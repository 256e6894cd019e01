package de.kontor.agent.ops;

import java.util.Map;

/**
 * One verified action for a capability, as the channel hands it over after checking signature, node,
 * expiry and nonce.
 *
 * @param action what to do, e.g. {@code list}, {@code signal}, {@code restart}, {@code read}
 * @param target what to do it to (a PID, a unit or container name, a path), empty when there is none
 * @param arguments further named arguments, e.g. {@code signal=TERM} or {@code lines=200}
 */
public record Operation(String action, String target, Map<String, String> arguments) {

    public Operation {
        arguments = Map.copyOf(arguments);
    }

    /** The named argument, or the fallback when it is missing. */
    public String argument(String name, String fallback) {
        return arguments.getOrDefault(name, fallback);
    }
}
