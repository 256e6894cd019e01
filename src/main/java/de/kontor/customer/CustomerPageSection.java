package de.kontor.customer;

import com.vaadin.flow.component.Component;

import java.util.Optional;

/**
 * Implemented (as a Spring bean) by modules that show something on a customer's page, e.g. the
 * customer's licenses. Built on the UI thread each time the page is shown.
 */
public interface CustomerPageSection {

    /** Sections are shown in ascending order. */
    default int order() {
        return 100;
    }

    Optional<Component> create(Customer customer);
}
