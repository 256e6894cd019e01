package de.kontor.customer;

/**
 * What other modules react to, published inside the changing transaction; listeners run after it
 * committed ({@code @ApplicationModuleListener}). Only events someone listens to are published.
 */
public final class CustomerEvents {

    private CustomerEvents() {}

    /** The customer is gone for good (deleting is allowed only while no module keeps records for it). */
    public record CustomerDeleted(long customerId, String number) {}
}
