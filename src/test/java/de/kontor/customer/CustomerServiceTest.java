package de.kontor.customer;

import de.kontor.IntegrationTest;
import de.kontor.TestCustomerAttachments;
import de.kontor.base.audit.AuditQuery;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerServiceTest extends IntegrationTest {

    @Autowired
    CustomerService customers;

    @Autowired
    AuditService audit;

    @Test
    void customerNumbersAreGeneratedAndNeverReused() {
        Customer first = customers.create(CustomerData.named(unique("First")));
        customers.delete(first.getId());
        Customer second = customers.create(CustomerData.named(unique("Second")));

        assertThat(first.getNumber()).matches("K-\\d{6}");
        assertThat(second.getNumber()).matches("K-\\d{6}");
        assertThat(number(second)).isGreaterThan(number(first));
        assertThat(customers.findByNumber(first.getNumber())).isEmpty();
    }

    @Test
    void inputIsTrimmedAndNormalized() {
        CustomerData data = CustomerData.named("  Grüne Werkstatt  ");
        data.setEmail("  Info@Gruene-Werkstatt.Example ");
        data.setCountry("de");
        data.setVatId("de 123 456 789");
        data.setCity(" ");
        data.setTags(Set.of(" Verein ", "Schule"));

        Customer c = customers.create(data);

        assertThat(c.getName()).isEqualTo("Grüne Werkstatt");
        assertThat(c.getEmail()).isEqualTo("info@gruene-werkstatt.example");
        assertThat(c.getCountry()).isEqualTo("DE");
        assertThat(c.getVatId()).isEqualTo("DE123456789");
        assertThat(c.getCity()).isNull();
        assertThat(c.getTags()).containsExactly("Schule", "Verein");
    }

    @Test
    void invalidInputIsRefusedWithTheFieldsNamed() {
        CustomerData data = new CustomerData();
        data.setEmail("not-an-email");
        data.setPhone("call me");
        data.setName("x".repeat(Customer.NAME_MAX + 1));

        assertThatThrownBy(() -> customers.create(data))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(e.getConstraintViolations().stream()
                                        .map(v -> v.getPropertyPath().toString()))
                                .anySatisfy(p -> assertThat(p).endsWith("email"))
                                .anySatisfy(p -> assertThat(p).endsWith("phone"))
                                .anySatisfy(p -> assertThat(p).endsWith("name")));
    }

    @Test
    void emailIsUniqueAmongActiveCustomersOnly() {
        String email = unique("shared") + "@example.org";
        Customer first = customers.create(withEmail(unique("One"), email));

        assertThatThrownBy(() -> customers.create(withEmail(unique("Two"), email.toUpperCase())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("EMAIL_TAKEN");
                    assertThat(e.field()).isEqualTo("email");
                });

        customers.archive(first.getId());
        Customer second = customers.create(withEmail(unique("Two"), email));
        assertThat(second.getEmail()).isEqualTo(email);

        assertThatThrownBy(() -> customers.restore(first.getId()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("EMAIL_TAKEN"));
        assertThat(customers.get(first.getId()).isArchived()).isTrue();
    }

    @Test
    void searchIgnoresCaseAndAccentsAndFindsNumbers() {
        String marker = unique("zq");
        Customer mueller = customers.create(withCity("Müller Metallbau " + marker, "Köln"));
        customers.create(withCity("Meier Holz " + marker, "Bonn"));

        assertThat(names(CustomerQuery.active("muller metallbau " + marker.toUpperCase())))
                .containsExactly(mueller.getName());
        assertThat(names(CustomerQuery.active(marker))).hasSize(2);
        assertThat(names(CustomerQuery.active("Mueller Metallbau " + marker))).containsExactly(mueller.getName());
        assertThat(customers
                        .find(CustomerQuery.active("KOLN"), PageRequest.of(0, 500))
                        .getContent())
                .contains(mueller);
        String digits = Long.toString(number(mueller));
        assertThat(customers
                        .find(CustomerQuery.active(digits), PageRequest.of(0, 500))
                        .getContent())
                .contains(mueller);
        assertThat(customers
                        .find(CustomerQuery.active(mueller.getNumber().toLowerCase()), PageRequest.of(0, 5))
                        .getContent())
                .containsExactly(mueller);
    }

    @Test
    void searchTreatsWildcardsLiterally() {
        String marker = unique("pct");
        customers.create(CustomerData.named("100% Holz " + marker));
        customers.create(CustomerData.named("1000 Holz " + marker));

        assertThat(names(CustomerQuery.active("100% holz " + marker))).containsExactly("100% Holz " + marker);
    }

    @Test
    void tagAndArchiveFiltersCombine() {
        String marker = unique("tag");
        Customer school = customers.create(tagged("Schule A " + marker, "Schule"));
        Customer club = customers.create(tagged("Verein B " + marker, "Verein"));
        Customer archived = customers.create(tagged("Schule C " + marker, "Schule"));
        customers.archive(archived.getId());

        assertThat(names(new CustomerQuery(marker, Set.of("Schule"), CustomerQuery.Status.ACTIVE)))
                .containsExactly(school.getName());
        assertThat(names(new CustomerQuery(marker, Set.of("Schule", "Verein"), CustomerQuery.Status.ACTIVE)))
                .containsExactlyInAnyOrder(school.getName(), club.getName());
        assertThat(names(new CustomerQuery(marker, Set.of(), CustomerQuery.Status.ARCHIVED)))
                .containsExactly(archived.getName());
        assertThat(customers.count(new CustomerQuery(marker, Set.of(), CustomerQuery.Status.ALL)))
                .isEqualTo(3);
    }

    @Test
    void sortingByAnyListedPropertyWorksAndOthersAreRefused() {
        String marker = unique("sort");
        customers.create(withCity("B " + marker, "Aachen"));
        customers.create(withCity("A " + marker, "Zwickau"));

        assertThat(customers
                        .find(CustomerQuery.active(marker), PageRequest.of(0, 10, Sort.by("city")))
                        .getContent())
                .extracting(Customer::getCity)
                .containsExactly("Aachen", "Zwickau");
        assertThat(customers
                        .find(CustomerQuery.active(marker), PageRequest.of(0, 10))
                        .getContent())
                .extracting(Customer::getName)
                .containsExactly("A " + marker, "B " + marker);
        assertThatThrownBy(() -> customers.find(CustomerQuery.active(marker), PageRequest.of(0, 10, Sort.by("notes"))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_SORT"));
    }

    @Test
    void staleEditIsRefusedInsteadOfLosingTheOtherChange() {
        Customer c = customers.create(CustomerData.named(unique("Shared")));
        long loadedVersion = c.getVersion();
        CustomerData first = c.data();
        first.setCity("Erfurt");
        customers.update(c.getId(), loadedVersion, first);

        CustomerData second = c.data();
        second.setPhone("+49 30 123");
        assertThatThrownBy(() -> customers.update(c.getId(), loadedVersion, second))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(customers.get(c.getId()).getCity()).isEqualTo("Erfurt");
        assertThat(customers.get(c.getId()).getPhone()).isNull();
    }

    @Test
    void changesAreAuditedWithTheirFields() {
        Customer c = customers.create(CustomerData.named(unique("Audited")));
        CustomerData data = c.data();
        data.setCity("Münster");
        customers.update(c.getId(), c.getVersion(), data);
        customers.archive(c.getId());

        var timeline = customers.timeline(c.getId(), PageRequest.of(0, 10)).getContent();
        assertThat(timeline).extracting(e -> e.getAction()).containsExactly("ARCHIVE", "UPDATE", "CREATE");
        assertThat(audit.changesOf(timeline.get(1))).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("city");
            assertThat(change.to()).isEqualTo("Münster");
        });
        assertThat(audit.find(new AuditQuery(null, "customer", null, null, c.getNumber()), PageRequest.of(0, 10)))
                .hasSize(3);
    }

    @Test
    void customersWithRecordsElsewhereCanBeArchivedButNotDeleted() {
        Customer c = customers.create(CustomerData.named(unique("Attached")));
        TestCustomerAttachments.attach(c.getId(), 2);

        assertThat(customers.facts(c.getId()))
                .filteredOn(f -> f.labelKey().equals("test.fact.things"))
                .singleElement()
                .satisfies(f -> assertThat(f.count()).isEqualTo(2));
        assertThatThrownBy(() -> customers.delete(c.getId()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("CUSTOMER_HAS_RECORDS"));
        customers.archive(c.getId());
        assertThat(customers.get(c.getId()).isArchived()).isTrue();
        customers.restore(c.getId());
        assertThat(customers.get(c.getId()).isArchived()).isFalse();
    }

    @Test
    void unknownCustomerIsNotFound() {
        assertThatThrownBy(() -> customers.get(Long.MAX_VALUE))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void numbersAreReadAsUsersTypeThem() {
        assertThat(CustomerService.normalizeNumber("K-000123")).isEqualTo("K-000123");
        assertThat(CustomerService.normalizeNumber("k123")).isEqualTo("K-000123");
        assertThat(CustomerService.normalizeNumber(" 123 ")).isEqualTo("K-000123");
        assertThat(CustomerService.normalizeNumber("K-12a")).isNull();
    }

    private List<String> names(CustomerQuery query) {
        return customers
                .find(query, PageRequest.of(0, 100))
                .map(Customer::getName)
                .getContent();
    }

    private static long number(Customer c) {
        return Long.parseLong(c.getNumber().substring(2));
    }

    static CustomerData withEmail(String name, String email) {
        CustomerData d = CustomerData.named(name);
        d.setEmail(email);
        return d;
    }

    static CustomerData withCity(String name, String city) {
        CustomerData d = CustomerData.named(name);
        d.setCity(city);
        return d;
    }

    static CustomerData tagged(String name, String... tags) {
        CustomerData d = CustomerData.named(name);
        d.setTags(Set.of(tags));
        return d;
    }
}
