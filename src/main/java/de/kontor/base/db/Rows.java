package de.kontor.base.db;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small pieces plain-SQL queries share: paging by "one row more", a grid's sort, nullable times. */
public final class Rows {

    private Rows() {}

    /**
     * A slice from rows read with {@code limit pageSize + 1}: the extra row only says that there is a next
     * page.
     */
    public static <T> Slice<T> slice(List<T> rows, Pageable page) {
        boolean more = rows.size() > page.getPageSize();
        return new SliceImpl<>(more ? rows.subList(0, page.getPageSize()) : rows, page, more);
    }

    /**
     * An {@code order by} clause for the sort's properties, each mapped to one or more columns (e.g.
     * {@code "name" -> "last_name, first_name"}); unknown properties are left out, nothing known gives the
     * fallback. Only the mapped column names reach the SQL.
     */
    public static String orderBy(Sort sort, Map<String, String> columns, String fallback) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = columns.get(order.getProperty());
            if (column != null) {
                for (String c : column.split(",\\s*")) {
                    parts.add(c + (order.isDescending() ? " desc" : " asc"));
                }
            }
        }
        return parts.isEmpty() ? fallback : String.join(", ", parts);
    }

    public static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
