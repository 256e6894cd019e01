package de.kontor;

import de.kontor.customer.CustomerAttachments;
import de.kontor.customer.CustomerFact;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the modules that keep records for customers (licenses, leads...), so the customer
 * module's rules about them can be tested before those modules exist. Tests register counts per
 * customer id.
 */
public class TestCustomerAttachments implements CustomerAttachments {

    private static final Map<Long, Long> COUNTS = new ConcurrentHashMap<>();

    public static void attach(long customerId, long count) {
        COUNTS.put(customerId, count);
    }

    @Override
    public List<CustomerFact> factsFor(long customerId) {
        Long count = COUNTS.get(customerId);
        return count == null ? List.of() : List.of(new CustomerFact("test.fact.things", count, null));
    }
}
