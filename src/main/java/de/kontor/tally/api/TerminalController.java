package de.kontor.tally.api;

import de.kontor.base.api.PublicEndpoint;
import de.kontor.base.db.DatabaseUnavailable;
import de.kontor.base.error.DomainException;
import de.kontor.tally.TallyModel.ApiClient;
import de.kontor.tally.TallyModel.Blocked;
import de.kontor.tally.TallyModel.Booked;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.InvalidAmount;
import de.kontor.tally.TallyModel.Locked;
import de.kontor.tally.TallyModel.NfcOutcome;
import de.kontor.tally.TallyModel.PersonBalance;
import de.kontor.tally.TallyModel.QrOutcome;
import de.kontor.tally.TallyModel.UnknownToken;
import de.kontor.tally.TallyService;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The terminal API of the FVH NFC/QR client, exactly as {@code docs/tally-terminal-api.md} (the
 * compatibility contract): German messages, {@code saldo} as a string of a whole number, RFC 1123 times.
 * Requests with an {@code Idempotency-Key} are carried out at most once.
 */
@RestController
@RequestMapping("${kontor.tally.api.base-path}")
@PublicEndpoint // authenticated by TerminalKeyFilter with the API user's key
@Hidden
class TerminalController {

    private static final Logger log = LoggerFactory.getLogger(TerminalController.class);
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final TallyService tally;
    private final Idempotency idempotency;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final String version;

    TerminalController(
            TallyService tally, Idempotency idempotency, JdbcTemplate jdbc, JsonMapper json, MessageSource messages) {
        this.tally = tally;
        this.messages = messages;
        this.idempotency = idempotency;
        this.jdbc = jdbc;
        this.json = json;
        String v = TerminalController.class.getPackage().getImplementationVersion();
        this.version = v == null ? "dev" : v;
    }

    // ---- health, version, lookups --------------------------------------------------------------------------

    @GetMapping("/health")
    ResponseEntity<String> health() {
        return answer(200, Map.of("message", "Healthcheck OK!"));
    }

    @GetMapping("/health-protected")
    ResponseEntity<String> healthProtected(HttpServletRequest request) {
        ApiClient client = client(request);
        try {
            jdbc.queryForObject("select 1", Integer.class);
        } catch (RuntimeException e) {
            log.warn("Tally health check: database unreachable ({})", e.toString());
            return answer(500, Map.of("error", "Datenbankverbindung fehlgeschlagen."));
        }
        return answer(
                200,
                Map.of(
                        "message",
                        "Healthcheck OK! Authentifizierter API-Benutzer ID " + client.userId() + " ("
                                + client.userName() + ")."));
    }

    @GetMapping("/version")
    ResponseEntity<String> version() {
        return answer(200, Map.of("version", version));
    }

    @GetMapping("/users")
    ResponseEntity<String> users() {
        return answer(
                200,
                tally.persons().stream()
                        .map(p -> ordered("code", p.code(), "nachname", p.lastName(), "vorname", p.firstName()))
                        .toList());
    }

    @GetMapping("/person/{code}")
    ResponseEntity<String> person(@PathVariable String code) {
        return tally.person(code)
                .map(p -> answer(
                        200,
                        ordered(
                                "nachname",
                                p.lastName(),
                                "vorname",
                                p.firstName(),
                                "saldo",
                                Long.toString(p.balance()))))
                .orElseGet(() -> answer(404, Map.of("error", "Person nicht gefunden.")));
    }

    @GetMapping("/person/existent/{code}")
    ResponseEntity<String> exists(@PathVariable String code) {
        return tally.person(code)
                .map(p -> answer(200, ordered("nachname", p.lastName(), "vorname", p.firstName())))
                .orElseGet(() -> answer(404, Map.of("error", "Person nicht gefunden.")));
    }

    @GetMapping("/saldo-alle")
    ResponseEntity<String> balances() {
        return answer(
                200,
                tally.balances().stream()
                        .map(p -> ordered(
                                "id",
                                p.id(),
                                "nachname",
                                p.lastName(),
                                "vorname",
                                p.firstName(),
                                "saldo",
                                Long.toString(p.balance())))
                        .toList());
    }

    @GetMapping("/transaktionen")
    ResponseEntity<String> entries() {
        List<Entry> entries = tally.entries(Integer.MAX_VALUE);
        return answer(
                200,
                entries.stream()
                        .map(e -> ordered(
                                "id",
                                e.id(),
                                "beschreibung",
                                e.description(),
                                "nachname",
                                e.lastName(),
                                "vorname",
                                e.firstName(),
                                "timestamp",
                                RFC_1123.format(e.bookedAt())))
                        .toList());
    }

    // ---- bookings ------------------------------------------------------------------------------------------------

    @PutMapping(value = "/nfc-transaktion", consumes = JSON)
    ResponseEntity<String> nfc(
            @RequestBody(required = false) @Nullable Map<String, Object> body,
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            HttpServletRequest request) {
        ApiClient client = client(request);
        String token = text(body, "token");
        String description = text(body, "beschreibung");
        if (token == null || description == null) {
            return answer(400, Map.of("error", "Ungültige Anfrage. Token und Beschreibung sind erforderlich."));
        }
        return once(client, idempotencyKey, request, body, () -> {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(token.strip());
            } catch (IllegalArgumentException notBase64) {
                bytes = null;
            }
            if (bytes == null || bytes.length == 0 || bytes.length > 20) {
                return stored(404, Map.of("error", UNKNOWN_TOKEN));
            }
            NfcOutcome outcome = tally.bookNfc(bytes, description, client);
            return switch (outcome) {
                case UnknownToken u -> stored(404, Map.of("error", UNKNOWN_TOKEN));
                case Locked l ->
                    stored(
                            403,
                            Map.of(
                                    "error",
                                    "Grüße " + l.firstName()
                                            + ", leider ist dein Benutzer gesperrt. Bitte wende dich an einen Verantwortlichen!"));
                case InvalidAmount a -> stored(400, Map.of("error", invalidAmount(a)));
                case Blocked b ->
                    stored(
                            200,
                            ordered(
                                    "action",
                                    "block",
                                    "message",
                                    "Hey " + b.firstName()
                                            + ", dein Guthaben beträgt " + b.balance() + " " + b.currency()
                                            + " und unterschreitet das Limit. Bitte lade dein Konto wieder auf."));
                case Booked b -> stored(200, ordered("message", booked(b), "saldo", Long.toString(b.balance())));
            };
        });
    }

    private static final String UNKNOWN_TOKEN =
            "Dieser Token wurde noch nicht registriert. Die Verantwortlichen wurden per E-Mail informiert.";

    /** The contract's answer text after a booking. */
    private static String booked(Booked b) {
        return "Prost " + b.firstName() + "! Dein aktueller Kontostand beträgt: " + b.balance() + " " + b.currency()
                + ".";
    }

    private static String invalidAmount(InvalidAmount a) {
        return "Der eingestellte Buchungsbetrag " + a.amount() + " ist ungültig: Er muss eine negative ganze Zahl "
                + "von -1 bis -" + a.maxAmount() + " sein. Bitte wende dich an einen Verantwortlichen.";
    }

    @PutMapping(value = "/person/{code}/transaktion", consumes = JSON)
    ResponseEntity<String> qr(
            @PathVariable String code,
            @RequestBody(required = false) @Nullable Map<String, Object> body,
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            HttpServletRequest request) {
        ApiClient client = client(request);
        String description = text(body, "beschreibung");
        if (description == null) {
            return answer(400, Map.of("error", "Ungültige Anfrage. Beschreibung ist erforderlich."));
        }
        return once(client, idempotencyKey, request, body, () -> {
            QrOutcome outcome = tally.bookQr(code, description, client);
            return switch (outcome) {
                case UnknownToken u -> stored(404, Map.of("error", "Person mit Code " + code + " nicht gefunden."));
                case Locked l ->
                    stored(
                            200,
                            ordered(
                                    "action",
                                    "locked",
                                    "message",
                                    "Grüße " + l.firstName()
                                            + ", leider ist dein Benutzer gesperrt. Bitte melde dich bei einem Verantwortlichen."));
                case InvalidAmount a -> stored(400, Map.of("error", invalidAmount(a)));
                case Booked b ->
                    stored(
                            200,
                            ordered(
                                    "message",
                                    booked(b),
                                    "saldo",
                                    Long.toString(b.balance()),
                                    "vorname",
                                    b.firstName()));
            };
        });
    }

    // ---- administration (manage scope) ------------------------------------------------------------------------

    @DeleteMapping("/transaktionen")
    ResponseEntity<String> resetAll(HttpServletRequest request) {
        ApiClient client = client(request);
        if (!client.mayManage()) {
            return forbidden();
        }
        tally.resetLedger(null, "api:" + client.userName());
        return answer(200, Map.of("message", "Alle Transaktionen wurden gelöscht."));
    }

    @PostMapping(value = "/person", consumes = JSON)
    ResponseEntity<String> createPerson(
            @RequestBody(required = false) @Nullable Map<String, Object> body, HttpServletRequest request) {
        ApiClient client = client(request);
        if (!client.mayManage()) {
            return forbidden();
        }
        if (body == null
                || !body.containsKey("code")
                || !body.containsKey("nachname")
                || !body.containsKey("vorname")
                || body.get("code") == null
                || body.get("nachname") == null
                || body.get("vorname") == null) {
            return answer(
                    400,
                    Map.of("error", "Ungültige oder unvollständige Daten. Code, Nachname, Vorname sind erforderlich."));
        }
        String code = String.valueOf(body.get("code")).strip();
        if (!code.matches(TallyService.CODE_PATTERN)) {
            return answer(400, Map.of("error", "Der Code muss ein 10-stelliger Zahlencode sein."));
        }
        String last = String.valueOf(body.get("nachname"));
        String first = String.valueOf(body.get("vorname"));
        if (last.isBlank() || first.isBlank()) {
            return answer(400, Map.of("error", "Vorname und Nachname dürfen nicht leer sein."));
        }
        try {
            tally.createPerson(code, last, first, text(body, "password"));
        } catch (DomainException e) {
            if ("CODE_TAKEN".equals(e.code())) {
                return answer(409, Map.of("error", "Eine Person mit Code " + code + " existiert bereits."));
            }
            return answer(
                    400, Map.of("error", "Das Passwort erfüllt die Anforderungen nicht (mindestens 10 Zeichen)."));
        } catch (ConstraintViolationException e) {
            return answer(
                    400,
                    Map.of("error", "Ungültige oder unvollständige Daten. Code, Nachname, Vorname sind erforderlich."));
        }
        return answer(200, Map.of("message", "Person mit Code " + code + " erfolgreich hinzugefügt."));
    }

    @DeleteMapping("/person/{code}")
    ResponseEntity<String> deletePerson(@PathVariable String code, HttpServletRequest request) {
        if (!client(request).mayManage()) {
            return forbidden();
        }
        if (!tally.archivePerson(code)) {
            return answer(404, Map.of("error", "Person mit diesem Code nicht gefunden."));
        }
        return answer(200, Map.of("message", "Person mit Code " + code + " erfolgreich gelöscht."));
    }

    @DeleteMapping("/person/transaktionen/{code}")
    ResponseEntity<String> resetPerson(@PathVariable String code, HttpServletRequest request) {
        ApiClient client = client(request);
        if (!client.mayManage()) {
            return forbidden();
        }
        PersonBalance person = tally.person(code).orElse(null);
        if (person == null) {
            return answer(404, Map.of("error", "Person mit diesem Code nicht gefunden."));
        }
        tally.resetLedger(person.id(), "api:" + client.userName());
        return answer(200, Map.of("message", "Transaktionen erfolgreich gelöscht."));
    }

    // ---- errors ---------------------------------------------------------------------------------------------------

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<String> notJson() {
        return answer(415, Map.of("error", "Der Inhalt muss JSON sein (Content-Type: application/json)."));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable() {
        return answer(400, Map.of("error", "Ungültige Anfrage. Der Inhalt ist kein gültiges JSON."));
    }

    /** A rule said no (e.g. a balance would leave its range): the contract's error shape, in German. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<String> refused(DomainException e) {
        String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), Locale.GERMAN);
        return answer(e.status(), ordered("error", message, "code", e.code()));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failure(RuntimeException e) {
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("Tally terminal request failed: database unavailable ({})", e.toString());
        } else {
            log.error("Tally terminal request failed", e);
        }
        return answer(500, Map.of("error", "Fehler bei der Transaktionsverarbeitung."));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private ResponseEntity<String> forbidden() {
        return answer(
                403,
                Map.of("error", "Dieser API-Schlüssel darf das nicht: Dafür ist die Berechtigung „manage“ nötig."));
    }

    /**
     * Carries out the booking at most once per {@code Idempotency-Key} (when the terminal sends one): a repeat of
     * the same request gets the first answer, the same key with another request 422, a key longer than
     * {@value Idempotency#MAX_KEY_LENGTH} characters 400.
     */
    private ResponseEntity<String> once(
            ApiClient client,
            @Nullable String idempotencyKey,
            HttpServletRequest request,
            @Nullable Map<String, Object> body,
            Supplier<Answer> work) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return send(work.get());
        }
        String key = idempotencyKey.strip();
        if (key.length() > Idempotency.MAX_KEY_LENGTH) {
            return answer(
                    400,
                    ordered(
                            "error",
                            "Der Idempotency-Key ist zu lang: höchstens " + Idempotency.MAX_KEY_LENGTH + " Zeichen.",
                            "code",
                            "IDEMPOTENCY_KEY_TOO_LONG"));
        }
        // the body as parsed, with its fields in one order: the same request whatever the field order
        String canonical = body == null ? "" : json.writeValueAsString(new TreeMap<>(body));
        String hash = Idempotency.requestHash(request.getMethod(), request.getRequestURI(), canonical);
        return switch (idempotency.once(client.keyId(), key, hash, work)) {
            case Idempotency.Done done -> send(done.answer());
            case Idempotency.Reused reused ->
                answer(
                        422,
                        ordered(
                                "error",
                                "Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet.",
                                "code",
                                "IDEMPOTENCY_KEY_REUSED"));
        };
    }

    private static ResponseEntity<String> send(Answer answer) {
        return ResponseEntity.status(answer.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer.body());
    }

    private Answer stored(int status, Object body) {
        return new Answer(status, json.writeValueAsString(body));
    }

    private ResponseEntity<String> answer(int status, Object body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(body));
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static @Nullable String text(@Nullable Map<String, Object> body, String field) {
        Object value = body == null ? null : body.get(field);
        return value == null || String.valueOf(value).isEmpty() ? null : String.valueOf(value);
    }

    private static ApiClient client(HttpServletRequest request) {
        return (ApiClient) request.getAttribute(TerminalKeyFilter.CLIENT);
    }
}
