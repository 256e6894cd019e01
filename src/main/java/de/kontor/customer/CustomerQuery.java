package de.kontor.customer;

import org.jspecify.annotations.Nullable;

import java.util.Set;

/**
 * A filter over customers: free text (number, name, contact, e-mail, city; case- and
 * accent-insensitive), tags (a customer with any of them), and which ones by archive state.
 */
public record CustomerQuery(@Nullable String text, Set<String> tags, Status status) {

    public enum Status {
        ACTIVE,
        ARCHIVED,
        ALL
    }

    public CustomerQuery {
        tags = Set.copyOf(tags);
    }

    public static CustomerQuery active(@Nullable String text) {
        return new CustomerQuery(text, Set.of(), Status.ACTIVE);
    }

    public static CustomerQuery all() {
        return new CustomerQuery(null, Set.of(), Status.ALL);
    }
}
