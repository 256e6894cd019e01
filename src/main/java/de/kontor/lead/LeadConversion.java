package de.kontor.lead;

import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerService;
import de.kontor.lead.LeadModel.Contact;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.Status;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a lead into a customer: the customer gets the institution's address and its primary contact,
 * the lead is linked to it and marked won, and keeps its history. Callers hold the transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LeadConversion {

    private final Institutions institutions;
    private final LeadContacts contacts;
    private final LeadTimeline timeline;
    private final CustomerService customers;
    private final AuditService audit;

    LeadConversion(
            Institutions institutions,
            LeadContacts contacts,
            LeadTimeline timeline,
            CustomerService customers,
            AuditService audit) {
        this.institutions = institutions;
        this.contacts = contacts;
        this.timeline = timeline;
        this.customers = customers;
        this.audit = audit;
    }

    Customer convert(long id) {
        // The row lock makes "not converted yet" hold until the link is written: two admins converting
        // at once get one customer, the second one an answer that it is converted already.
        Institution i = institutions.lock(id);
        if (i.customerId() != null) {
            throw DomainException.conflict("ALREADY_CONVERTED", "lead.convert.already", i.customerId());
        }
        Contact primary = contacts.of(id).stream().findFirst().orElse(null);
        Customer customer = customers.create(new CustomerData(
                i.name(),
                primary == null ? null : primary.name(),
                primary != null && primary.email() != null ? primary.email() : i.email(),
                primary != null && primary.phone() != null ? primary.phone() : i.phone(),
                i.street(),
                i.postalCode(),
                i.city(),
                i.country(),
                null,
                "Lead #" + id + (i.source() == null ? "" : " (" + i.source() + ")"),
                Institutions.tagNames(i)));
        institutions.markConverted(id, customer.getId());
        timeline.change(id, "lead.change.converted", customer.getNumber());
        if (i.status() != Status.WON) {
            timeline.change(id, "lead.change.status", i.status().name(), Status.WON.name());
        }
        audit.record(
                LeadService.MODULE,
                "Institution",
                id,
                "CONVERT",
                "Lead " + i.name() + " converted to customer " + customer.getNumber());
        return customer;
    }
}
