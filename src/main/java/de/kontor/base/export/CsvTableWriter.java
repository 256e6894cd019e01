package de.kontor.base.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * UTF-8 CSV with a byte-order mark so spreadsheet programs read umlauts right; German exports use the
 * semicolon as separator, as German Excel expects.
 */
final class CsvTableWriter implements TableWriter {

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
        printer.printRecord(headers);
    }

    @Override
    public void row(List<@Nullable Object> values) throws IOException {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(text.format(value));
        }
        printer.printRecord(cells);
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
