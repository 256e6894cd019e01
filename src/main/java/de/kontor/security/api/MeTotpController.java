package de.kontor.security.api;

import de.kontor.base.api.SignedIn;
import de.kontor.security.TotpEnrolment;
import de.kontor.security.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The caller's own two-factor sign-in: enrol, confirm, switch off. */
@RestController
@RequestMapping("/api/me/totp")
@SignedIn
@Tag(name = "Authentication")
class MeTotpController {

    private final UserService users;

    MeTotpController(UserService users) {
        this.users = users;
    }

    record Enrolment(String secret, String otpauthUri) {}

    record Confirmation(@NotBlank @Size(max = 40) String code) {}

    record RecoveryCodes(List<String> recoveryCodes) {}

    record Removal(
            @NotBlank @Size(max = 200) String password,
            @NotBlank @Size(max = 40) String code) {}

    @PostMapping
    @Operation(
            summary = "Start two-factor enrolment",
            description = "A new key, as text and as an otpauth:// address for a QR code; confirm it with a code.")
    Enrolment start() {
        TotpEnrolment enrolment = users.startTotpEnrolment();
        return new Enrolment(enrolment.secret(), enrolment.otpauthUri());
    }

    @PostMapping("/confirm")
    @Operation(
            summary = "Confirm two-factor enrolment",
            description = "With a current code of the new key: switches two-factor sign-in on and returns ten"
                    + " one-time recovery codes (shown only now).")
    RecoveryCodes confirm(@Valid @RequestBody Confirmation body) {
        return new RecoveryCodes(users.confirmTotpEnrolment(body.code()));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Switch two-factor sign-in off", description = "With the password and a current code.")
    void remove(@Valid @RequestBody Removal body) {
        users.disableOwnTotp(body.password(), body.code());
    }
}
