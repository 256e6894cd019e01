package de.kontor;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the database refuse certain audit entries, for tests that show a failure after a service's first
 * write leaves nothing behind: a trigger on {@code audit_log} signals an error for entries matching a row of
 * {@code test_refused_audit} (module, action, a LIKE pattern of the summary). A real failure of the real
 * database, in the middle of the service's transaction. {@link #close()} lets such entries through again.
 */
public final class AuditRefusal implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final long id;

    private AuditRefusal(JdbcTemplate jdbc, long id) {
        this.jdbc = jdbc;
        this.id = id;
    }

    /** Refuses audit entries of {@code module} with {@code action} whose summary is like {@code summaryLike}. */
    public static AuditRefusal refuse(JdbcTemplate jdbc, String module, String action, String summaryLike) {
        jdbc.execute("create table if not exists test_refused_audit (id bigint auto_increment primary key, "
                + "module varchar(40) not null, action varchar(40) not null, summary_like varchar(500) not null)");
        jdbc.execute("create trigger if not exists test_refuse_audit before insert on audit_log for each row "
                + "begin if exists (select 1 from test_refused_audit t where t.module = new.module "
                + "and t.action = new.action and new.summary like t.summary_like) then "
                + "signal sqlstate '45000' set message_text = 'audit entry refused by the test'; end if; end");
        jdbc.update(
                "insert into test_refused_audit (module, action, summary_like) values (?, ?, ?)",
                module,
                action,
                summaryLike);
        Long id = jdbc.queryForObject("select max(id) from test_refused_audit", Long.class);
        return new AuditRefusal(jdbc, id == null ? 0 : id);
    }

    @Override
    public void close() {
        jdbc.update("delete from test_refused_audit where id = ?", id);
    }
}
