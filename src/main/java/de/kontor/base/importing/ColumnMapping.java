package de.kontor.base.importing;

import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which file column (0-based) fills which field. Unmapped fields stay empty. */
public record ColumnMapping(Map<String, Integer> columns) {

    public ColumnMapping {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** Guesses the mapping from the header row: each field takes the first column whose header fits. */
    public static ColumnMapping guess(List<String> headers, List<ImportField> fields) {
        Map<String, Integer> mapping = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (ImportField field : fields) {
            for (int i = 0; i < headers.size(); i++) {
                if (!taken.contains(i) && field.matchesHeader(headers.get(i))) {
                    mapping.put(field.key(), i);
                    taken.add(i);
                    break;
                }
            }
        }
        return new ColumnMapping(mapping);
    }

    public @Nullable Integer columnOf(String field) {
        return columns.get(field);
    }

    /** The cell of {@code field} in a row, trimmed; empty when unmapped or blank. */
    public String value(List<String> row, String field) {
        Integer column = columns.get(field);
        if (column == null || column >= row.size()) {
            return "";
        }
        String value = row.get(column);
        return value == null ? "" : value.strip();
    }

    public ColumnMapping with(String field, @Nullable Integer column) {
        Map<String, Integer> copy = new LinkedHashMap<>(columns);
        if (column == null) {
            copy.remove(field);
        } else {
            copy.put(field, column);
        }
        return new ColumnMapping(copy);
    }
}
