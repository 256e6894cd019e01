package de.kontor.base.export;

import de.kontor.IntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportServiceTest extends IntegrationTest {

    record Item(long id, String name, BigDecimal amount, Instant at, LocalDate day) {}

    @Autowired
    ExportService exports;

    /** Serves items like a repository: one page per call, recording what was asked. */
    static final class Pages implements RowSource<Item> {
        final long total;
        final List<Pageable> requests = new CopyOnWriteArrayList<>();

        Pages(long total) {
            this.total = total;
        }

        @Override
        public Slice<Item> fetch(Pageable pageable) {
            requests.add(pageable);
            long from = pageable.getOffset();
            long to = Math.min(total, from + pageable.getPageSize());
            List<Item> items = LongStream.range(from, to)
                    .mapToObj(i -> new Item(
                            i,
                            "Zeile " + i + " Ä",
                            BigDecimal.valueOf(i, 2),
                            Instant.parse("2026-11-24T10:15:00Z"),
                            LocalDate.of(2026, 1, 31)))
                    .toList();
            return new SliceImpl<>(items, pageable, to < total);
        }
    }

    private static ExportRequest<Item> request(RowSource<Item> rows, Locale locale, Long expected) {
        return new ExportRequest<>(
                "Items",
                List.of(
                        ExportColumn.of("Id", Item::id),
                        ExportColumn.of("Name", Item::name),
                        ExportColumn.of("Amount", Item::amount),
                        ExportColumn.of("At", Item::at),
                        ExportColumn.of("Day", Item::day)),
                rows,
                Sort.by("name"),
                expected,
                locale,
                ZoneId.of("Europe/Berlin"));
    }

    @Test
    void readsPageByPageWithTheGridsSortAndReportsProgress() throws Exception {
        Pages pages = new Pages(2_500);
        List<Long> progress = new ArrayList<>();

        long rows = exports.write(
                request(pages, Locale.ENGLISH, 2_500L),
                ExportFormat.CSV,
                new ByteArrayOutputStream(),
                (written, expected) -> progress.add(written) || true);

        assertThat(rows).isEqualTo(2_500);
        assertThat(pages.requests)
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.getSort()).isEqualTo(Sort.by("name")))
                .allSatisfy(p -> assertThat(p.getPageSize()).isEqualTo(ExportService.PAGE_SIZE));
        assertThat(progress).containsExactly(1_000L, 2_000L, 2_500L);
    }

    @Test
    void germanCsvUsesSemicolonsDecimalCommaAndGermanDates() throws Exception {
        var out = new ByteArrayOutputStream();

        exports.write(request(new Pages(2), Locale.GERMAN, null), ExportFormat.CSV, out, ExportProgress.NONE);

        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFId;Name;Amount;At;Day\r\n");
        assertThat(csv).contains("1;Zeile 1 Ä;0,01;24.11.2026 11:15;31.01.2026\r\n");
    }

    @Test
    void englishCsvUsesCommasAndIsoDates() throws Exception {
        var out = new ByteArrayOutputStream();

        exports.write(request(new Pages(2), Locale.ENGLISH, null), ExportFormat.CSV, out, ExportProgress.NONE);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1,Zeile 1 Ä,0.01,2026-11-24 11:15,2026-01-31\r\n");
    }

    @Test
    void xlsxKeepsNumbersAndDatesAsTypedCells() throws Exception {
        var out = new ByteArrayOutputStream();

        exports.write(request(new Pages(3), Locale.GERMAN, null), ExportFormat.XLSX, out, ExportProgress.NONE);

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var row = workbook.getSheetAt(0).getRow(3);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(0.02);
            assertThat(row.getCell(3).getLocalDateTimeCellValue()).isEqualTo("2026-11-24T11:15:00");
            assertThat(row.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 31));
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue())
                    .isEqualTo("Name");
        }
    }

    @Test
    void largeXlsxExportStreamsWithoutLoadingAllRows() throws Exception {
        Pages pages = new Pages(60_000);

        var result = exports.exportToFile(
                        request(pages, Locale.ENGLISH, 60_000L), ExportFormat.XLSX, ExportProgress.NONE)
                .get(120, TimeUnit.SECONDS);

        assertThat(result.rows()).isEqualTo(60_000);
        assertThat(pages.requests).hasSize(60);
        assertThat(result.fileName()).matches("items-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
        try (var workbook = new XSSFWorkbook(Files.newInputStream(result.file()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(60_000);
        } finally {
            Files.deleteIfExists(result.file());
        }
    }

    @Test
    void cancellingStopsTheExportAndLeavesNoFile() throws Exception {
        List<Path> before = pdfTempFiles();
        Pages pages = new Pages(10_000);
        var future = exports.exportToFile(
                request(pages, Locale.ENGLISH, null), ExportFormat.PDF, (written, expected) -> written < 2_000);

        assertThatThrownBy(() -> future.get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ExportCancelledException.class);
        assertThat(pages.requests).hasSize(2);
        assertThat(pdfTempFiles()).containsExactlyInAnyOrderElementsOf(before);
    }

    private static List<Path> pdfTempFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().matches("kontor-export-.*\\.pdf"))
                    .toList();
        }
    }

    @Test
    void fileNamesAreSafeAscii() {
        assertThat(exports.fileName("Änderungsprotokoll: Kunden / Köln", ExportFormat.PDF))
                .matches("anderungsprotokoll-kunden-koln-\\d{4}-\\d{2}-\\d{2}\\.pdf");
    }
}
