package de.kontor.base.ui;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import de.kontor.KaribuTest;
import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditEntry;
import de.kontor.base.audit.AuditService;
import de.kontor.base.export.ExportFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit grid exported as it is shown: same filter, same order, every row, in all three formats. */
class AuditExportTest extends KaribuTest {

    private static final int ROWS = 130;

    @Autowired
    AuditService audit;

    String marker;

    @BeforeEach
    void entries() {
        marker = unique("Export");
        for (int i = 0; i < ROWS; i++) {
            clock.advance(Duration.ofMillis(5));
            audit.recordAs(
                    i % 3 == 0 ? "zoe" : "anton",
                    "customer",
                    "Customer",
                    i,
                    "UPDATE",
                    "Customer K-" + i + " updated " + marker,
                    List.of(AuditChange.of("city", "Köln " + i, "Łódź " + i)));
        }
        audit.recordAs("anton", "customer", "Customer", 999, "UPDATE", "Unrelated entry", List.of());
        loginAsAdmin();
        UI.getCurrent().navigate("audit");
        type(_get(TextField.class, s -> s.withId("audit-text")), marker);
    }

    @Test
    void xlsxHoldsExactlyTheFilteredRowsInGridOrder() throws Exception {
        sortByUser();
        List<AuditEntry> shown = gridRows();
        assertThat(shown).hasSize(ROWS);

        byte[] file = export(ExportFormat.XLSX);

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("User");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("What happened");
            assertThat(sheet.getLastRowNum()).isEqualTo(ROWS);
            for (int i = 0; i < shown.size(); i++) {
                Row row = sheet.getRow(i + 1);
                AuditEntry entry = shown.get(i);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(entry.getUsername());
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo(entry.getSummary());
                assertThat(row.getCell(7).getStringCellValue())
                        .isEqualTo("City: Köln " + entry.getEntityId() + " → Łódź " + entry.getEntityId());
                assertThat(row.getCell(5).getStringCellValue())
                        .as("action in words")
                        .isEqualTo("Changed");
                assertThat(row.getCell(0).getLocalDateTimeCellValue()).isNotNull();
            }
        }
    }

    @Test
    void pdfHasTitleHeaderOnEveryPagePageNumbersAndAllRows() throws Exception {
        List<AuditEntry> shown = gridRows();

        byte[] file = export(ExportFormat.PDF);

        PdfReader reader = new PdfReader(file);
        int pages = reader.getNumberOfPages();
        assertThat(pages).isGreaterThan(1);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= pages; page++) {
            String text = extractor.getTextFromPage(page);
            assertThat(text)
                    .as("header row on page %d", page)
                    .contains("What happened")
                    .contains("Changes");
            assertThat(text.replaceAll("\\s+", " "))
                    .as("footer on page %d", page)
                    .contains("Page " + page + " of " + pages);
            all.append(text).append('\n');
        }
        assertThat(all).contains("Audit log");
        String flat = all.toString().replaceAll("\\s+", " ");
        for (AuditEntry entry : shown) {
            assertThat(flat).contains(entry.getSummary());
        }
        assertThat(flat)
                .contains("Łódź")
                .contains("Customers")
                .doesNotContain("Unrelated entry")
                .doesNotContain("!");
        reader.close();
    }

    @Test
    void csvHoldsTheRowsInGridOrder() throws Exception {
        sortByUser();
        List<AuditEntry> shown = gridRows();

        byte[] file = export(ExportFormat.CSV);

        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records;
        try (var parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertThat(records).hasSize(ROWS + 1);
        assertThat(records.getFirst().get(6)).isEqualTo("What happened");
        List<String> summaries = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            summaries.add(record.get(6));
        }
        assertThat(summaries)
                .containsExactlyElementsOf(
                        shown.stream().map(AuditEntry::getSummary).toList());
    }

    private byte[] export(ExportFormat format) throws Exception {
        ExportDialog dialog = _get(ExportMenu.class).start(format);
        dialog.result().get(60, TimeUnit.SECONDS);
        MockVaadin.runUIQueue();
        Anchor download = _get(Anchor.class, s -> s.withId("export-download"));
        assertThat(download.getText()).contains("." + format.name().toLowerCase());
        assertThat(dialog.downloadStarted())
                .as("the browser is asked to download at once")
                .isTrue();
        return DownloadKt._download(download);
    }

    private void sortByUser() {
        Grid<AuditEntry> grid = grid();
        grid.sort(List.of(
                new GridSortOrder<>(grid.getColumnByKey("user"), SortDirection.ASCENDING),
                new GridSortOrder<>(grid.getColumnByKey("time"), SortDirection.ASCENDING)));
    }

    private List<AuditEntry> gridRows() {
        Grid<AuditEntry> grid = grid();
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._get(grid, i))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditEntry> grid() {
        return _get(Grid.class, s -> s.withId("audit-grid"));
    }
}
