package de.kontor.base.importing;

import de.kontor.base.error.DomainException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads uploaded import files: CSV (UTF-8 with or without BOM, else Windows-1252; separator ";", ","
 * or tab, whichever the header uses) and XLSX/XLS (first sheet; cells as shown in the sheet, dates as
 * ISO dates). Empty rows are dropped; rows are padded to the header's width.
 */
public final class ImportFiles {

    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final int MAX_ROWS = 50_000;

    private ImportFiles() {}

    public static ImportTable read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new DomainException(400, "IMPORT_EMPTY", "import.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new DomainException(400, "IMPORT_TOO_LARGE", "import.error.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        List<List<String>> all;
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            all = readWorkbook(content);
        } else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            all = readCsv(content);
        } else {
            throw new DomainException(400, "IMPORT_UNKNOWN_FORMAT", "import.error.format", fileName);
        }
        all.removeIf(row -> row.stream().allMatch(String::isBlank));
        if (all.isEmpty()) {
            throw new DomainException(400, "IMPORT_EMPTY", "import.error.empty");
        }
        List<String> headers = all.getFirst().stream().map(String::strip).toList();
        List<List<String>> rows = new ArrayList<>(all.subList(1, all.size()));
        if (rows.size() > MAX_ROWS) {
            throw new DomainException(400, "IMPORT_TOO_MANY_ROWS", "import.error.tooManyRows", MAX_ROWS);
        }
        int width = Math.max(
                headers.size(), rows.stream().mapToInt(List::size).max().orElse(0));
        List<String> paddedHeaders = pad(headers, width);
        return new ImportTable(
                fileName, paddedHeaders, rows.stream().map(r -> pad(r, width)).toList());
    }

    private static List<String> pad(List<String> row, int width) {
        List<String> padded = new ArrayList<>(row);
        while (padded.size() < width) {
            padded.add("");
        }
        return List.copyOf(padded);
    }

    private static List<List<String>> readCsv(byte[] content) {
        String text = decode(content);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = mostFrequent(firstLine);
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> row = new ArrayList<>();
                record.forEach(row::add);
                rows.add(row);
                if (rows.size() > MAX_ROWS + 1) {
                    throw new DomainException(400, "IMPORT_TOO_MANY_ROWS", "import.error.tooManyRows", MAX_ROWS);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new DomainException(
                    400, "IMPORT_UNREADABLE", "import.error.unreadable", String.valueOf(e.getMessage()));
        }
        return rows;
    }

    private static char mostFrequent(String line) {
        char best = ',';
        long bestCount = -1;
        for (char c : new char[] {';', ',', '\t'}) {
            long count = line.chars().filter(ch -> ch == c).count();
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    /** UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what Excel writes in Germany). */
    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    private static List<List<String>> readWorkbook(byte[] content) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                return rows;
            }
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                if (rows.size() > MAX_ROWS + 1) {
                    throw new DomainException(400, "IMPORT_TOO_MANY_ROWS", "import.error.tooManyRows", MAX_ROWS);
                }
                List<String> cells = new ArrayList<>();
                int last = Math.max(row.getLastCellNum(), 0);
                for (int i = 0; i < last; i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : text(cell, formatter));
                }
                while (rows.size() < row.getRowNum()) {
                    rows.add(List.of());
                }
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw new DomainException(
                    400, "IMPORT_UNREADABLE", "import.error.unreadable", String.valueOf(e.getMessage()));
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        return formatter.formatCellValue(cell).strip();
    }
}
