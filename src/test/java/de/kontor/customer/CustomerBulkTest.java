package de.kontor.customer;

import de.kontor.IntegrationTest;
import de.kontor.base.audit.AuditService;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Actions on many customers at once: all in one transaction, each customer audited. */
class CustomerBulkTest extends IntegrationTest {

    @Autowired
    CustomerService customers;

    @Autowired
    AuditService audit;

    @Test
    void tagsAreAddedToEverySelectedCustomerKeepingTheirOwn() {
        CustomerData withTag = CustomerData.named(unique("Bulk A"));
        withTag.setTags(Set.of("Schule"));
        Customer a = customers.create(withTag);
        Customer b = customers.create(CustomerData.named(unique("Bulk B")));

        int changed = customers.tagAll(List.of(a.getId(), b.getId()), Set.of("Messe 2027"));

        assertThat(changed).isEqualTo(2);
        assertThat(customers.get(a.getId()).getTags()).containsExactly("Messe 2027", "Schule");
        assertThat(customers.get(b.getId()).getTags()).containsExactly("Messe 2027");
        assertThat(customers.tagAll(List.of(a.getId()), Set.of("Schule"))).isZero();
        assertThat(customers
                        .timeline(b.getId(), PageRequest.of(0, 5))
                        .getContent()
                        .getFirst()
                        .getAction())
                .isEqualTo("UPDATE");
    }

    @Test
    void anInvalidTagChangesNoCustomer() {
        Customer a = customers.create(CustomerData.named(unique("Bulk C")));
        Customer b = customers.create(CustomerData.named(unique("Bulk D")));

        assertThatThrownBy(() -> customers.tagAll(List.of(a.getId(), b.getId()), Set.of("<script>")))
                .isInstanceOf(ConstraintViolationException.class);

        assertThat(customers.get(a.getId()).getTags()).isEmpty();
        assertThat(customers.get(b.getId()).getTags()).isEmpty();
    }

    @Test
    void archivingManyArchivesThoseNotArchivedYet() {
        Customer a = customers.create(CustomerData.named(unique("Bulk E")));
        Customer b = customers.create(CustomerData.named(unique("Bulk F")));
        customers.archive(b.getId());

        assertThat(customers.archiveAll(List.of(a.getId(), b.getId()))).isEqualTo(1);

        assertThat(customers.get(a.getId()).isArchived()).isTrue();
        assertThat(customers.get(b.getId()).isArchived()).isTrue();
    }
}
