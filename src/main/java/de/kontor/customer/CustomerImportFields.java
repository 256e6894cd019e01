package de.kontor.customer;

import de.kontor.base.importing.ImportField;

import java.util.List;

/** The fields a customer import fills, with the column headers that usually hold them. */
public final class CustomerImportFields {

    public static final List<ImportField> ALL = List.of(
            new ImportField(
                    "number",
                    "customer.number",
                    false,
                    List.of(
                            "Kundennummer",
                            "Kunden-Nr",
                            "Kundennr",
                            "KdNr",
                            "Kd-Nr",
                            "customer number",
                            "customer no",
                            "customer id",
                            "Nummer",
                            "Nr",
                            "no")),
            new ImportField(
                    "name",
                    "customer.name",
                    true,
                    List.of(
                            "Name",
                            "Firma",
                            "Firmenname",
                            "Unternehmen",
                            "Kunde",
                            "Company",
                            "Company name",
                            "Customer",
                            "Organisation",
                            "Organization")),
            new ImportField(
                    "contactPerson",
                    "customer.contactPerson",
                    false,
                    List.of(
                            "Ansprechpartner",
                            "Ansprechperson",
                            "Kontakt",
                            "Kontaktperson",
                            "Contact",
                            "Contact person")),
            new ImportField(
                    "email",
                    "customer.email",
                    false,
                    List.of("E-Mail", "Email", "Mail", "E-Mail-Adresse", "Email address", "e-mail address")),
            new ImportField(
                    "phone",
                    "customer.phone",
                    false,
                    List.of("Telefon", "Tel", "Telefonnummer", "Phone", "Phone number", "Telephone")),
            new ImportField(
                    "street",
                    "customer.street",
                    false,
                    List.of("Straße", "Strasse", "Str", "Anschrift", "Adresse", "Street", "Address")),
            new ImportField(
                    "postalCode",
                    "customer.postalCode",
                    false,
                    List.of("PLZ", "Postleitzahl", "Postal code", "Postcode", "Zip", "Zip code")),
            new ImportField("city", "customer.city", false, List.of("Ort", "Stadt", "Wohnort", "City", "Town")),
            new ImportField("country", "customer.country", false, List.of("Land", "Staat", "Country")),
            new ImportField(
                    "vatId",
                    "customer.vatId",
                    false,
                    List.of("USt-IdNr", "USt-ID", "UStIdNr", "Umsatzsteuer-ID", "VAT", "VAT ID", "VAT number")),
            new ImportField(
                    "notes",
                    "customer.notes",
                    false,
                    List.of("Notizen", "Notiz", "Bemerkung", "Bemerkungen", "Notes", "Note", "Comment", "Comments")),
            new ImportField(
                    "tags",
                    "customer.tags",
                    false,
                    List.of("Tags", "Tag", "Schlagworte", "Kategorie", "Kategorien", "Labels", "Category")));

    private CustomerImportFields() {}
}
