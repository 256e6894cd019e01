package de.kontor.customer;

import de.kontor.base.jpa.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A customer: a company or a person. Never deleted while anything refers to it: archived instead,
 * and restorable.
 */
@Entity
@Table(name = "customer")
public class Customer extends VersionedEntity {

    public static final int NAME_MAX = 200;
    public static final int CONTACT_MAX = 200;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 50;
    public static final int STREET_MAX = 200;
    public static final int POSTAL_CODE_MAX = 20;
    public static final int CITY_MAX = 100;
    public static final int VAT_ID_MAX = 20;
    public static final int NOTES_MAX = 10_000;
    public static final int TAG_MAX = 50;

    @Column(name = "number", nullable = false, updatable = false, length = 12)
    private String number;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "contact_person", length = CONTACT_MAX)
    private @Nullable String contactPerson;

    @Column(name = "email", length = EMAIL_MAX)
    private @Nullable String email;

    @Column(name = "phone", length = PHONE_MAX)
    private @Nullable String phone;

    @Column(name = "street", length = STREET_MAX)
    private @Nullable String street;

    @Column(name = "postal_code", length = POSTAL_CODE_MAX)
    private @Nullable String postalCode;

    @Column(name = "city", length = CITY_MAX)
    private @Nullable String city;

    @Column(name = "country", length = 2, columnDefinition = "CHAR(2)")
    private @Nullable String country;

    @Column(name = "vat_id", length = VAT_ID_MAX)
    private @Nullable String vatId;

    @Column(name = "notes", columnDefinition = "TEXT")
    private @Nullable String notes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_tag", joinColumns = @JoinColumn(name = "customer_id"))
    @BatchSize(size = 256)
    @Column(name = "tag", length = TAG_MAX)
    private Set<String> tags = new TreeSet<>();

    @Column(name = "search_text", nullable = false, columnDefinition = "varbinary(1400)")
    private String searchText = "";

    @Column(name = "archived", nullable = false)
    private boolean archived;

    @Column(name = "archived_at")
    private @Nullable Instant archivedAt;

    protected Customer() {}

    Customer(String number, CustomerData data, Instant now) {
        this.number = number;
        created(now);
        apply(data, now);
    }

    /** Takes over every field of {@code data} (already validated and normalized). */
    void apply(CustomerData data, Instant now) {
        this.name = data.name();
        this.contactPerson = data.contactPerson();
        this.email = data.email();
        this.phone = data.phone();
        this.street = data.street();
        this.postalCode = data.postalCode();
        this.city = data.city();
        this.country = data.country();
        this.vatId = data.vatId();
        this.notes = data.notes();
        this.tags.clear();
        this.tags.addAll(data.tags());
        this.searchText = SearchText.of(number, name, contactPerson, email, city);
        touched(now);
    }

    void archive(Instant now) {
        this.archived = true;
        this.archivedAt = now;
        touched(now);
    }

    void restore(Instant now) {
        this.archived = false;
        this.archivedAt = null;
        touched(now);
    }

    /** The editable fields as they are now. */
    public CustomerData data() {
        return new CustomerData(
                name,
                contactPerson,
                email,
                phone,
                street,
                postalCode,
                city,
                country,
                vatId,
                notes,
                new TreeSet<>(tags));
    }

    /** Field name → value, as recorded in the audit log. */
    Map<String, Object> snapshot() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("contactPerson", contactPerson);
        map.put("email", email);
        map.put("phone", phone);
        map.put("street", street);
        map.put("postalCode", postalCode);
        map.put("city", city);
        map.put("country", country);
        map.put("vatId", vatId);
        map.put("notes", notes);
        map.put("tags", String.join(", ", new TreeSet<>(tags)));
        map.put("archived", archived);
        return map;
    }

    /** The customer number, e.g. {@code K-000123}. */
    public String getNumber() {
        return number;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getContactPerson() {
        return contactPerson;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public @Nullable String getStreet() {
        return street;
    }

    public @Nullable String getPostalCode() {
        return postalCode;
    }

    public @Nullable String getCity() {
        return city;
    }

    /** ISO 3166 alpha-2 code, e.g. {@code DE}. */
    public @Nullable String getCountry() {
        return country;
    }

    public @Nullable String getVatId() {
        return vatId;
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public Set<String> getTags() {
        return new TreeSet<>(tags);
    }

    public boolean isArchived() {
        return archived;
    }

    public @Nullable Instant getArchivedAt() {
        return archivedAt;
    }

    @Override
    public String toString() {
        return number + " " + name;
    }
}
