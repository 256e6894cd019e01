package de.kontor.lead;

import de.kontor.customer.CustomerEvents.CustomerDeleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Leads follow the customers made from them: a deleted customer is unlinked from its lead. */
@Component
class CustomerDeletions {

    private final Institutions institutions;

    CustomerDeletions(Institutions institutions) {
        this.institutions = institutions;
    }

    /** After the deletion committed, in a transaction of its own. */
    @ApplicationModuleListener
    void on(CustomerDeleted deleted) {
        institutions.unlinkCustomer(deleted.customerId(), deleted.number());
    }
}
