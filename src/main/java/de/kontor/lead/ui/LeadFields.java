package de.kontor.lead.ui;

import de.kontor.base.Countries;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Tag;
import de.kontor.lead.LeadModel.Type;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link LeadForm} edits, with the rules the lead service applies (so the form says what is wrong
 * while typing; the service checks again). Public with getters and setters for the bean validation binder.
 */
public class LeadFields {

    @NotBlank
    @Size(max = 200)
    private String name = "";

    private Type type = Type.SCHOOL;
    private Status status = Status.NEW;

    @Size(max = 200)
    private String street = "";

    @Size(max = 20)
    private String postalCode = "";

    @Size(max = 100)
    private String city = "";

    @Pattern(regexp = "([A-Za-z]{2})?", message = "{lead.country.pattern}")
    private String country = "";

    @Size(max = 255)
    @Pattern(regexp = "\\S*", message = "{lead.website.pattern}")
    private String website = "";

    @Size(max = 50)
    private String phone = "";

    @Email
    @Size(max = 254)
    private String email = "";

    @Size(max = 100)
    private String source = "";

    @Size(max = 100)
    private String owner = "";

    private Set<@Size(max = 50) String> tags = new TreeSet<>();

    public LeadFields() {}

    static LeadFields of(Institution i) {
        LeadFields f = new LeadFields();
        f.name = i.name();
        f.type = i.type();
        f.status = i.status();
        f.street = text(i.street());
        f.postalCode = text(i.postalCode());
        f.city = text(i.city());
        // Older leads may hold "de" or a name; the picker shows codes.
        String code = Countries.code(i.country());
        f.country = code == null ? text(i.country()) : code;
        f.website = text(i.website());
        f.phone = text(i.phone());
        f.email = text(i.email());
        f.source = text(i.source());
        f.owner = text(i.owner());
        f.tags = new TreeSet<>(i.tags().stream().map(Tag::name).toList());
        return f;
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    InstitutionDraft draft() {
        return new InstitutionDraft(
                name, type, street, postalCode, city, country, website, phone, email, status, source, owner, tags);
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = text(name);
    }

    public Type getType() {
        return type;
    }

    public void setType(@Nullable Type type) {
        this.type = type == null ? Type.OTHER : type;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(@Nullable Status status) {
        this.status = status == null ? Status.NEW : status;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(@Nullable String street) {
        this.street = text(street);
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(@Nullable String postalCode) {
        this.postalCode = text(postalCode);
    }

    public String getCity() {
        return city;
    }

    public void setCity(@Nullable String city) {
        this.city = text(city);
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(@Nullable String country) {
        this.country = text(country);
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(@Nullable String website) {
        this.website = text(website);
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = text(phone);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = text(email);
    }

    public String getSource() {
        return source;
    }

    public void setSource(@Nullable String source) {
        this.source = text(source);
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(@Nullable String owner) {
        this.owner = text(owner);
    }

    public Set<String> getTags() {
        return tags;
    }

    public void setTags(@Nullable Set<String> tags) {
        this.tags = tags == null ? new TreeSet<>() : new TreeSet<>(tags);
    }
}
