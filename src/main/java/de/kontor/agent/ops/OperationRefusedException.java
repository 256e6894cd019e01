package de.kontor.agent.ops;

/** A refusal the user should read as it is: the operation was not started. */
public class OperationRefusedException extends RuntimeException {

    public OperationRefusedException(String message) {
        super(message);
    }
}
