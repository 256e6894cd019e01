package de.kontor.security.api;

import de.kontor.base.api.SignedIn;
import de.kontor.security.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

/** The caller's own open sessions: web sessions and API tokens; the token asking is marked current. */
@RestController
@RequestMapping("/api/me/sessions")
@SignedIn
@Validated
@Tag(name = "Sessions")
class MeSessionsController {

    private final UserService users;

    MeSessionsController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "My open sessions")
    SessionDto.Page list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return SessionDto.Page.of(users.mySessions(PageRequest.of(page, size)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End one of my sessions", description = "404 SESSION_NOT_FOUND for someone else's.")
    void end(@PathVariable long id) {
        users.endSession(id);
    }

    @PostMapping("/end-others")
    @Operation(
            summary = "Sign out the others",
            description = "Ends every other web session and sign-in token of the caller; named API tokens stay.")
    Map<String, Integer> endOthers() {
        return Map.of("ended", users.endMyOtherSessions());
    }
}
