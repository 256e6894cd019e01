package de.kontor.base.db;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    /**
     * Maps each row to a record (or bean) by column name: {@code created_at} fills {@code createdAt}. Times
     * are read as {@code Timestamp} and turned into {@code Instant}s, the same way Kontor writes them
     * ({@code Timestamp.from(instant)}); enums come from their names.
     */
    public static <T> RowMapper<T> mapper(Class<T> type) {
        return new ByName<>(type);
    }

    private static final class ByName<T> extends DataClassRowMapper<T> {
        ByName(Class<T> type) {
            super(type);
        }

        @Override
        protected @Nullable Object getColumnValue(ResultSet rs, int index, Class<?> paramType) throws SQLException {
            if (paramType == Instant.class) {
                return instant(rs.getTimestamp(index));
            }
            return super.getColumnValue(rs, index, paramType);
        }
    }

    public static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
