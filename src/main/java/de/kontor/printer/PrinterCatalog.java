package de.kontor.printer;

import de.kontor.base.Texts;
import de.kontor.base.db.Rows;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The printers admins keep ({@code printer}): reading them (plain or under a row lock), adding, changing,
 * archiving and restoring, with the rules of a draft. Runs in the caller's transaction.
 */
@Component
class PrinterCatalog {

    private static final String SELECT = "select id, name, model, location, plug_host, plug_port, plug_username, "
            + "plug_password_enc is not null as own_credentials, idle_watts, warmup_minutes, active, notes, "
            + "power_on, power_watts, energy_today_kwh as energyTodayKWh, energy_month_kwh as energyMonthKWh, "
            + "last_contact_at, failures, last_error, archived_at, version from printer ";

    private static final RowMapper<Printer> PRINTER = Rows.mapper(Printer.class);

    private static final Pattern HOST = Pattern.compile(PrinterModel.HOST_PATTERN);

    private final JdbcClient jdbc;

    PrinterCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Printer get(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    Optional<Printer> find(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(PRINTER).optional();
    }

    /** The printer, its row locked until the transaction ends: reservations of one printer one at a time. */
    Printer lock(long id) {
        return jdbc.sql(SELECT + "where id = ? for update")
                .param(id)
                .query(PRINTER)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    List<Printer> list(boolean archived) {
        return jdbc.sql(SELECT + (archived ? "where archived_at is not null" : "where archived_at is null")
                        + " order by name")
                .query(PRINTER)
                .list();
    }

    /** Active printers whose plug is due to be asked. */
    List<Printer> due(Instant now) {
        return jdbc.sql(SELECT + "where archived_at is null and active and (next_poll_at is null or next_poll_at <= ?)")
                .param(Timestamp.from(now))
                .query(PRINTER)
                .list();
    }

    long insert(PrinterDraft d, @Nullable String passwordEnc, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into printer (name, model, location, plug_host, plug_port, plug_username, "
                            + "plug_password_enc, idle_watts, warmup_minutes, active, notes, created_at, updated_at) "
                            + "values (:name, :model, :location, :plugHost, :plugPort, :plugUsername, :passwordEnc, "
                            + ":idleWatts, :warmupMinutes, :active, :notes, :now, :now)")
                    .params(columns(d, passwordEnc, now))
                    .update(key);
        } catch (DuplicateKeyException e) {
            throw nameTaken(d);
        }
        return key.getKey().longValue();
    }

    void update(long id, long expectedVersion, PrinterDraft d, @Nullable String passwordEnc, Instant now) {
        int changed;
        try {
            changed = jdbc.sql("update printer set name = :name, model = :model, location = :location, "
                            + "plug_host = :plugHost, plug_port = :plugPort, plug_username = :plugUsername, "
                            + "plug_password_enc = :passwordEnc, idle_watts = :idleWatts, "
                            + "warmup_minutes = :warmupMinutes, active = :active, notes = :notes, updated_at = :now, "
                            + "version = version + 1 where id = :id and version = :version")
                    .params(columns(d, passwordEnc, now))
                    .param("id", id)
                    .param("version", expectedVersion)
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(d);
        }
        if (changed == 0) {
            throw new ConcurrentChangeException();
        }
    }

    /** The draft's columns as named parameters, shared by insert and update. */
    private static Map<String, @Nullable Object> columns(PrinterDraft d, @Nullable String passwordEnc, Instant now) {
        Map<String, @Nullable Object> columns = new HashMap<>();
        columns.put("name", d.name());
        columns.put("model", d.model());
        columns.put("location", d.location());
        columns.put("plugHost", d.plugHost());
        columns.put("plugPort", d.plugPort());
        columns.put("plugUsername", d.plugUsername());
        columns.put("passwordEnc", passwordEnc);
        columns.put("idleWatts", d.idleWatts());
        columns.put("warmupMinutes", d.warmupMinutes());
        columns.put("active", d.active());
        columns.put("notes", d.notes());
        columns.put("now", Timestamp.from(now));
        return columns;
    }

    @Nullable
    String passwordEnc(long id) {
        return jdbc.sql("select plug_password_enc from printer where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    void archive(long id, Instant now) {
        jdbc.sql("update printer set archived_at = ?, active = false, version = version + 1 where id = ? "
                        + "and archived_at is null")
                .params(Timestamp.from(now), id)
                .update();
    }

    void restore(long id) {
        jdbc.sql("update printer set archived_at = null, version = version + 1 where id = ?")
                .param(id)
                .update();
    }

    /** The draft with blanks as nulls and every field checked; field errors name the draft's field. */
    static PrinterDraft validate(PrinterDraft d, @Nullable Printer existing) {
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw DomainException.invalidField("name", "NAME_REQUIRED", "printer.name.required");
        }
        String host = d.plugHost() == null ? "" : d.plugHost().strip();
        if (host.isEmpty() || !HOST.matcher(host).matches()) {
            throw DomainException.invalidField("plugHost", "INVALID_HOST", "printer.host.invalid");
        }
        if (d.plugPort() < 1 || d.plugPort() > 65535) {
            throw DomainException.invalidField("plugPort", "INVALID_PORT", "printer.port.invalid");
        }
        if (d.idleWatts() < 0 || d.idleWatts() > 5000) {
            throw DomainException.invalidField("idleWatts", "INVALID_IDLE_WATTS", "printer.idleWatts.invalid");
        }
        if (d.warmupMinutes() < 0 || d.warmupMinutes() > 120) {
            throw DomainException.invalidField("warmupMinutes", "INVALID_WARMUP", "printer.warmup.invalid");
        }
        String user = Texts.blankToNull(d.plugUsername());
        String password = d.plugPassword() == null || d.plugPassword().isEmpty() ? null : d.plugPassword();
        boolean keepsPassword = existing != null && existing.ownCredentials() && user != null;
        if (user != null && password == null && !keepsPassword) {
            throw DomainException.invalidField("plugPassword", "PASSWORD_REQUIRED", "printer.credentials.password");
        }
        if (user == null && password != null) {
            throw DomainException.invalidField("plugUsername", "USERNAME_REQUIRED", "printer.credentials.username");
        }
        return new PrinterDraft(
                name,
                Texts.blankToNull(d.model()),
                Texts.blankToNull(d.location()),
                host,
                d.plugPort(),
                user,
                password,
                d.idleWatts(),
                d.warmupMinutes(),
                d.active(),
                Texts.blankToNull(d.notes()));
    }

    private static DomainException nameTaken(PrinterDraft d) {
        return DomainException.conflict("PRINTER_NAME_TAKEN", "printer.nameTaken", d.name())
                .onField("name");
    }

    static DomainException notFound(long id) {
        return DomainException.notFound("PRINTER_NOT_FOUND", "printer.notFound", id);
    }
}
