package de.kontor.customer;

import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes customers for the service and the importer alike: the rules (name required, e-mail unique
 * among active customers) and the audit entry come with every write, the event with a deletion.
 * Callers hold the transaction.
 */
@Component
class CustomerWriter {

    private final CustomerRepository customers;
    private final Validator validator;
    /** Looked up when needed: the modules implementing it depend on the customer service themselves. */
    private final ObjectProvider<CustomerAttachments> attachments;

    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerWriter(
            CustomerRepository customers,
            Validator validator,
            ObjectProvider<CustomerAttachments> attachments,
            AuditService audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.customers = customers;
        this.validator = validator;
        this.attachments = attachments;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    Customer create(CustomerData input, String auditAction) {
        CustomerData data = validNormalized(input);
        if (data.email() != null && customers.findActiveByEmail(data.email()).isPresent()) {
            throw emailTaken(data.email());
        }
        Customer customer = new Customer(CustomerService.formatNumber(customers.nextNumber()), data, clock.instant());
        saveAndFlush(customer, data);
        audit.record(
                CustomerService.MODULE,
                CustomerService.ENTITY,
                customer.getId(),
                auditAction,
                "Customer " + customer + " created",
                AuditChange.diff(Map.of(), customer.snapshot()));
        return customer;
    }

    Customer update(Customer customer, CustomerData input, String auditAction) {
        CustomerData data = validNormalized(input);
        if (!customer.isArchived()
                && data.email() != null
                && customers.activeEmailTakenByOther(data.email(), customer.getId())) {
            throw emailTaken(data.email());
        }
        var before = customer.snapshot();
        customer.apply(data, clock.instant());
        saveAndFlush(customer, data);
        List<AuditChange> changes = AuditChange.diff(before, customer.snapshot());
        if (!changes.isEmpty()) {
            audit.record(
                    CustomerService.MODULE,
                    CustomerService.ENTITY,
                    customer.getId(),
                    auditAction,
                    "Customer " + customer + " updated",
                    changes);
        }
        return customer;
    }

    /** Deletes for good, only when no module keeps anything for the customer. */
    void delete(Customer customer, String auditAction) {
        if (facts(customer.getId()).stream().anyMatch(f -> f.count() > 0)) {
            throw DomainException.conflict("CUSTOMER_HAS_RECORDS", "customer.error.hasRecords", customer.getNumber());
        }
        var before = customer.snapshot();
        customers.delete(customer);
        customers.flush();
        audit.record(
                CustomerService.MODULE,
                CustomerService.ENTITY,
                customer.getId(),
                auditAction,
                "Customer " + customer + " deleted",
                AuditChange.diff(before, Map.of()));
        events.publishEvent(new CustomerEvents.CustomerDeleted(customer.getId(), customer.getNumber()));
    }

    List<CustomerFact> facts(long id) {
        List<CustomerFact> facts = new ArrayList<>();
        attachments.orderedStream().forEach(a -> facts.addAll(a.factsFor(id)));
        return facts;
    }

    /**
     * The input trimmed and normalized, then checked against {@link CustomerData}'s rules (so " a@b.de "
     * is accepted as "a@b.de"). Violations are thrown as {@link ConstraintViolationException}: a 400
     * with one entry per field in the API.
     */
    private CustomerData validNormalized(CustomerData input) {
        CustomerData data = input.normalized();
        Set<ConstraintViolation<CustomerData>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return data;
    }

    private void saveAndFlush(Customer customer, CustomerData data) {
        try {
            customers.saveAndFlush(customer);
        } catch (DataIntegrityViolationException e) {
            // Two admins saving the same e-mail at the same moment: the unique index decides.
            if (data.email() != null
                    && String.valueOf(e.getMostSpecificCause().getMessage()).contains("active_email")) {
                throw emailTaken(data.email());
            }
            throw e;
        }
    }

    private DomainException emailTaken(String email) {
        String owner =
                customers.findActiveByEmail(email).map(Customer::getNumber).orElse("?");
        return DomainException.conflict("EMAIL_TAKEN", "customer.error.emailTaken", email, owner)
                .onField("email");
    }
}
