package de.kontor.customer;

import de.kontor.IntegrationTest;
import de.kontor.base.error.DomainException;
import de.kontor.base.importing.ColumnMapping;
import de.kontor.base.importing.ImportFiles;
import de.kontor.base.importing.ImportPreview;
import de.kontor.base.importing.ImportSummary;
import de.kontor.base.importing.ImportTable;
import de.kontor.base.importing.PreviewRow;
import de.kontor.base.importing.Verdict;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Import matching and verdicts, apply, all-or-nothing and undo, on the real database. */
class CustomerImportTest extends IntegrationTest {

    @Autowired
    CustomerService customers;

    private ImportTable csv(String text) {
        return ImportFiles.read("customers.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private ImportPreview preview(ImportTable table) {
        return customers.previewImport(
                table, ColumnMapping.guess(table.headers(), CustomerImportFields.ALL), Locale.ENGLISH);
    }

    private ImportSummary apply(ImportTable table, boolean allOrNothing) {
        return customers.applyImport(
                table, ColumnMapping.guess(table.headers(), CustomerImportFields.ALL), allOrNothing, Locale.ENGLISH);
    }

    @Test
    void headersInGermanOrEnglishAreMappedToFields() {
        ImportTable table = csv("Kundennummer;Firma;E-Mail;PLZ;Ort;Land;USt-IdNr;Schlagworte\n");
        ColumnMapping mapping = ColumnMapping.guess(table.headers(), CustomerImportFields.ALL);

        assertThat(mapping.columns())
                .containsEntry("number", 0)
                .containsEntry("name", 1)
                .containsEntry("email", 2)
                .containsEntry("postalCode", 3)
                .containsEntry("city", 4)
                .containsEntry("country", 5)
                .containsEntry("vatId", 6)
                .containsEntry("tags", 7);
        ImportTable english = csv("Company,Email address,Zip code,Town,Country\n");
        assertThat(ColumnMapping.guess(english.headers(), CustomerImportFields.ALL)
                        .columns())
                .containsEntry("name", 0)
                .containsEntry("email", 1)
                .containsEntry("postalCode", 2)
                .containsEntry("city", 3);
    }

    @Test
    void everyRowGetsAVerdict() {
        String m = unique("imp");
        Customer byNumber = customers.create(CustomerServiceTest.withCity("Alt " + m, "Bonn"));
        Customer byEmail = customers.create(CustomerServiceTest.withEmail("Mail " + m, "mail-" + m + "@example.org"));
        CustomerData sameData = CustomerServiceTest.withEmail("Same " + m, "same-" + m + "@example.org");
        sameData.setCity("Jena");
        customers.create(sameData);

        ImportTable table = csv(String.join(
                "\n",
                "Kundennummer;Name;E-Mail;Ort;Land",
                ";Neu " + m + ";neu-" + m + "@example.org;Köln;Deutschland", // 2 create
                byNumber.getNumber() + ";;;Berlin;", // 3 update by number (city)
                ";Mail " + m + ";MAIL-" + m + "@example.org;Hamburg;DE", // 4 update by e-mail
                ";Same " + m + ";same-" + m + "@example.org;Jena;", // 5 unchanged
                ";Neu " + m + " Kopie;neu-" + m + "@example.org;Köln;", // 6 duplicate of row 2 (e-mail)
                ";Ohne Mail " + m + ";;Ulm;", // 7 create (name + city)
                ";Ohne Mail " + m + ";;ulm;", // 8 duplicate of row 7
                ";Kaputt " + m + ";keine-mail;Ulm;", // 9 error: e-mail
                "K-999999999;;;;", // 10 error: unknown number
                ";;;Nirgendwo;", // 11 error: no name
                ";Fern " + m + ";;Oz;Atlantis")); // 12 error: country

        ImportPreview preview = preview(table);

        assertThat(preview.rows())
                .extracting(PreviewRow::rowNumber, PreviewRow::verdict)
                .containsExactly(
                        Tuple.tuple(2, Verdict.CREATE),
                        Tuple.tuple(3, Verdict.UPDATE),
                        Tuple.tuple(4, Verdict.UPDATE),
                        Tuple.tuple(5, Verdict.UNCHANGED),
                        Tuple.tuple(6, Verdict.DUPLICATE),
                        Tuple.tuple(7, Verdict.CREATE),
                        Tuple.tuple(8, Verdict.DUPLICATE),
                        Tuple.tuple(9, Verdict.ERROR),
                        Tuple.tuple(10, Verdict.ERROR),
                        Tuple.tuple(11, Verdict.ERROR),
                        Tuple.tuple(12, Verdict.ERROR));
        assertThat(preview.rows().get(1).matchedId()).isEqualTo(byNumber.getId());
        assertThat(preview.rows().get(1).reasons()).containsExactly("City: Bonn → Berlin");
        assertThat(preview.rows().get(2).matchedId()).isEqualTo(byEmail.getId());
        assertThat(preview.rows().get(4).reasons()).containsExactly("Same as row 2");
        assertThat(preview.rows().get(6).reasons()).containsExactly("Same as row 7");
        assertThat(preview.rows().get(7).reasonText()).contains("E-mail").contains("well-formed email");
        assertThat(preview.rows().get(8).reasonText()).isEqualTo("There is no customer K-999999999.");
        assertThat(preview.rows().get(9).reasonText()).isEqualTo("Name: Required");
        assertThat(preview.rows().get(10).reasonText()).isEqualTo("Unknown country: Atlantis");
        assertThat(customers.count(CustomerQuery.active(m)))
                .as("preview writes nothing")
                .isEqualTo(3);
    }

    @Test
    void applyingWritesGoodRowsSkipsBadOnesAndUndoPutsEverythingBack() {
        String m = unique("apply");
        Customer existing = customers.create(CustomerServiceTest.withCity("Bestand " + m, "Bonn"));
        ImportTable table = csv(String.join(
                "\n",
                "Kundennummer,Name,Ort,Tags",
                "," + "Neu A " + m + ",Köln,Schule",
                "," + "Neu B " + m + ",Trier,",
                existing.getNumber() + ",,Berlin,Premium",
                ",,Ohne Name,"));

        ImportSummary summary = apply(table, false);

        assertThat(summary.created()).isEqualTo(2);
        assertThat(summary.updated()).isEqualTo(1);
        assertThat(summary.skipped()).isEqualTo(1);
        Customer updated = customers.get(existing.getId());
        assertThat(updated.getCity()).isEqualTo("Berlin");
        assertThat(updated.getName()).as("empty cells keep values").isEqualTo("Bestand " + m);
        assertThat(updated.getTags()).containsExactly("Premium");
        assertThat(customers.count(CustomerQuery.active(m))).isEqualTo(3);

        UndoResult undo = customers.undoImport(summary.importId(), Locale.ENGLISH);

        assertThat(undo.removed()).isEqualTo(2);
        assertThat(undo.restored()).isEqualTo(1);
        assertThat(undo.skipped()).isEmpty();
        assertThat(customers.count(new CustomerQuery(m, Set.of(), CustomerQuery.Status.ALL)))
                .isEqualTo(1);
        Customer back = customers.get(existing.getId());
        assertThat(back.getCity()).isEqualTo("Bonn");
        assertThat(back.getTags()).isEmpty();
        assertThatThrownBy(() -> customers.undoImport(summary.importId(), Locale.ENGLISH))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("IMPORT_ALREADY_UNDONE"));
    }

    @Test
    void undoLeavesCustomersChangedSinceTheImportAlone() {
        String m = unique("since");
        ImportTable table = csv("Name;Ort\nErster " + m + ";Aalen\nZweiter " + m + ";Bamberg");
        ImportSummary summary = apply(table, false);
        Customer edited = customers
                .find(CustomerQuery.active("Erster " + m), PageRequest.of(0, 1))
                .getContent()
                .getFirst();
        CustomerData data = edited.data();
        data.setPhone("+49 1");
        customers.update(edited.getId(), edited.getVersion(), data);

        UndoResult undo = customers.undoImport(summary.importId(), Locale.ENGLISH);

        assertThat(undo.removed()).isEqualTo(1);
        assertThat(undo.skipped())
                .singleElement()
                .asString()
                .contains(edited.getNumber())
                .contains("changed after the import");
        assertThat(customers.get(edited.getId()).getPhone()).isEqualTo("+49 1");
    }

    @Test
    void allOrNothingRefusesAFileWithBadRowsAndWritesNothing() {
        String m = unique("aon");
        ImportTable table = csv("Name;E-Mail\nGut " + m + ";gut-" + m + "@example.org\nSchlecht " + m + ";nope");

        assertThatThrownBy(() -> apply(table, true))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("IMPORT_HAS_BAD_ROWS"));
        assertThat(customers.count(CustomerQuery.active(m))).isZero();

        assertThat(apply(table, false).created()).isEqualTo(1);
    }

    @Test
    void windows1252CsvWithUmlautsAndCommaSeparatorIsRead() {
        String m = unique("cp");
        byte[] bytes = ("Name,Ort\r\nBäckerei Größe " + m + ",München\r\n").getBytes(Charset.forName("windows-1252"));

        ImportTable table = ImportFiles.read("alt.csv", bytes);

        assertThat(table.headers()).containsExactly("Name", "Ort");
        assertThat(table.rows()).containsExactly(List.of("Bäckerei Größe " + m, "München"));
    }

    @Test
    void excelFilesAreRead() throws Exception {
        String m = unique("xl");
        var out = new ByteArrayOutputStream();
        try (var workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("Kunden");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("Firma");
            header.createCell(1).setCellValue("PLZ");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("Excel GmbH " + m);
            row.createCell(1).setCellValue(1067);
            workbook.write(out);
        }

        ImportTable table = ImportFiles.read("kunden.xlsx", out.toByteArray());
        ImportPreview preview = preview(table);

        assertThat(preview.rows()).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.CREATE);
            assertThat(r.summary()).isEqualTo("Excel GmbH " + m);
        });
    }

    @Test
    void unreadableFilesAreRefusedClearly() {
        assertThatThrownBy(() -> ImportFiles.read("kunden.pdf", new byte[] {1, 2}))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("IMPORT_UNKNOWN_FORMAT"));
        assertThatThrownBy(() -> ImportFiles.read("kunden.xlsx", "not a workbook".getBytes()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("IMPORT_UNREADABLE"));
        assertThatThrownBy(() -> ImportFiles.read("leer.csv", new byte[0]))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("IMPORT_EMPTY"));
    }
}
