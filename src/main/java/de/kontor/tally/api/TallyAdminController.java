package de.kontor.tally.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.base.error.DomainException;
import de.kontor.tally.TallyModel;
import de.kontor.tally.TallyModel.ApiKeyInfo;
import de.kontor.tally.TallyModel.ApiUserInfo;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.IssuedKey;
import de.kontor.tally.TallyModel.NewPerson;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.PersonUpdate;
import de.kontor.tally.TallyModel.Scope;
import de.kontor.tally.TallyModel.Settings;
import de.kontor.tally.TallyModel.Token;
import de.kontor.tally.TallyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Tally administration for scripts and other systems (ADMIN bearer token); errors as problem+json. */
@RestController
@RequestMapping("/api/admin/tally")
@AdminOnly
@Validated
@Tag(name = "Tally admin")
class TallyAdminController {

    private final TallyService tally;

    TallyAdminController(TallyService tally) {
        this.tally = tally;
    }

    record PersonDto(
            long id,
            String code,
            String firstName,
            String lastName,
            @Nullable String email,
            @Nullable String comment,
            boolean locked,
            long balance,
            boolean admin,
            boolean notifyBooking,
            boolean notifyZero,
            boolean notifyThreshold,
            @Nullable Integer reminderThreshold,
            @Nullable Integer responsibleThreshold,
            boolean archived,
            Instant createdAt,
            long version) {
        static PersonDto of(PersonDetails p) {
            return new PersonDto(
                    p.id(),
                    p.code(),
                    p.firstName(),
                    p.lastName(),
                    p.email(),
                    p.comment(),
                    p.locked(),
                    p.balance(),
                    p.admin(),
                    p.notifyBooking(),
                    p.notifyZero(),
                    p.notifyThreshold(),
                    p.reminderThreshold(),
                    p.responsibleThreshold(),
                    p.archivedAt() != null,
                    p.createdAt(),
                    p.version());
        }
    }

    record PersonRow(long id, String code, String firstName, String lastName, long balance, boolean locked) {}

    record PersonPage(List<PersonRow> items, int page, int size, long total, long totalBalance, boolean hasNext) {}

    record PersonBody(
            @Nullable String code,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String email,
            @Nullable String password,
            @Nullable String comment,
            @Nullable Integer reminderThreshold,
            @Nullable Integer responsibleThreshold,
            @Nullable Boolean notifyBooking,
            @Nullable Boolean notifyZero,
            @Nullable Boolean notifyThreshold,
            @Nullable Boolean locked,
            @Nullable Boolean admin,
            @Nullable Long version) {}

    record BookingBody(@Nullable Long amount, @Nullable String description) {}

    record EntryPage(List<Entry> items, int page, int size, long total, boolean hasNext) {}

    record TokenBody(@Nullable String name, @Nullable String token) {}

    record ApiUserBody(@Nullable String name) {}

    record KeyBody(@Nullable String scope) {}

    record ApiUserDto(
            long id,
            String name,
            Instant createdAt,
            @Nullable Instant lastUsedAt,
            List<ApiKeyInfo> keys) {}

    // ---- persons ----------------------------------------------------------------------------------------

    @GetMapping("/persons")
    @Operation(
            summary = "Persons with balances",
            description =
                    "q searches code, names and e-mail; status active "
                            + "(default) or archived; sort like name,asc or balance,desc. totalBalance is the sum of all active balances.")
    PersonPage persons(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "active") String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        boolean archived = switch (status) {
            case "active" -> false;
            case "archived" -> true;
            default -> throw DomainException.invalidField("status", "INVALID_STATUS", "tally.api.status", status);
        };
        String search = q == null ? "" : q;
        Slice<TallyModel.PersonBalance> slice =
                tally.findPersons(search, archived, PageRequest.of(page, size, sort(sort)));
        return new PersonPage(
                slice.getContent().stream()
                        .map(p -> new PersonRow(p.id(), p.code(), p.firstName(), p.lastName(), p.balance(), p.locked()))
                        .toList(),
                page,
                size,
                tally.countPersons(search, archived),
                tally.totalBalance(),
                slice.hasNext());
    }

    private static Sort sort(@Nullable List<String> sort) {
        if (sort == null || sort.isEmpty()) {
            return Sort.by("name");
        }
        String property = sort.get(0);
        boolean desc = sort.size() > 1 && sort.get(1).equalsIgnoreCase("desc");
        if (property.contains(",")) {
            String[] parts = property.split(",");
            property = parts[0];
            desc = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
        }
        if (!List.of("name", "code", "balance", "email").contains(property)) {
            throw DomainException.invalidField("sort", "INVALID_SORT", "tally.api.sort", property);
        }
        return Sort.by(desc ? Sort.Direction.DESC : Sort.Direction.ASC, property);
    }

    @GetMapping("/persons/{id}")
    PersonDto person(@PathVariable long id) {
        return PersonDto.of(tally.details(id));
    }

    @PostMapping("/persons")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a person",
            description = "code (10 digits) is generated when missing; the person "
                    + "gets a Kontor account with role MEMBER (user name = code).")
    PersonDto create(@RequestBody PersonBody body) {
        PersonDetails created = tally.createPerson(new NewPerson(
                body.code(), text(body.firstName()), text(body.lastName()), body.email(), body.password()));
        if (hasDetails(body)) {
            created = tally.updatePerson(created.id(), created.version(), update(body, created));
        }
        return PersonDto.of(created);
    }

    private static boolean hasDetails(PersonBody body) {
        return body.comment() != null
                || body.reminderThreshold() != null
                || body.responsibleThreshold() != null
                || body.notifyBooking() != null
                || body.notifyZero() != null
                || body.notifyThreshold() != null;
    }

    @PutMapping("/persons/{id}")
    @Operation(
            summary = "Change a person",
            description = "Send the version you read (409 if changed since); "
                    + "fields left out keep their value. locked and admin switch the lock and the ADMIN role.")
    PersonDto update(@PathVariable long id, @RequestBody PersonBody body) {
        if (body.version() == null) {
            throw DomainException.invalidField("version", "VERSION_REQUIRED", "customer.error.versionRequired");
        }
        PersonDetails current = tally.details(id);
        PersonDetails updated = tally.updatePerson(id, body.version(), update(body, current));
        if (body.locked() != null && body.locked() != updated.locked()) {
            updated = tally.setLocked(id, body.locked());
        }
        if (body.admin() != null && body.admin() != updated.admin()) {
            updated = tally.setAdmin(id, body.admin());
        }
        return PersonDto.of(updated);
    }

    private static PersonUpdate update(PersonBody b, PersonDetails p) {
        return new PersonUpdate(
                b.firstName() != null ? b.firstName() : p.firstName(),
                b.lastName() != null ? b.lastName() : p.lastName(),
                b.email() != null ? b.email() : p.email(),
                b.comment() != null ? b.comment() : p.comment(),
                b.reminderThreshold() != null ? b.reminderThreshold() : p.reminderThreshold(),
                b.responsibleThreshold() != null ? b.responsibleThreshold() : p.responsibleThreshold(),
                b.notifyBooking() != null ? b.notifyBooking() : p.notifyBooking(),
                b.notifyZero() != null ? b.notifyZero() : p.notifyZero(),
                b.notifyThreshold() != null ? b.notifyThreshold() : p.notifyThreshold());
    }

    @PostMapping("/persons/{id}/lock")
    PersonDto lock(@PathVariable long id) {
        return PersonDto.of(tally.setLocked(id, true));
    }

    @PostMapping("/persons/{id}/unlock")
    PersonDto unlock(@PathVariable long id) {
        return PersonDto.of(tally.setLocked(id, false));
    }

    @DeleteMapping("/persons/{id}")
    @Operation(
            summary = "Archive a person",
            description = "The ledger is kept and the account disabled; "
                    + "POST /persons/{id}/restore brings the person back.")
    PersonDto archive(@PathVariable long id) {
        return PersonDto.of(tally.archivePerson(id));
    }

    @PostMapping("/persons/{id}/restore")
    PersonDto restore(@PathVariable long id) {
        return PersonDto.of(tally.restorePerson(id));
    }

    // ---- bookings and tokens ------------------------------------------------------------------------------

    @GetMapping("/persons/{id}/bookings")
    @Operation(summary = "A person's active ledger, newest first")
    EntryPage bookings(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        tally.details(id);
        Slice<Entry> slice = tally.ledger(id, PageRequest.of(page, size));
        return new EntryPage(slice.getContent(), page, size, tally.ledgerCount(id), slice.hasNext());
    }

    @PostMapping("/persons/{id}/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Book a deposit or correction",
            description = "{\"amount\": 20, \"description\": \"Einzahlung\"}; any whole amount except 0, "
                    + "at most kontor.tally.max-amount either way (400 AMOUNT_OUT_OF_RANGE).")
    PersonDto book(@PathVariable long id, @RequestBody BookingBody body) {
        if (body.amount() == null) {
            throw DomainException.invalidField("amount", "INVALID_AMOUNT", "tally.booking.amount");
        }
        tally.addBooking(id, body.amount(), body.description());
        return PersonDto.of(tally.details(id));
    }

    @PostMapping("/persons/{id}/bookings/{entryId}/reversal")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Reverse a booking (Storno)",
            description = "Books the exact opposite amount, linked to the booking (reversesId; the booking then "
                    + "shows reversedById); nothing is deleted. 409 ALREADY_REVERSED for a booking reversed before, "
                    + "409 REVERSAL_NOT_REVERSIBLE for a reversal. Answers with the reversal.")
    Entry reverse(@PathVariable long id, @PathVariable long entryId) {
        return tally.reverseBooking(id, entryId);
    }

    @GetMapping("/persons/{id}/tokens")
    List<Token> tokens(@PathVariable long id) {
        tally.details(id);
        return tally.tokens(id);
    }

    @PostMapping("/persons/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Register an NFC token",
            description = "{\"name\": \"Karte\", \"token\": \"04:A2:2B:1C\"}; hex "
                    + "with or without spaces or colons, 1 to 20 bytes; 409 if it belongs to someone.")
    Token addToken(@PathVariable long id, @RequestBody TokenBody body) {
        tally.details(id);
        long tokenId = tally.addToken(id, text(body.name()), body.token());
        return tally.tokens(id).stream()
                .filter(t -> t.id() == tokenId)
                .findFirst()
                .orElseThrow();
    }

    @DeleteMapping("/persons/{id}/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteToken(@PathVariable long id, @PathVariable long tokenId) {
        tally.deleteToken(id, tokenId);
    }

    // ---- API users -----------------------------------------------------------------------------------------

    @GetMapping("/api-users")
    List<ApiUserDto> apiUsers() {
        return tally.apiUsers().stream().map(this::dto).toList();
    }

    private ApiUserDto dto(ApiUserInfo u) {
        return new ApiUserDto(u.id(), u.name(), u.createdAt(), u.lastUsedAt(), tally.apiKeys(u.id()));
    }

    @PostMapping("/api-users")
    @ResponseStatus(HttpStatus.CREATED)
    ApiUserDto createApiUser(@RequestBody ApiUserBody body) {
        long id = tally.createApiUser(text(body.name()));
        return tally.apiUsers().stream()
                .filter(u -> u.id() == id)
                .map(this::dto)
                .findFirst()
                .orElseThrow();
    }

    @DeleteMapping("/api-users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an API user and all its keys")
    void deleteApiUser(@PathVariable long id) {
        tally.deleteApiUser(id);
    }

    @PostMapping("/api-users/{id}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Generate a key",
            description = "{\"scope\": \"book\"} or \"manage\". The value is in this "
                    + "answer only; Kontor keeps its SHA-256.")
    IssuedKey generateKey(@PathVariable long id, @RequestBody(required = false) @Nullable KeyBody body) {
        String scope = body == null || body.scope() == null ? "book" : body.scope();
        Scope parsed;
        try {
            parsed = Scope.valueOf(scope.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("scope", "INVALID_SCOPE", "tally.apiKey.scope", scope);
        }
        return tally.generateKey(id, parsed);
    }

    @DeleteMapping("/api-users/{id}/keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteKey(@PathVariable long id, @PathVariable long keyId) {
        tally.deleteApiKey(id, keyId);
    }

    // ---- settings --------------------------------------------------------------------------------------------

    @GetMapping("/settings")
    Settings settings() {
        return tally.settings();
    }

    @PutMapping("/settings")
    @Operation(
            summary = "Change the settings",
            description = "bookingAmount (negative whole number), currency, "
                    + "responsibleEmail, selfRegistration, privacyNotice; fields left out keep their value.")
    Settings updateSettings(@RequestBody SettingsBody body) {
        Settings s = tally.settings();
        return tally.updateSettings(new Settings(
                body.bookingAmount() != null ? body.bookingAmount() : s.bookingAmount(),
                body.currency() != null ? body.currency() : s.currency(),
                body.responsibleEmail() != null ? body.responsibleEmail() : s.responsibleEmail(),
                body.selfRegistration() != null ? body.selfRegistration() : s.selfRegistration(),
                body.privacyNotice() != null ? body.privacyNotice() : s.privacyNotice()));
    }

    record SettingsBody(
            @Nullable Integer bookingAmount,
            @Nullable String currency,
            @Nullable String responsibleEmail,
            @Nullable Boolean selfRegistration,
            @Nullable String privacyNotice) {}

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }
}
