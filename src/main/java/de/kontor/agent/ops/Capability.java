package de.kontor.agent.ops;

/**
 * One kind of action the node's owner can allow with {@code --allow}. Implementations are stateless or
 * thread-safe: the channel may run operations of different capabilities at the same time.
 */
public interface Capability {

    /**
     * The name used in {@code --allow} and in commands: {@code processes}, {@code services},
     * {@code containers}, {@code logs}, {@code ports}, {@code files}, {@code terminal}, {@code updates}
     * or {@code users}.
     */
    String name();

    /**
     * Runs one action and answers with its result. Refusals the user should read (unknown action, a
     * path outside the allowed roots, a missing tool) are {@link OperationRefusedException}s; anything
     * else thrown is reported as a failure of the operation.
     */
    OperationResult run(Operation operation) throws Exception;
}
