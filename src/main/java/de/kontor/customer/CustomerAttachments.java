package de.kontor.customer;

import java.util.List;

/**
 * Implemented (as a Spring bean) by every module that keeps records for customers, e.g. licenses or
 * leads. The customer page shows the facts as quick stats; a customer with any counted record
 * cannot be deleted, only archived.
 */
public interface CustomerAttachments {

    List<CustomerFact> factsFor(long customerId);
}
