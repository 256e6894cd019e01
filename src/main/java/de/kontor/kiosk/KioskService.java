package de.kontor.kiosk;

import de.kontor.base.Texts;
import de.kontor.base.audit.AuditService;
import de.kontor.base.crypto.Hashes;
import de.kontor.base.crypto.SecretCipher;
import de.kontor.base.crypto.Tokens;
import de.kontor.base.db.Rows;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.kiosk.KioskModel.Board;
import de.kontor.kiosk.KioskModel.BoardState;
import de.kontor.kiosk.KioskModel.IssuedToken;
import de.kontor.kiosk.KioskModel.Kiosk;
import de.kontor.kiosk.KioskModel.KioskDraft;
import de.kontor.kiosk.KioskModel.KioskPaired;
import de.kontor.kiosk.KioskModel.PrinterCard;
import de.kontor.kiosk.KioskModel.Privacy;
import de.kontor.printer.PrinterModel.PlugState;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.Reservation;
import de.kontor.printer.PrinterModel.ReservationState;
import de.kontor.printer.PrinterService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Kiosk displays: registration with an unguessable device token (stored as SHA-256), pairing of a waiting
 * screen by a short code, deactivation and token rotation, last seen; and the board they show, built from
 * the printers and their reservations. Every change is one transaction with its audit entry; pairing and
 * picking up a token lock the pairing row they decide on.
 */
@Service
public class KioskService {

    static final String MODULE = "kiosk";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O, 1/I/L: codes are read off a screen and typed. */
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private static final Duration PAIRING_VALIDITY = Duration.ofMinutes(15);
    /** Reserved within this time: "reserved soon". */
    private static final Duration SOON = Duration.ofMinutes(60);

    private final JdbcClient jdbc;
    private final PrinterService printers;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    KioskService(
            JdbcClient jdbc,
            PrinterService printers,
            SecretCipher cipher,
            AuditService audit,
            ApplicationEventPublisher events,
            Clock clock,
            ZoneId zone) {
        this.jdbc = jdbc;
        this.printers = printers;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    private static final String SELECT =
            "select id, name, location, privacy, announcement, screen_on_from, screen_on_until, "
                    + "token_prefix, active, last_seen_at, browser, screen_size, version from kiosk_device ";

    private static final RowMapper<Kiosk> KIOSK = Rows.mapper(Kiosk.class);

    /** A screen waiting to be paired, as stored. */
    record Pairing(
            String code,
            Instant expiresAt,
            @Nullable Long kioskId,
            @Nullable String tokenEnc) {}

    private static final RowMapper<Pairing> PAIRING = Rows.mapper(Pairing.class);

    @Transactional(readOnly = true)
    public List<Kiosk> kiosks() {
        return jdbc.sql(SELECT + "where archived_at is null order by name")
                .query(KIOSK)
                .list();
    }

    @Transactional(readOnly = true)
    public Kiosk get(long id) {
        return jdbc.sql(SELECT + "where id = ? and archived_at is null")
                .param(id)
                .query(KIOSK)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    /** The kiosk, its row locked until the transaction ends. */
    private Kiosk lock(long id) {
        return jdbc.sql(SELECT + "where id = ? and archived_at is null for update")
                .param(id)
                .query(KIOSK)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("KIOSK_NOT_FOUND", "kiosk.notFound", id);
    }

    /** A kiosk with its first device token (shown once). */
    @Transactional
    public IssuedToken create(KioskDraft draft) {
        KioskDraft d = validate(draft);
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into kiosk_device (name, location, privacy, announcement, screen_on_from, screen_on_until, "
                        + "created_at, updated_at) values (:name, :location, :privacy, :announcement, :screenOnFrom, "
                        + ":screenOnUntil, :now, :now)")
                .params(columns(d, now))
                .update(key);
        long id = key.getKey().longValue();
        audit.record(MODULE, "Kiosk", id, "CREATE", "Kiosk " + d.name() + " registered");
        return newToken(lock(id));
    }

    /** The draft's columns as named parameters, shared by create and update. */
    private static Map<String, @Nullable Object> columns(KioskDraft d, Timestamp now) {
        Map<String, @Nullable Object> columns = new HashMap<>();
        columns.put("name", d.name());
        columns.put("location", d.location());
        columns.put("privacy", d.privacy().name());
        columns.put("announcement", d.announcement());
        columns.put("screenOnFrom", sqlTime(d.screenOnFrom()));
        columns.put("screenOnUntil", sqlTime(d.screenOnUntil()));
        columns.put("now", now);
        return columns;
    }

    @Transactional
    public Kiosk update(long id, long expectedVersion, KioskDraft draft) {
        KioskDraft d = validate(draft);
        int changed = jdbc.sql("update kiosk_device set name = :name, location = :location, privacy = :privacy, "
                        + "announcement = :announcement, screen_on_from = :screenOnFrom, "
                        + "screen_on_until = :screenOnUntil, updated_at = :now, version = version + 1 "
                        + "where id = :id and version = :version and archived_at is null")
                .params(columns(d, Timestamp.from(clock.instant())))
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            get(id);
            throw new ConcurrentChangeException();
        }
        audit.record(MODULE, "Kiosk", id, "UPDATE", "Kiosk " + d.name() + " changed");
        events.publishEvent(new KioskModel.BoardChanged(id));
        return get(id);
    }

    private static @Nullable Time sqlTime(@Nullable LocalTime t) {
        return t == null ? null : Time.valueOf(t);
    }

    private static KioskDraft validate(KioskDraft d) {
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw DomainException.invalidField("name", "NAME_REQUIRED", "kiosk.name.required");
        }
        String announcement = d.announcement() == null || d.announcement().isBlank()
                ? null
                : d.announcement().strip();
        if (announcement != null && announcement.length() > 500) {
            throw DomainException.invalidField(
                    "announcement", "ANNOUNCEMENT_TOO_LONG", "kiosk.announcement.tooLong", 500);
        }
        if ((d.screenOnFrom() == null) != (d.screenOnUntil() == null)) {
            throw DomainException.invalidField(
                    d.screenOnFrom() == null ? "screenOnFrom" : "screenOnUntil",
                    "SCREEN_HOURS_INCOMPLETE",
                    "kiosk.screenHours.incomplete");
        }
        String location = d.location() == null || d.location().isBlank()
                ? null
                : d.location().strip();
        return new KioskDraft(
                name,
                location,
                d.privacy() == null ? Privacy.NONE : d.privacy(),
                announcement,
                d.screenOnFrom(),
                d.screenOnUntil());
    }

    /** A new device token; the old one stops working at once. */
    @Transactional
    public IssuedToken rotateToken(long id) {
        return newToken(lock(id));
    }

    private IssuedToken newToken(Kiosk k) {
        String token = Tokens.random(32);
        jdbc.sql("update kiosk_device set token_hash = ?, token_prefix = ?, updated_at = ?, version = version + 1 "
                        + "where id = ?")
                .params(Hashes.sha256Hex(token), token.substring(0, 6), Timestamp.from(clock.instant()), k.id())
                .update();
        audit.record(MODULE, "Kiosk", k.id(), "ROTATE_TOKEN", "Device token of kiosk " + k.name() + " replaced");
        events.publishEvent(new KioskModel.BoardChanged(k.id()));
        return new IssuedToken(k.id(), token);
    }

    /** Deactivated kiosks show "deactivated" instead of the board; reactivating brings the board back. */
    @Transactional
    public Kiosk setActive(long id, boolean active) {
        Kiosk k = lock(id);
        jdbc.sql("update kiosk_device set active = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(active, Timestamp.from(clock.instant()), id)
                .update();
        audit.record(
                MODULE,
                "Kiosk",
                id,
                active ? "ACTIVATE" : "DEACTIVATE",
                "Kiosk " + k.name() + (active ? " activated" : " deactivated"));
        events.publishEvent(new KioskModel.BoardChanged(id));
        return get(id);
    }

    /** Removes a kiosk from the list (kept for the audit trail); its token stops working. */
    @Transactional
    public void archive(long id) {
        Kiosk k = lock(id);
        jdbc.sql("update kiosk_device set archived_at = ?, token_hash = null, active = false where id = ?")
                .params(Timestamp.from(clock.instant()), id)
                .update();
        audit.record(MODULE, "Kiosk", id, "ARCHIVE", "Kiosk " + k.name() + " removed");
        events.publishEvent(new KioskModel.BoardChanged(id));
    }

    /** The kiosk a device token belongs to (active or not); empty for unknown or replaced tokens. */
    @Transactional(readOnly = true)
    public Optional<Kiosk> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + "where token_hash = ? and archived_at is null")
                .param(Hashes.sha256Hex(token))
                .query(KIOSK)
                .optional();
    }

    /** The screen is connected: last seen now, with its browser and screen size. */
    @Transactional
    public void seen(long id, @Nullable String browser, @Nullable String screenSize) {
        jdbc.sql("update kiosk_device set last_seen_at = ?, browser = coalesce(?, browser), "
                        + "screen_size = coalesce(?, screen_size) where id = ?")
                .params(
                        Timestamp.from(clock.instant()),
                        browser == null ? null : Texts.atMost(browser, 200),
                        screenSize == null ? null : Texts.atMost(screenSize, 40),
                        id)
                .update();
    }

    // ---- pairing --------------------------------------------------------------------------------------

    /** A code for a screen that has no token yet; valid for 15 minutes. */
    @Transactional
    public String startPairing() {
        Instant now = clock.instant();
        jdbc.sql("delete from kiosk_pairing where expires_at < ?")
                .param(Timestamp.from(now))
                .update();
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
            }
            try {
                jdbc.sql("insert into kiosk_pairing (code, created_at, expires_at) values (?, ?, ?)")
                        .params(code.toString(), Timestamp.from(now), Timestamp.from(now.plus(PAIRING_VALIDITY)))
                        .update();
                return code.toString();
            } catch (DuplicateKeyException taken) {
                // try another (only this statement failed; the transaction goes on)
            }
        }
        throw new IllegalStateException("No free pairing code");
    }

    /**
     * An admin enters the code a screen shows: that screen becomes this kiosk (with a new token). The pairing
     * row is locked, so a code is paired once even if two admins enter it at the same time.
     */
    @Transactional
    public Kiosk pair(String code, long kioskId) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        Pairing open = jdbc.sql("select code, expires_at, kiosk_id, token_enc from kiosk_pairing where code = ? "
                        + "for update")
                .param(c)
                .query(PAIRING)
                .optional()
                .filter(p -> p.kioskId() == null && !p.expiresAt().isBefore(clock.instant()))
                .orElseThrow(
                        () -> DomainException.invalidField("code", "PAIRING_CODE_UNKNOWN", "kiosk.pairing.unknown"));
        IssuedToken token = newToken(lock(kioskId));
        jdbc.sql("update kiosk_pairing set kiosk_id = ?, token_enc = ? where code = ?")
                .params(kioskId, cipher.encrypt(token.token()), open.code())
                .update();
        audit.record(MODULE, "Kiosk", kioskId, "PAIR", "Screen with code " + c + " paired");
        events.publishEvent(new KioskPaired(c));
        return get(kioskId);
    }

    /**
     * The waiting screen fetches its token once the code is paired — once: the row is locked and deleted, so
     * of two requests with the same code only one gets the token.
     */
    @Transactional
    public Optional<String> pickUp(String code) {
        Optional<Pairing> paired = jdbc.sql("select code, expires_at, kiosk_id, token_enc from kiosk_pairing "
                        + "where code = ? and token_enc is not null for update")
                .param(code)
                .query(PAIRING)
                .optional();
        if (paired.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("delete from kiosk_pairing where code = ?").param(code).update();
        return Optional.of(cipher.decrypt(paired.get().tokenEnc()));
    }

    // ---- the board --------------------------------------------------------------------------------------

    /** What the kiosk shows now. */
    @Transactional(readOnly = true)
    public Board board(Kiosk kiosk) {
        Instant now = clock.instant();
        List<Printer> all = printers.printers(false);
        List<Reservation> reservations =
                printers.reservationsBetween(now.minus(Duration.ofHours(12)), now.plus(Duration.ofDays(2)));
        List<PrinterCard> cards = new ArrayList<>();
        for (Printer p : all) {
            List<Reservation> mine = reservations.stream()
                    .filter(r -> r.printerId() == p.id()
                            && r.state() != ReservationState.CANCELLED
                            && r.state() != ReservationState.DONE)
                    .sorted(Comparator.comparing(Reservation::startsAt))
                    .toList();
            Reservation current = mine.stream()
                    .filter(r -> r.state() == ReservationState.ACTIVE
                            || r.state() == ReservationState.OVERRUN
                            || (!r.startsAt().isAfter(now) && r.endsAt().isAfter(now)))
                    .findFirst()
                    .orElse(null);
            Reservation next = mine.stream()
                    .filter(r -> r.startsAt().isAfter(now) && r != current)
                    .findFirst()
                    .orElse(null);
            BoardState state;
            if (!p.active()) {
                state = BoardState.MAINTENANCE;
            } else if (p.state() == PlugState.UNREACHABLE) {
                state = BoardState.OFFLINE;
            } else if (current != null
                    || (Boolean.TRUE.equals(p.powerOn())
                            && p.powerWatts() != null
                            && p.powerWatts() >= p.idleWatts())) {
                state = BoardState.PRINTING;
            } else if (next != null && next.startsAt().isBefore(now.plus(SOON))) {
                state = BoardState.RESERVED_SOON;
            } else {
                state = BoardState.FREE;
            }
            Double progress = null;
            if (current != null) {
                double total =
                        Duration.between(current.startsAt(), current.endsAt()).toSeconds();
                double done = Duration.between(current.startsAt(), now).toSeconds();
                progress = total <= 0 ? 1.0 : Math.max(0, Math.min(1, done / total));
            }
            cards.add(new PrinterCard(
                    p.id(),
                    p.name(),
                    p.location(),
                    state,
                    p.powerWatts(),
                    current == null ? null : current.endsAt(),
                    progress,
                    current == null ? null : who(current, kiosk.privacy()),
                    next == null ? null : next.startsAt(),
                    next == null ? null : who(next, kiosk.privacy())));
        }
        return new Board(kiosk.name(), kiosk.announcement(), cards, now, screenOn(kiosk, now));
    }

    private static @Nullable String who(Reservation r, Privacy privacy) {
        if (privacy != Privacy.FIRST_NAMES) {
            return null;
        }
        String name = r.displayName().strip();
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) : name;
    }

    /** Within the screen-on hours (none set: always); hours may span midnight (e.g. 07:00–01:00). */
    boolean screenOn(Kiosk kiosk, Instant now) {
        if (kiosk.screenOnFrom() == null || kiosk.screenOnUntil() == null) {
            return true;
        }
        LocalTime t = now.atZone(zone).toLocalTime();
        LocalTime from = kiosk.screenOnFrom();
        LocalTime until = kiosk.screenOnUntil();
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }
}
