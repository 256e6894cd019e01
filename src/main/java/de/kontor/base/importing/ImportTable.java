package de.kontor.base.importing;

import java.util.List;

/**
 * A table read from an uploaded CSV or XLSX file: the header row and the data rows (cells as text,
 * padded to the header's width). Row numbers in messages are the file's: the header is row 1.
 */
public record ImportTable(String fileName, List<String> headers, List<List<String>> rows) {

    public ImportTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** The file's row number of a data row (0-based index), as a spreadsheet program shows it. */
    public static int fileRowNumber(int index) {
        return index + 2;
    }
}
