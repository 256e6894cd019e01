package de.kontor.printer;

import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditService;
import de.kontor.base.crypto.SecretCipher;
import de.kontor.base.db.Inserts;
import de.kontor.base.db.Rows;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.printer.PrinterModel.ConnectionTest;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.PrinterModel.PrinterPowerChanged;
import de.kontor.printer.PrinterModel.Reservation;
import de.kontor.printer.PrinterModel.ReservationOverrun;
import de.kontor.printer.PrinterModel.ReservationState;
import de.kontor.printer.PrinterModel.Sample;
import de.kontor.printer.PrinterModel.Slot;
import de.kontor.printer.plug.PlugClient;
import de.kontor.printer.plug.PlugException;
import de.kontor.printer.plug.PlugModel.Address;
import de.kontor.printer.plug.PlugModel.Credentials;
import de.kontor.printer.plug.PlugModel.DeviceInfo;
import de.kontor.printer.plug.PlugModel.EnergyUsage;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Printers and their plugs: the printers admins keep, their plug credentials (encrypted), switching with
 * confirmation, polling the plugs' state, power and energy, and the power samples for charts.
 */
@Service
public class PrinterService {

    static final String MODULE = "printer";
    private static final Logger log = LoggerFactory.getLogger(PrinterService.class);

    private final JdbcTemplate jdbc;
    private final PlugClient plugs;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration sampleRetention;
    private final int parallelPolls;
    private final ExecutorService pollers = Executors.newVirtualThreadPerTaskExecutor();
    private final ReservationJob.Triggers triggers;
    private final TransactionTemplate tx;
    private final Duration maxReservation;
    private final int idleMinutes;
    private final Duration overrunLimit;
    private final Duration recheckInterval;

    PrinterService(
            JdbcTemplate jdbc,
            PlugClient plugs,
            SecretCipher cipher,
            AuditService audit,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${kontor.printer.sample-retention:7d}") Duration sampleRetention,
            @Value("${kontor.printer.parallel-polls:32}") int parallelPolls,
            ReservationJob.Triggers triggers,
            PlatformTransactionManager transactions,
            @Value("${kontor.printer.max-reservation:8h}") Duration maxReservation,
            @Value("${kontor.printer.idle-minutes:3}") int idleMinutes,
            @Value("${kontor.printer.overrun-limit:4h}") Duration overrunLimit,
            @Value("${kontor.printer.recheck-interval:1m}") Duration recheckInterval) {
        this.recheckInterval = recheckInterval;
        this.triggers = triggers;
        this.tx = new TransactionTemplate(transactions);
        this.maxReservation = maxReservation;
        this.idleMinutes = idleMinutes;
        this.overrunLimit = overrunLimit;
        this.jdbc = jdbc;
        this.plugs = plugs;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.sampleRetention = sampleRetention;
        this.parallelPolls = parallelPolls;
    }

    // ---- printers -----------------------------------------------------------------------------------------

    private static final String SELECT = "select id, name, model, location, plug_host, plug_port, plug_username, "
            + "plug_password_enc is not null, idle_watts, warmup_minutes, active, notes, power_on, power_watts, "
            + "energy_today_kwh, energy_month_kwh, last_contact_at, failures, last_error, archived_at, version from printer ";

    private static final RowMapper<Printer> PRINTER = (rs, i) -> new Printer(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getInt(6),
            rs.getString(7),
            rs.getBoolean(8),
            rs.getDouble(9),
            rs.getInt(10),
            rs.getBoolean(11),
            rs.getString(12),
            (Boolean) rs.getObject(13),
            number(rs.getBigDecimal(14)),
            number(rs.getBigDecimal(15)),
            number(rs.getBigDecimal(16)),
            Rows.instant(rs.getTimestamp(17)),
            rs.getInt(18),
            rs.getString(19),
            Rows.instant(rs.getTimestamp(20)),
            rs.getLong(21));

    private static @Nullable Double number(@Nullable BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    public Printer get(long id) {
        return jdbc.query(SELECT + "where id = ?", PRINTER, id).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("PRINTER_NOT_FOUND", "printer.notFound", id));
    }

    /** Printers by name (a workshop has a handful to a few hundred); archived ones only when asked. */
    public List<Printer> printers(boolean archived) {
        return jdbc.query(
                SELECT + (archived ? "where archived_at is not null" : "where archived_at is null") + " order by name",
                PRINTER);
    }

    public Printer create(PrinterDraft draft) {
        PrinterDraft d = validate(draft, null);
        Timestamp now = Timestamp.from(clock.instant());
        try {
            long id = Inserts.returningId(
                    jdbc,
                    "insert into printer (name, model, location, plug_host, plug_port, "
                            + "plug_username, plug_password_enc, idle_watts, warmup_minutes, active, notes, created_at, "
                            + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    d.name(),
                    d.model(),
                    d.location(),
                    d.plugHost(),
                    d.plugPort(),
                    d.plugUsername(),
                    d.plugPassword() == null ? null : cipher.encrypt(d.plugPassword()),
                    d.idleWatts(),
                    d.warmupMinutes(),
                    d.active(),
                    d.notes(),
                    now,
                    now);
            audit.record(MODULE, "Printer", id, "CREATE", "Printer " + d.name() + " added");
            return get(id);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("PRINTER_NAME_TAKEN", "printer.nameTaken", d.name())
                    .onField("name");
        }
    }

    /**
     * Changes a printer; a blank plug password keeps the stored one (it is never shown), unless the user name
     * is cleared too (then the default account is used).
     */
    public Printer update(long id, long expectedVersion, PrinterDraft draft) {
        Printer before = get(id);
        PrinterDraft d = validate(draft, before);
        String passwordEnc;
        if (d.plugUsername() == null) {
            passwordEnc = null;
        } else if (d.plugPassword() != null) {
            passwordEnc = cipher.encrypt(d.plugPassword());
        } else {
            passwordEnc = jdbc.queryForObject("select plug_password_enc from printer where id = ?", String.class, id);
        }
        try {
            int changed = jdbc.update(
                    "update printer set name = ?, model = ?, location = ?, plug_host = ?, plug_port = ?, "
                            + "plug_username = ?, plug_password_enc = ?, idle_watts = ?, warmup_minutes = ?, active = ?, notes = ?, "
                            + "updated_at = ?, version = version + 1 where id = ? and version = ?",
                    d.name(),
                    d.model(),
                    d.location(),
                    d.plugHost(),
                    d.plugPort(),
                    d.plugUsername(),
                    passwordEnc,
                    d.idleWatts(),
                    d.warmupMinutes(),
                    d.active(),
                    d.notes(),
                    Timestamp.from(clock.instant()),
                    id,
                    expectedVersion);
            if (changed == 0) {
                throw new ConcurrentChangeException();
            }
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("PRINTER_NAME_TAKEN", "printer.nameTaken", d.name())
                    .onField("name");
        }
        plugs.forget(new Address(before.plugHost(), before.plugPort()));
        audit.record(MODULE, "Printer", id, "UPDATE", "Printer " + d.name() + " changed");
        return get(id);
    }

    public Printer archive(long id) {
        Printer p = get(id);
        jdbc.update(
                "update printer set archived_at = ?, active = false, version = version + 1 where id = ? "
                        + "and archived_at is null",
                Timestamp.from(clock.instant()),
                id);
        audit.record(MODULE, "Printer", id, "ARCHIVE", "Printer " + p.name() + " archived");
        return get(id);
    }

    public Printer restore(long id) {
        Printer p = get(id);
        jdbc.update("update printer set archived_at = null, version = version + 1 where id = ?", id);
        audit.record(MODULE, "Printer", id, "RESTORE", "Printer " + p.name() + " restored");
        return get(id);
    }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,253})?|\\[?[0-9a-fA-F:]+\\]?");

    private PrinterDraft validate(PrinterDraft d, @Nullable Printer existing) {
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
        String user = blankToNull(d.plugUsername());
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
                blankToNull(d.model()),
                blankToNull(d.location()),
                host,
                d.plugPort(),
                user,
                password,
                d.idleWatts(),
                d.warmupMinutes(),
                d.active(),
                blankToNull(d.notes()));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- credentials ------------------------------------------------------------------------------------

    /** The default Tapo account for plugs without their own (the password is encrypted at rest). */
    public void setDefaultCredentials(String username, String password) {
        if (username == null || username.isBlank()) {
            throw DomainException.invalidField("username", "USERNAME_REQUIRED", "printer.credentials.username");
        }
        if (password == null || password.isEmpty()) {
            throw DomainException.invalidField("password", "PASSWORD_REQUIRED", "printer.credentials.password");
        }
        jdbc.update(
                "update printer_settings set default_username = ?, default_password_enc = ? where id = 1",
                username.strip(),
                cipher.encrypt(password));
        audit.record(MODULE, "Settings", 1L, "UPDATE", "Default Tapo account set to " + username.strip());
    }

    public Optional<String> defaultUsername() {
        return Optional.ofNullable(
                jdbc.queryForObject("select default_username from printer_settings where id = 1", String.class));
    }

    private Credentials credentials(long printerId) {
        var row = jdbc.queryForMap(
                "select p.plug_username, p.plug_password_enc, s.default_username, s.default_password_enc "
                        + "from printer p join printer_settings s on s.id = 1 where p.id = ?",
                printerId);
        if (row.get("plug_username") != null && row.get("plug_password_enc") != null) {
            return new Credentials(
                    (String) row.get("plug_username"), cipher.decrypt((String) row.get("plug_password_enc")));
        }
        if (row.get("default_username") != null && row.get("default_password_enc") != null) {
            return new Credentials(
                    (String) row.get("default_username"), cipher.decrypt((String) row.get("default_password_enc")));
        }
        throw DomainException.conflict("NO_CREDENTIALS", "printer.credentials.none");
    }

    // ---- the plug ---------------------------------------------------------------------------------------

    /**
     * Asks the plug for its state with the draft's address and credentials (or, when editing with an empty
     * password, the stored ones), without saving anything.
     */
    public ConnectionTest testConnection(@Nullable Long printerId, PrinterDraft draft) {
        Credentials credentials;
        if (draft.plugUsername() != null
                && !draft.plugUsername().isBlank()
                && draft.plugPassword() != null
                && !draft.plugPassword().isEmpty()) {
            credentials = new Credentials(draft.plugUsername().strip(), draft.plugPassword());
        } else if (printerId != null) {
            credentials = credentials(printerId);
        } else {
            credentials = defaultCredentials()
                    .orElseThrow(() -> DomainException.conflict("NO_CREDENTIALS", "printer.credentials.none"));
        }
        Address address =
                new Address(draft.plugHost() == null ? "" : draft.plugHost().strip(), draft.plugPort());
        try {
            plugs.forget(address);
            DeviceInfo info = plugs.deviceInfo(address, credentials);
            return new ConnectionTest(true, "OK", info.nickname(), info.model(), info.firmware(), info.on());
        } catch (PlugException e) {
            return new ConnectionTest(false, e.kind().name() + ": " + e.getMessage(), null, null, null, null);
        }
    }

    private Optional<Credentials> defaultCredentials() {
        var row = jdbc.queryForMap("select default_username, default_password_enc from printer_settings where id = 1");
        if (row.get("default_username") == null || row.get("default_password_enc") == null) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(
                (String) row.get("default_username"), cipher.decrypt((String) row.get("default_password_enc"))));
    }

    /** Switches the printer's plug and confirms by reading it back; the state is stored and announced. */
    public Printer power(long id, boolean on, String reason) {
        Printer p = get(id);
        DeviceInfo info;
        try {
            info = plugs.switchPower(new Address(p.plugHost(), p.plugPort()), credentials(id), on);
        } catch (PlugException e) {
            recordFailure(id, e);
            throw new DomainException(
                    e.kind() == PlugException.Kind.UNREACHABLE ? 503 : 502,
                    "PLUG_" + e.kind().name(),
                    "printer.plug." + e.kind().name(),
                    p.name(),
                    e.getMessage());
        }
        jdbc.update(
                "update printer set power_on = ?, power_watts = case when ? then power_watts else 0 end, "
                        + "last_contact_at = ?, failures = 0, next_poll_at = null, last_error = null where id = ?",
                info.on(),
                info.on(),
                Timestamp.from(clock.instant()),
                id);
        audit.record(
                MODULE,
                "Printer",
                id,
                on ? "POWER_ON" : "POWER_OFF",
                "Printer " + p.name() + " switched " + (on ? "on" : "off") + " (" + reason + ")");
        events.publishEvent(new PrinterPowerChanged(id, p.name(), on, reason));
        return get(id);
    }

    /** The plug's current power (W) and energy, read now; null when it cannot be reached. */
    @Nullable
    EnergyUsage readEnergy(long id) {
        Printer p = get(id);
        try {
            return plugs.energyUsage(new Address(p.plugHost(), p.plugPort()), credentials(id));
        } catch (PlugException | DomainException e) {
            return null;
        }
    }

    // ---- polling ---------------------------------------------------------------------------------------------

    /**
     * Reads every active printer's plug that is due (in parallel, at most {@code kontor.printer.parallel-polls}
     * at a time): state, power, energy, last contact; a power sample for the chart. A plug that fails is
     * asked again later and later (back-off up to 10 minutes); after 3 failures in a row it counts as
     * unreachable. Returns the number of plugs asked.
     */
    public int poll() {
        Instant now = clock.instant();
        List<Printer> due = jdbc.query(
                SELECT + "where archived_at is null and active and (next_poll_at is null " + "or next_poll_at <= ?)",
                PRINTER,
                Timestamp.from(now));
        Semaphore bound = new Semaphore(Math.max(1, parallelPolls));
        List<Future<?>> running = new ArrayList<>();
        for (Printer p : due) {
            running.add(pollers.submit(() -> {
                bound.acquireUninterruptibly();
                try {
                    pollOne(p);
                } finally {
                    bound.release();
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                log.warn("Polling a printer failed", e);
            }
        }
        if (!due.isEmpty()) {
            events.publishEvent(new PrinterModel.PrintersPolled(due.size()));
        }
        return due.size();
    }

    private void pollOne(Printer p) {
        Address address = new Address(p.plugHost(), p.plugPort());
        try {
            Credentials credentials = credentials(p.id());
            var status = plugs.status(address, credentials);
            DeviceInfo info = status.info();
            EnergyUsage energy = status.energy();
            Instant now = clock.instant();
            jdbc.update(
                    "update printer set power_on = ?, power_watts = ?, energy_today_kwh = ?, energy_month_kwh = ?, "
                            + "energy_total_wh = ?, last_contact_at = ?, failures = 0, next_poll_at = null, last_error = null "
                            + "where id = ?",
                    info.on(),
                    energy.currentPowerWatts(),
                    energy.todayKWh(),
                    energy.monthKWh(),
                    energy.monthKWh() * 1000,
                    Timestamp.from(now),
                    p.id());
            jdbc.update(
                    "insert ignore into printer_sample (printer_id, sampled_at, watts) values (?, ?, ?)",
                    p.id(),
                    Timestamp.from(now),
                    energy.currentPowerWatts());
            if (p.powerOn() != null && p.powerOn() != info.on()) {
                events.publishEvent(new PrinterPowerChanged(p.id(), p.name(), info.on(), "seen by polling"));
            }
        } catch (PlugException e) {
            recordFailure(p.id(), e);
        } catch (DomainException e) {
            jdbc.update("update printer set last_error = ? where id = ?", "NO_CREDENTIALS", p.id());
        }
    }

    private void recordFailure(long id, PlugException e) {
        int failures = jdbc.queryForObject("select failures from printer where id = ?", Integer.class, id) + 1;
        long backoffSeconds = Math.min(600, 30L << Math.min(failures - 1, 5));
        String error = e.kind().name() + ": " + e.getMessage();
        jdbc.update(
                "update printer set failures = ?, next_poll_at = ?, last_error = ? where id = ?",
                failures,
                Timestamp.from(clock.instant().plusSeconds(backoffSeconds)),
                error.length() > 500 ? error.substring(0, 500) : error,
                id);
    }

    /** Power samples of a printer since {@code since}, oldest first. */
    public List<Sample> samples(long id, Instant since) {
        return jdbc.query(
                "select sampled_at, watts from printer_sample where printer_id = ? and sampled_at >= ? "
                        + "order by sampled_at",
                (rs, i) -> new Sample(rs.getTimestamp(1).toInstant(), rs.getDouble(2)),
                id,
                Timestamp.from(since));
    }

    /** Deletes samples older than the retention; returns how many. */
    public int purgeSamples() {
        return jdbc.update(
                "delete from printer_sample where sampled_at < ?",
                Timestamp.from(clock.instant().minus(sampleRetention)));
    }

    // ---- reservations ----------------------------------------------------------------------------------------

    private static final String RES_SELECT = "select r.id, r.printer_id, p.name, r.username, r.display_name, r.title, "
            + "r.starts_at, r.ends_at, r.state, r.powered_on_at, r.powered_off_at, r.energy_wh, r.version "
            + "from printer_reservation r join printer p on p.id = r.printer_id ";

    private static final RowMapper<Reservation> RESERVATION = (rs, i) -> new Reservation(
            rs.getLong(1),
            rs.getLong(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getTimestamp(7).toInstant(),
            rs.getTimestamp(8).toInstant(),
            ReservationState.valueOf(rs.getString(9)),
            Rows.instant(rs.getTimestamp(10)),
            Rows.instant(rs.getTimestamp(11)),
            number(rs.getBigDecimal(12)),
            rs.getLong(13));

    /** States that hold a printer's time. */
    private static final String HOLDING = "('PLANNED','ACTIVE','OVERRUN')";

    private Reservation loadReservation(long id) {
        return jdbc.query(RES_SELECT + "where r.id = ?", RESERVATION, id).stream()
                .findFirst()
                .orElseThrow(
                        () -> DomainException.notFound("RESERVATION_NOT_FOUND", "printer.reservation.notFound", id));
    }

    /** A reservation, for its owner or an admin (others get "not found", so ids reveal nothing). */
    public Reservation reservation(long id) {
        Reservation r = loadReservation(id);
        if (!CurrentUser.hasRole("ADMIN")
                && !r.username().equals(CurrentUser.username().orElse(""))) {
            throw DomainException.notFound("RESERVATION_NOT_FOUND", "printer.reservation.notFound", id);
        }
        return r;
    }

    /**
     * The signed-in user reserves a printer from {@code start} to {@code end}: not in the past, not longer than
     * {@code kontor.printer.max-reservation}, not overlapping another reservation of that printer (checked
     * under the printer's row lock, so two members cannot take the same slot).
     */
    public Reservation reserve(long printerId, Instant start, Instant end, String title) {
        String username = CurrentUser.username()
                .orElseThrow(() -> new DomainException(401, "NOT_SIGNED_IN", "printer.reservation.signIn"));
        return reserveFor(username, CurrentUser.displayName().orElse(username), printerId, start, end, title);
    }

    /** A reservation in someone's name (demo data). */
    Reservation reserveFor(
            String username, String displayName, long printerId, Instant start, Instant end, String title) {
        String text = title == null ? "" : title.strip();
        if (text.isEmpty() || text.length() > 200) {
            throw DomainException.invalidField("title", "TITLE_REQUIRED", "printer.reservation.title");
        }
        Instant now = clock.instant();
        if (start.isBefore(now.minusSeconds(60))) {
            throw DomainException.invalidField("start", "START_IN_PAST", "printer.reservation.past");
        }
        if (!end.isAfter(start)) {
            throw DomainException.invalidField("end", "END_BEFORE_START", "printer.reservation.endBeforeStart");
        }
        if (Duration.between(start, end).compareTo(maxReservation) > 0) {
            throw DomainException.invalidField(
                    "end", "TOO_LONG", "printer.reservation.tooLong", maxReservation.toHours());
        }
        long id = tx.execute(status -> {
            Printer p = lockPrinter(printerId);
            if (!p.active() || p.archivedAt() != null) {
                throw DomainException.conflict("PRINTER_INACTIVE", "printer.reservation.inactive", p.name());
            }
            checkFree(printerId, start, end, null);
            Timestamp ts = Timestamp.from(now);
            long created = Inserts.returningId(
                    jdbc,
                    "insert into printer_reservation (printer_id, username, display_name, "
                            + "title, starts_at, ends_at, state, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)",
                    printerId,
                    username,
                    displayName,
                    text,
                    Timestamp.from(start),
                    Timestamp.from(end),
                    ts,
                    ts);
            audit.record(
                    MODULE,
                    "Reservation",
                    created,
                    "CREATE",
                    "Printer " + p.name() + " reserved by " + username + " from " + start + " to " + end);
            return created;
        });
        Printer p = get(printerId);
        Instant powerOn = start.minus(Duration.ofMinutes(p.warmupMinutes()));
        triggers.schedule(id, "start", powerOn.isBefore(now) ? now : powerOn);
        triggers.schedule(id, "end", end);
        return loadReservation(id);
    }

    private Printer lockPrinter(long printerId) {
        return jdbc.query(SELECT + "where id = ? for update", PRINTER, printerId).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("PRINTER_NOT_FOUND", "printer.notFound", printerId));
    }

    private void checkFree(long printerId, Instant start, Instant end, @Nullable Long except) {
        List<Reservation> clashes = jdbc.query(
                RES_SELECT + "where r.printer_id = ? and r.state in " + HOLDING
                        + " and r.starts_at < ? and r.ends_at > ? and r.id <> ?",
                RESERVATION,
                printerId,
                Timestamp.from(end),
                Timestamp.from(start),
                except == null ? -1L : except);
        if (!clashes.isEmpty()) {
            Reservation c = clashes.get(0);
            throw DomainException.conflict("SLOT_TAKEN", "printer.reservation.taken", c.startsAt(), c.endsAt())
                    .onField("start");
        }
    }

    private Reservation own(long id) {
        Reservation r = reservation(id);
        if (r.state() == ReservationState.DONE || r.state() == ReservationState.CANCELLED) {
            throw DomainException.conflict("RESERVATION_OVER", "printer.reservation.over");
        }
        return r;
    }

    /** Makes the reservation longer, if the time after it is free. */
    public Reservation extend(long id, int minutes) {
        if (minutes < 1 || minutes > maxReservation.toMinutes()) {
            throw DomainException.invalidField(
                    "minutes", "INVALID_MINUTES", "printer.reservation.minutes", maxReservation.toMinutes());
        }
        Reservation r = own(id);
        Instant newEnd = r.endsAt().plus(Duration.ofMinutes(minutes));
        if (Duration.between(r.startsAt(), newEnd).compareTo(maxReservation) > 0) {
            throw DomainException.invalidField(
                    "minutes", "TOO_LONG", "printer.reservation.tooLong", maxReservation.toHours());
        }
        tx.executeWithoutResult(status -> {
            lockPrinter(r.printerId());
            checkFree(r.printerId(), r.endsAt(), newEnd, r.id());
            jdbc.update(
                    "update printer_reservation set ends_at = ?, state = case when state = 'OVERRUN' then 'ACTIVE' "
                            + "else state end, updated_at = ?, version = version + 1 where id = ?",
                    Timestamp.from(newEnd),
                    Timestamp.from(clock.instant()),
                    id);
            audit.record(
                    MODULE, "Reservation", id, "EXTEND", "Reservation #" + id + " extended by " + minutes + " min");
        });
        triggers.schedule(id, "end", newEnd);
        return loadReservation(id);
    }

    /** Ends the reservation now; the power goes off by the usual rule (not while the printer still prints). */
    public Reservation finish(long id) {
        Reservation r = own(id);
        Instant now = clock.instant();
        if (r.state() == ReservationState.PLANNED && r.startsAt().isAfter(now)) {
            return cancel(id);
        }
        jdbc.update(
                "update printer_reservation set ends_at = ?, updated_at = ?, version = version + 1 where id = ?",
                Timestamp.from(now.isBefore(r.endsAt()) ? now : r.endsAt()),
                Timestamp.from(now),
                id);
        audit.record(MODULE, "Reservation", id, "FINISH", "Reservation #" + id + " finished early");
        endReservation(id);
        return loadReservation(id);
    }

    /** Cancels a reservation that has not started; one that has started is finished instead. */
    public Reservation cancel(long id) {
        Reservation r = own(id);
        if (r.state() != ReservationState.PLANNED) {
            return finish(id);
        }
        jdbc.update(
                "update printer_reservation set state = 'CANCELLED', updated_at = ?, version = version + 1 where id = ?",
                Timestamp.from(clock.instant()),
                id);
        triggers.unschedule(id, "start");
        triggers.unschedule(id, "end");
        audit.record(MODULE, "Reservation", id, "CANCEL", "Reservation #" + id + " cancelled");
        return loadReservation(id);
    }

    /**
     * The slots of a printer that overlap {@code [from, to)}: everyone sees that a slot is taken, only its owner
     * and admins see its title and who took it.
     */
    public List<Slot> slots(long printerId, Instant from, Instant to) {
        String me = CurrentUser.username().orElse("");
        boolean admin = CurrentUser.hasRole("ADMIN");
        return jdbc
                .query(
                        RES_SELECT + "where r.printer_id = ? and r.state <> 'CANCELLED' and r.starts_at < ? "
                                + "and r.ends_at > ? order by r.starts_at",
                        RESERVATION,
                        printerId,
                        Timestamp.from(to),
                        Timestamp.from(from))
                .stream()
                .map(r -> {
                    boolean mine = r.username().equals(me);
                    return new Slot(
                            r.id(),
                            r.printerId(),
                            r.startsAt(),
                            r.endsAt(),
                            r.state(),
                            mine,
                            mine || admin ? r.title() : null,
                            mine || admin ? r.displayName() : null);
                })
                .toList();
    }

    /** The signed-in user's reservations, newest first. */
    public List<Reservation> myReservations(int limit) {
        return jdbc.query(
                RES_SELECT + "where r.username = ? order by r.starts_at desc limit ?",
                RESERVATION,
                CurrentUser.username().orElse(""),
                limit);
    }

    /** All reservations overlapping a period (admins). */
    public List<Reservation> reservationsBetween(Instant from, Instant to) {
        return jdbc.query(
                RES_SELECT + "where r.starts_at < ? and r.ends_at > ? order by r.starts_at",
                RESERVATION,
                Timestamp.from(to),
                Timestamp.from(from));
    }

    /** Quartz, at start − warm-up: power on and note the plug's energy counter. */
    void startReservation(long id) {
        Reservation r = loadReservation(id);
        if (r.state() != ReservationState.PLANNED) {
            return;
        }
        Instant now = clock.instant();
        if (!r.endsAt().isAfter(now)) {
            // missed completely while Kontor was down: nothing to power any more
            jdbc.update(
                    "update printer_reservation set state = 'DONE', updated_at = ? where id = ?",
                    Timestamp.from(now),
                    id);
            return;
        }
        power(r.printerId(), true, "reservation #" + id);
        EnergyUsage energy = readEnergy(r.printerId());
        jdbc.update(
                "update printer_reservation set state = 'ACTIVE', powered_on_at = ?, energy_start_wh = ?, "
                        + "updated_at = ?, version = version + 1 where id = ?",
                Timestamp.from(now),
                energy == null ? null : energy.monthKWh() * 1000,
                Timestamp.from(now),
                id);
    }

    /**
     * Quartz, at the end (and every minute after while the printer still prints): the power goes off once it
     * has stayed below the idle threshold for {@code kontor.printer.idle-minutes}; while the printer draws more,
     * the reservation is "overrun", the member and the admins are told, and the check repeats every minute up
     * to {@code kontor.printer.overrun-limit}. If the next reservation's warm-up has begun, the power stays on.
     */
    void endReservation(long id) {
        Reservation r = loadReservation(id);
        Instant now = clock.instant();
        if (r.state() == ReservationState.PLANNED) {
            jdbc.update(
                    "update printer_reservation set state = 'DONE', updated_at = ? where id = ?",
                    Timestamp.from(now),
                    id);
            triggers.unschedule(id, "start");
            return;
        }
        if (r.state() != ReservationState.ACTIVE && r.state() != ReservationState.OVERRUN) {
            return;
        }
        if (r.endsAt().isAfter(now)) {
            triggers.schedule(id, "end", r.endsAt()); // extended meanwhile
            return;
        }
        Printer p = get(r.printerId());
        boolean nextStarting = !jdbc.query(
                        RES_SELECT + "where r.printer_id = ? and r.state = 'PLANNED' and r.id <> ? "
                                + "and r.starts_at <= ?",
                        RESERVATION,
                        p.id(),
                        id,
                        Timestamp.from(
                                now.plus(Duration.ofMinutes(p.warmupMinutes())).plusSeconds(60)))
                .isEmpty();
        EnergyUsage energy = readEnergy(p.id());
        if (nextStarting) {
            close(r, energy, false, "next reservation starts");
            return;
        }
        if (energy == null) {
            recheck(r, now, "the plug cannot be read");
            return;
        }
        if (energy.currentPowerWatts() >= p.idleWatts()) {
            jdbc.update(
                    "update printer_reservation set idle_since = null, last_busy_at = ? where id = ?",
                    Timestamp.from(now),
                    id);
            if (r.state() == ReservationState.ACTIVE) {
                jdbc.update(
                        "update printer_reservation set state = 'OVERRUN', updated_at = ?, version = version + 1 "
                                + "where id = ?",
                        Timestamp.from(now),
                        id);
                audit.record(
                        MODULE,
                        "Reservation",
                        id,
                        "OVERRUN",
                        "Printer " + p.name() + " still draws " + energy.currentPowerWatts() + " W after reservation #"
                                + id + " ended; power stays on");
                events.publishEvent(
                        new ReservationOverrun(id, p.id(), p.name(), r.username(), energy.currentPowerWatts()));
            }
            recheck(r, now, "still printing");
            return;
        }
        Timestamp idleSince =
                jdbc.queryForObject("select idle_since from printer_reservation where id = ?", Timestamp.class, id);
        Instant since = idleSince != null ? idleSince.toInstant() : idleStart(p, r, now);
        Timestamp lastBusy =
                jdbc.queryForObject("select last_busy_at from printer_reservation where id = ?", Timestamp.class, id);
        if (lastBusy != null && lastBusy.toInstant().isAfter(since)) {
            since = lastBusy.toInstant();
        }
        if (idleSince == null) {
            jdbc.update("update printer_reservation set idle_since = ? where id = ?", Timestamp.from(since), id);
        }
        Instant offAt = since.plus(Duration.ofMinutes(idleMinutes));
        if (!offAt.isAfter(now)) {
            close(r, energy, true, "idle");
        } else {
            triggers.schedule(id, "end", offAt);
        }
    }

    /** Since when the printer has drawn less than its idle threshold, from the power samples. */
    private Instant idleStart(Printer p, Reservation r, Instant now) {
        Timestamp lastBusy = jdbc.queryForObject(
                "select max(sampled_at) from printer_sample where printer_id = ? "
                        + "and sampled_at <= ? and watts >= ?",
                Timestamp.class,
                p.id(),
                Timestamp.from(now),
                p.idleWatts());
        Instant started = r.poweredOnAt() != null ? r.poweredOnAt() : r.startsAt();
        if (lastBusy == null || lastBusy.toInstant().isBefore(started)) {
            return started;
        }
        return lastBusy.toInstant();
    }

    private void recheck(Reservation r, Instant now, String why) {
        int checks = jdbc.queryForObject(
                "select overrun_checks from printer_reservation where id = ?", Integer.class, r.id());
        if (recheckInterval.multipliedBy(checks).compareTo(overrunLimit) >= 0) {
            // never cut a print: after the limit the power stays on and admins decide
            close(r, null, false, "overrun limit reached (" + why + ")");
            return;
        }
        jdbc.update("update printer_reservation set overrun_checks = overrun_checks + 1 where id = ?", r.id());
        triggers.schedule(r.id(), "end", now.plus(recheckInterval));
    }

    private void close(Reservation r, @Nullable EnergyUsage energy, boolean powerOff, String why) {
        Instant now = clock.instant();
        if (powerOff) {
            power(r.printerId(), false, "reservation #" + r.id() + " ended (" + why + ")");
        }
        EnergyUsage end = energy != null ? energy : readEnergy(r.printerId());
        Double startWh = jdbc.queryForObject(
                "select energy_start_wh from printer_reservation where id = ?", Double.class, r.id());
        Double used = null;
        if (end != null && startWh != null) {
            double endWh = end.monthKWh() * 1000;
            used = endWh >= startWh ? endWh - startWh : endWh; // the month counter starts again on the 1st
        }
        jdbc.update(
                "update printer_reservation set state = 'DONE', powered_off_at = ?, energy_wh = ?, updated_at = ?, "
                        + "version = version + 1 where id = ?",
                powerOff ? Timestamp.from(now) : null,
                used,
                Timestamp.from(now),
                r.id());
        audit.record(
                MODULE,
                "Reservation",
                r.id(),
                "END",
                "Reservation #" + r.id() + " ended: " + why + (powerOff ? ", power off" : ", power left on"));
    }

    /**
     * After a restart: printers that are on although no reservation holds them (and none starts within its
     * warm-up) are switched off — unless they still draw power. Returns how many were switched off.
     */
    public int reconcile() {
        int off = 0;
        Instant now = clock.instant();
        for (Printer p : printers(false)) {
            if (!p.active()) {
                continue;
            }
            boolean held = !jdbc.query(
                            RES_SELECT + "where r.printer_id = ? and (r.state in ('ACTIVE','OVERRUN') or "
                                    + "(r.state = 'PLANNED' and r.starts_at <= ? and r.ends_at > ?))",
                            RESERVATION,
                            p.id(),
                            Timestamp.from(now.plus(Duration.ofMinutes(p.warmupMinutes()))),
                            Timestamp.from(now))
                    .isEmpty();
            if (held) {
                continue;
            }
            EnergyUsage energy = readEnergy(p.id());
            DeviceInfo info;
            try {
                info = plugs.deviceInfo(new Address(p.plugHost(), p.plugPort()), credentials(p.id()));
            } catch (PlugException | DomainException e) {
                continue;
            }
            if (info.on() && energy != null && energy.currentPowerWatts() < p.idleWatts()) {
                power(p.id(), false, "reconciled after restart");
                off++;
            }
        }
        return off;
    }

    // ---- scheduler and statistics ----------------------------------------------------------------------------

    /** Whether the printers' scheduling runs: Quartz on this node, printer triggers not paused. */
    public record SchedulerStatus(boolean schedulerRunning, boolean paused, int reservationTriggers) {}

    public SchedulerStatus schedulerStatus() {
        var s = triggers.status();
        return new SchedulerStatus(s.schedulerRunning(), s.paused(), s.reservationTriggers());
    }

    /** Pauses (or resumes) polling and reservation switching, e.g. during maintenance of the plugs. */
    public SchedulerStatus pauseScheduling(boolean paused) {
        triggers.pause(paused);
        audit.record(
                MODULE,
                "Scheduler",
                null,
                paused ? "PAUSE" : "RESUME",
                "Printer scheduling " + (paused ? "paused" : "resumed"));
        return schedulerStatus();
    }

    /** Printers, reservations and energy in numbers. */
    public record Stats(
            int printers,
            int printersOn,
            int unreachable,
            long reservationsPlanned,
            long reservationsActive,
            long reservationsDoneThisMonth,
            double energyTodayKWh,
            double energyMonthKWh,
            double reservedEnergyThisMonthKWh) {}

    public Stats stats() {
        List<Printer> all = printers(false);
        Instant monthStart = LocalDate.now(clock)
                .withDayOfMonth(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return new Stats(
                all.size(),
                (int) all.stream()
                        .filter(p -> p.state() == PrinterModel.PlugState.ON)
                        .count(),
                (int) all.stream()
                        .filter(p -> p.state() == PrinterModel.PlugState.UNREACHABLE)
                        .count(),
                jdbc.queryForObject("select count(*) from printer_reservation where state = 'PLANNED'", Long.class),
                jdbc.queryForObject(
                        "select count(*) from printer_reservation where state in ('ACTIVE','OVERRUN')", Long.class),
                jdbc.queryForObject(
                        "select count(*) from printer_reservation where state = 'DONE' and ends_at >= ?",
                        Long.class,
                        Timestamp.from(monthStart)),
                all.stream()
                        .mapToDouble(p -> p.energyTodayKWh() == null ? 0 : p.energyTodayKWh())
                        .sum(),
                all.stream()
                        .mapToDouble(p -> p.energyMonthKWh() == null ? 0 : p.energyMonthKWh())
                        .sum(),
                jdbc.queryForObject(
                                "select coalesce(sum(energy_wh), 0) from printer_reservation where ends_at >= ?",
                                Double.class,
                                Timestamp.from(monthStart))
                        / 1000);
    }

    @PreDestroy
    void stop() {
        pollers.shutdownNow();
    }
}
