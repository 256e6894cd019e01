package de.kontor.base.settings;

import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Named settings kept in the database ({@code app_setting}), so every node of a cluster reads the same
 * value. A module asks with its default (usually from its configuration properties): a stored value
 * overrides it. Changes are audited under the module that owns the setting.
 */
@Service
public class AppSettings {

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;

    AppSettings(JdbcClient jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stored value, if an admin set one. */
    @Transactional(readOnly = true)
    public Optional<String> get(String name) {
        return jdbc.sql("SELECT value FROM app_setting WHERE name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
    }

    /** A yes/no setting: the stored value, else {@code fallback}. */
    @Transactional(readOnly = true)
    public boolean flag(String name, boolean fallback) {
        return get(name).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** Stores a value, with an audit entry of the owning module. */
    @Transactional
    public void set(String module, String name, String value) {
        Optional<String> before = get(name);
        if (before.isPresent() && before.get().equals(value)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO app_setting (name, value, updated_at, updated_by)
                        VALUES (:name, :value, :now, :by)
                        ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at),
                            updated_by = VALUES(updated_by)
                        """)
                .param("name", name)
                .param("value", value)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentUser.username().orElse(AuditService.SYSTEM_USER))
                .update();
        audit.record(
                module,
                "Setting",
                name,
                "UPDATE",
                "Setting " + name + " set to " + value,
                List.of(AuditChange.of(name, before.orElse(null), value)));
    }
}
