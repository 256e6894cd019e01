package de.kontor.base.error;

/** Somebody else changed the record since it was loaded; the caller must reload before saving again. */
public class ConcurrentChangeException extends DomainException {
    public ConcurrentChangeException() {
        super(409, "CONCURRENT_CHANGE", "error.concurrentChange");
    }
}
