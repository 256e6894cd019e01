package de.kontor.security.api;

import de.kontor.base.api.PublicEndpoint;
import de.kontor.base.db.DatabaseUnavailable;
import de.kontor.base.error.DomainException;
import de.kontor.security.AddressBlockedException;
import de.kontor.security.ApiSignInDetails;
import de.kontor.security.IssuedToken;
import de.kontor.security.LoginLockedException;
import de.kontor.security.SecondFactorException;
import de.kontor.security.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Exchanges a user name and password for a bearer token. */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Authentication")
class AuthController {

    private final AuthenticationManager authenticationManager;
    private final UserService users;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    AuthController(AuthenticationManager authenticationManager, UserService users) {
        this.authenticationManager = authenticationManager;
        this.users = users;
    }

    record TokenRequest(
            @NotBlank @Size(max = 100) String username,
            @NotBlank @Size(max = 200) String password,
            @Nullable @Size(max = 40) String totp) {}

    record TokenResponse(String token, Instant expiresAt) {}

    @PostMapping("/token")
    @PublicEndpoint
    @Operation(
            summary = "Issue a bearer token",
            description = "Send it as 'Authorization: Bearer <token>'. Accounts with two-factor sign-in send the"
                    + " current code as 'totp' (or a recovery code): without it the answer is 401 TOTP_REQUIRED,"
                    + " with a wrong one 401 TOTP_INVALID. Failed attempts, wrong codes included, count towards"
                    + " the login lock. A token issued with a code counts as a step-up confirmation for ten"
                    + " minutes.")
    TokenResponse token(
            @Valid @RequestBody TokenRequest body, HttpServletRequest request, HttpServletResponse response) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(body.username(), body.password());
        attempt.setDetails(new ApiSignInDetails(details.buildDetails(request).getRemoteAddress(), body.totp()));
        Authentication authenticated;
        try {
            authenticated = authenticationManager.authenticate(attempt);
        } catch (AddressBlockedException e) {
            throw new DomainException(HttpStatus.FORBIDDEN.value(), "ADDRESS_BLOCKED", "login.error.blocked");
        } catch (LoginLockedException e) {
            response.setHeader(
                    HttpHeaders.RETRY_AFTER, Long.toString(e.remaining().toSeconds()));
            throw new DomainException(
                    HttpStatus.TOO_MANY_REQUESTS.value(), "LOGIN_LOCKED", "login.error.locked", e.minutesLeft());
        } catch (SecondFactorException e) {
            throw switch (e.reason()) {
                case REQUIRED ->
                    new DomainException(HttpStatus.UNAUTHORIZED.value(), "TOTP_REQUIRED", "login.error.totpRequired");
                case INVALID ->
                    new DomainException(HttpStatus.UNAUTHORIZED.value(), "TOTP_INVALID", "twoFactor.error.invalid");
                case ENROLMENT_REQUIRED ->
                    new DomainException(
                            HttpStatus.FORBIDDEN.value(), "TOTP_ENROLMENT_REQUIRED", "login.error.totpEnrolment");
            };
        } catch (AuthenticationException e) {
            if (DatabaseUnavailable.isCause(e)) {
                throw e; // 503 "database unavailable": the password was not even checked
            }
            throw new DomainException(
                    HttpStatus.UNAUTHORIZED.value(), "INVALID_CREDENTIALS", "login.error.credentials");
        }
        IssuedToken issued = users.issueSessionToken(authenticated);
        return new TokenResponse(issued.value(), issued.expiresAt());
    }
}
