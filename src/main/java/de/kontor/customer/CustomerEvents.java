package de.kontor.customer;

/** What other modules may react to. Published inside the changing transaction. */
public final class CustomerEvents {

    private CustomerEvents() {}

    public record CustomerCreated(long customerId, String number) {}

    public record CustomerArchived(long customerId) {}

    public record CustomerRestored(long customerId) {}

    public record CustomerDeleted(long customerId, String number) {}
}
