package de.kontor.security.api;

import de.kontor.base.api.SignedIn;
import de.kontor.base.error.DomainException;
import de.kontor.security.Role;
import de.kontor.security.UserAccount;
import de.kontor.security.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Who the bearer token belongs to. */
@RestController
@RequestMapping("/api/auth/me")
@SignedIn
@Tag(name = "Authentication")
class MeController {

    private final UserService users;

    MeController(UserService users) {
        this.users = users;
    }

    record Me(String username, String displayName, @Nullable String email, Set<Role> roles) {}

    @GetMapping
    @Operation(summary = "The signed-in user")
    Me me() {
        UserAccount me =
                users.current().orElseThrow(() -> DomainException.notFound("USER_NOT_FOUND", "user.error.notFound"));
        return new Me(me.getUsername(), me.getDisplayName(), me.getEmail(), me.getRoles());
    }
}
