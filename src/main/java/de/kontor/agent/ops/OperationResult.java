package de.kontor.agent.ops;

import org.jspecify.annotations.Nullable;

/**
 * What an operation gave back.
 *
 * @param exitCode 0 for success, otherwise the tool's exit code (or 1 when there was no tool)
 * @param output text for the user and the audit log (the channel cuts it at its limit)
 * @param data a structured answer for listings (records, lists and maps that Jackson writes as JSON),
 *     or null
 */
public record OperationResult(
        int exitCode, String output, @Nullable Object data) {

    public static OperationResult ok(String output) {
        return new OperationResult(0, output, null);
    }

    public static OperationResult data(Object data) {
        return new OperationResult(0, "", data);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
