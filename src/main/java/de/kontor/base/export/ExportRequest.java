package de.kontor.base.export;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * What to export.
 *
 * @param title         shown on top of the PDF and as the sheet name; also the file name's stem
 * @param sort          the grid's current sort order, passed to every page fetch
 * @param expectedRows  the number of rows if known (for progress), else {@code null}
 */
public record ExportRequest<T>(
        String title,
        List<ExportColumn<T>> columns,
        RowSource<T> rows,
        Sort sort,
        @Nullable Long expectedRows,
        Locale locale,
        ZoneId zone) {

    public ExportRequest {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("An export needs at least one column");
        }
        columns = List.copyOf(columns);
    }
}
