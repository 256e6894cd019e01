package de.kontor.base.db;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.sql.PreparedStatement;
import java.sql.Statement;

/** Plain-SQL inserts that need the generated id back. */
public final class Inserts {

    private Inserts() {}

    /** Runs the insert with the arguments (nulls allowed) and returns the generated id. */
    public static long returningId(JdbcTemplate jdbc, String sql, Object... args) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                c -> {
                    PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
                    new ArgumentPreparedStatementSetter(args).setValues(ps);
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }
}
