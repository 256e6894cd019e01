package de.kontor.base.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * UTF-8 CSV with a byte-order mark so spreadsheet programs read umlauts right; German exports use the
 * semicolon as separator, as German Excel expects.
 * <p>
 * A text cell that a spreadsheet would take for a formula (starting with {@code = + - @}, a tab or a
 * carriage return) gets a leading apostrophe, as OWASP advises against CSV injection: a customer named
 * {@code =HYPERLINK(...)} stays a name. Numbers, dates and booleans are written as they are, so {@code -5}
 * stays a number.
 */
final class CsvTableWriter implements TableWriter {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;
    private final CellText text;

    CsvTableWriter(OutputStream out, CellText text) throws IOException {
        this.text = text;
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(text.german() ? ';' : ',')
                .setRecordSeparator("\r\n")
                .get();
        this.printer = new CSVPrinter(writer, format);
    }

    @Override
    public void header(List<String> headers) throws IOException {
        printer.printRecord(headers.stream().map(CsvTableWriter::neutralised).toList());
    }

    @Override
    public void row(List<@Nullable Object> values) throws IOException {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            String cell = text.format(value);
            boolean plainValue =
                    value instanceof Number || value instanceof Boolean || value instanceof TemporalAccessor;
            cells.add(plainValue ? cell : neutralised(cell));
        }
        printer.printRecord(cells);
    }

    static String neutralised(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    @Override
    public void finish(long rows) throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
