package de.kontor.security.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.security.SessionQuery;
import de.kontor.security.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Everyone's web sessions and API tokens, on all nodes; admins end them, viewers read. */
@RestController
@RequestMapping("/api/admin")
@AdminOnly
@Validated
@Tag(name = "Sessions")
class SessionAdminController {

    private final UserService users;

    SessionAdminController(UserService users) {
        this.users = users;
    }

    @GetMapping("/sessions")
    @Operation(
            summary = "List sessions",
            description = "Open web sessions (kind UI) and API tokens (kind API), most recently active first; user"
                    + " matches user name or display name; includeEnded lists ended and expired ones too.")
    SessionDto.Page list(
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "UI|API") String kind,
            @RequestParam(defaultValue = "false") boolean includeEnded,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return SessionDto.Page.of(
                users.sessions(new SessionQuery(user, kind, includeEnded), PageRequest.of(page, size)));
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "End a session",
            description = "A web session is signed out within seconds on whichever node it runs; an API token is"
                    + " revoked. 404 SESSION_NOT_FOUND for an unknown id; ending an ended one changes nothing.")
    void end(@PathVariable long id) {
        users.endSession(id);
    }

    @PostMapping("/users/{id}/sessions/end")
    @Operation(summary = "End every session of a user", description = "Web sessions and all their API tokens.")
    Map<String, Integer> endAllOf(@PathVariable long id) {
        return Map.of("ended", users.endSessionsOf(id));
    }
}
