package de.kontor.lead;

import de.kontor.base.importing.ImportField;

import java.util.List;

/** The fields a lead import fills, with the column headers that usually hold them. */
public final class LeadImportFields {

    public static final List<ImportField> ALL = List.of(
            new ImportField(
                    "name",
                    "lead.field.name",
                    true,
                    List.of(
                            "Name",
                            "Institution",
                            "Einrichtung",
                            "Organisation",
                            "Organization",
                            "Firma",
                            "Schule",
                            "Verein",
                            "Company",
                            "School",
                            "Club")),
            new ImportField("type", "lead.field.type", false, List.of("Typ", "Art", "Type", "Kind")),
            new ImportField(
                    "street",
                    "lead.field.street",
                    false,
                    List.of("Straße", "Strasse", "Str", "Anschrift", "Adresse", "Street", "Address")),
            new ImportField(
                    "postalCode",
                    "lead.field.postalCode",
                    false,
                    List.of("PLZ", "Postleitzahl", "Postal code", "Postcode", "Zip")),
            new ImportField("city", "lead.field.city", false, List.of("Ort", "Stadt", "City", "Town")),
            new ImportField("country", "lead.field.country", false, List.of("Land", "Country")),
            new ImportField(
                    "website",
                    "lead.field.website",
                    false,
                    List.of("Website", "Webseite", "Homepage", "Web", "URL", "Internet")),
            new ImportField("phone", "lead.field.phone", false, List.of("Telefon", "Tel", "Phone", "Telephone")),
            new ImportField("email", "lead.field.email", false, List.of("E-Mail", "Email", "Mail")),
            new ImportField("status", "lead.field.status", false, List.of("Status", "Stand", "Phase", "Stage")),
            new ImportField("source", "lead.field.source", false, List.of("Quelle", "Herkunft", "Source", "Kanal")),
            new ImportField(
                    "owner",
                    "lead.field.owner",
                    false,
                    List.of("Verantwortlich", "Zuständig", "Betreuer", "Owner", "Account owner")),
            new ImportField(
                    "tags", "lead.field.tags", false, List.of("Tags", "Tag", "Schlagworte", "Labels", "Kategorie")),
            new ImportField(
                    "contactName",
                    "lead.field.contactName",
                    false,
                    List.of("Ansprechpartner", "Ansprechperson", "Kontakt", "Contact", "Contact person")),
            new ImportField(
                    "contactEmail",
                    "lead.field.contactEmail",
                    false,
                    List.of("E-Mail Ansprechpartner", "Kontakt E-Mail", "Contact e-mail", "Contact email")),
            new ImportField(
                    "contactPhone",
                    "lead.field.contactPhone",
                    false,
                    List.of("Telefon Ansprechpartner", "Kontakt Telefon", "Contact phone")),
            new ImportField(
                    "contactPosition",
                    "lead.field.contactPosition",
                    false,
                    List.of("Funktion", "Position", "Rolle", "Role", "Title")));

    private LeadImportFields() {}
}
