package de.kontor.customer;

import de.kontor.base.Texts;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The editable fields of a customer, with their rules. The same bean backs the form (bean validation
 * binder), the REST body and the import, so all three accept and refuse the same things.
 */
public class CustomerData {

    public static final String PHONE_PATTERN = "[+0-9 ()/.\\-]*";

    public static final String TAG_PATTERN = "[\\p{L}\\p{N} ._\\-]+";

    @NotBlank
    @Size(max = Customer.NAME_MAX)
    private @Nullable String name;

    @Size(max = Customer.CONTACT_MAX)
    private @Nullable String contactPerson;

    @Email
    @Size(max = Customer.EMAIL_MAX)
    private @Nullable String email;

    @Size(max = Customer.PHONE_MAX)
    @Pattern(regexp = PHONE_PATTERN, message = "{customer.phone.pattern}")
    private @Nullable String phone;

    @Size(max = Customer.STREET_MAX)
    private @Nullable String street;

    @Size(max = Customer.POSTAL_CODE_MAX)
    private @Nullable String postalCode;

    @Size(max = Customer.CITY_MAX)
    private @Nullable String city;

    @Pattern(regexp = "([A-Za-z]{2})?", message = "{customer.country.pattern}")
    private @Nullable String country;

    @Size(max = Customer.VAT_ID_MAX)
    @Pattern(regexp = "([A-Za-z]{2}[A-Za-z0-9+*. ]{2,16})?", message = "{customer.vatId.pattern}")
    private @Nullable String vatId;

    @Size(max = Customer.NOTES_MAX)
    private @Nullable String notes;

    private Set<@Size(max = Customer.TAG_MAX) @Pattern(regexp = TAG_PATTERN, message = "{customer.tag.pattern}") String>
            tags = new TreeSet<>();

    public CustomerData() {}

    public CustomerData(
            @Nullable String name,
            @Nullable String contactPerson,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String street,
            @Nullable String postalCode,
            @Nullable String city,
            @Nullable String country,
            @Nullable String vatId,
            @Nullable String notes,
            @Nullable Set<String> tags) {
        this.name = name;
        this.contactPerson = contactPerson;
        this.email = email;
        this.phone = phone;
        this.street = street;
        this.postalCode = postalCode;
        this.city = city;
        this.country = country;
        this.vatId = vatId;
        this.notes = notes;
        this.tags = tags == null ? new TreeSet<>() : new TreeSet<>(tags);
    }

    /** A minimal customer: just a name. */
    public static CustomerData named(String name) {
        CustomerData data = new CustomerData();
        data.setName(name);
        return data;
    }

    /**
     * The same data the way it is stored: trimmed, blanks as null, e-mail lower-cased, country and VAT
     * id upper-case without spaces, tags trimmed.
     */
    public CustomerData normalized() {
        Set<String> cleanTags = new TreeSet<>();
        for (String tag : tags) {
            String t = clean(tag);
            if (t != null) {
                cleanTags.add(t);
            }
        }
        String cleanEmail = clean(email);
        String cleanVat = clean(vatId);
        String cleanCountry = clean(country);
        return new CustomerData(
                clean(name),
                clean(contactPerson),
                cleanEmail == null ? null : cleanEmail.toLowerCase(Locale.ROOT),
                clean(phone),
                clean(street),
                clean(postalCode),
                clean(city),
                cleanCountry == null ? null : cleanCountry.toUpperCase(Locale.ROOT),
                cleanVat == null ? null : cleanVat.replace(" ", "").toUpperCase(Locale.ROOT),
                Texts.blankToNull(notes),
                cleanTags);
    }

    private static @Nullable String clean(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(@Nullable String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = phone;
    }

    public @Nullable String getStreet() {
        return street;
    }

    public void setStreet(@Nullable String street) {
        this.street = street;
    }

    public @Nullable String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(@Nullable String postalCode) {
        this.postalCode = postalCode;
    }

    public @Nullable String getCity() {
        return city;
    }

    public void setCity(@Nullable String city) {
        this.city = city;
    }

    public @Nullable String getCountry() {
        return country;
    }

    public void setCountry(@Nullable String country) {
        this.country = country;
    }

    public @Nullable String getVatId() {
        return vatId;
    }

    public void setVatId(@Nullable String vatId) {
        this.vatId = vatId;
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public void setNotes(@Nullable String notes) {
        this.notes = notes;
    }

    public Set<String> getTags() {
        return tags;
    }

    public void setTags(@Nullable Set<String> tags) {
        this.tags = tags == null ? new TreeSet<>() : new TreeSet<>(tags);
    }

    // Record-style accessors for the entity and the service.
    String name() {
        return Objects.requireNonNull(name);
    }

    @Nullable
    String contactPerson() {
        return contactPerson;
    }

    @Nullable
    String email() {
        return email;
    }

    @Nullable
    String phone() {
        return phone;
    }

    @Nullable
    String street() {
        return street;
    }

    @Nullable
    String postalCode() {
        return postalCode;
    }

    @Nullable
    String city() {
        return city;
    }

    @Nullable
    String country() {
        return country;
    }

    @Nullable
    String vatId() {
        return vatId;
    }

    @Nullable
    String notes() {
        return notes;
    }

    Set<String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerData other
                && Objects.equals(name, other.name)
                && Objects.equals(contactPerson, other.contactPerson)
                && Objects.equals(email, other.email)
                && Objects.equals(phone, other.phone)
                && Objects.equals(street, other.street)
                && Objects.equals(postalCode, other.postalCode)
                && Objects.equals(city, other.city)
                && Objects.equals(country, other.country)
                && Objects.equals(vatId, other.vatId)
                && Objects.equals(notes, other.notes)
                && Objects.equals(tags, other.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, email);
    }
}
