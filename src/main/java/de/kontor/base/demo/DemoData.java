package de.kontor.base.demo;

/**
 * A module's sample data for demo mode. Each is loaded once per database (remembered by {@link #name()}),
 * so a module added later fills in its part of an existing demo database.
 */
public interface DemoData {

    /** Unique and stable, e.g. "customer". */
    String name();

    /** Lower loads first; data others refer to (users, customers) loads early. */
    default int order() {
        return 100;
    }

    /** Creates the sample data; runs in a transaction with no user signed in. */
    void load(DemoContext context);
}
