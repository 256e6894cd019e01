package de.kontor.lead;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** What the lead module's SQL shares: inserts that hand back the new row's id. */
final class LeadRows {

    private LeadRows() {}

    /** Runs the insert and returns the id the database generated. */
    static long insert(StatementSpec insert) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        insert.update(key);
        Number id = key.getKey();
        if (id == null) {
            throw new IllegalStateException("the insert generated no id");
        }
        return id.longValue();
    }
}
