package de.kontor.security.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.security.CreatedUser;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserAccount;
import de.kontor.security.UserQuery;
import de.kontor.security.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * User accounts for admins, with the same rules as the Users view (password policy, unique names, the last
 * admin stays, a viewer has no other role). Viewers may read.
 */
@RestController
@RequestMapping("/api/admin/users")
@AdminOnly
@Validated
@Tag(name = "Users")
class UserAdminController {

    private final UserService users;

    UserAdminController(UserService users) {
        this.users = users;
    }

    record UserDto(
            long id,
            String username,
            String displayName,
            @Nullable String email,
            Set<Role> roles,
            boolean enabled,
            boolean twoFactor,
            boolean mustChangePassword,
            @Nullable Instant lastLoginAt,
            long version) {
        static UserDto of(UserAccount u) {
            return new UserDto(
                    u.getId(),
                    u.getUsername(),
                    u.getDisplayName(),
                    u.getEmail(),
                    u.getRoles(),
                    u.isEnabled(),
                    u.hasTwoFactor(),
                    u.isMustChangePassword(),
                    u.getLastLoginAt(),
                    u.getVersion());
        }
    }

    /** A created user; {@code generatedPassword} only when none was given (shown once). */
    record Created(UserDto user, @Nullable String generatedPassword) {}

    record UserPage(List<UserDto> items, int page, int size, long total, boolean hasNext) {}

    record UserUpdate(
            @NotBlank @Size(max = UserAccount.DISPLAY_NAME_MAX)
            String displayName,

            @Nullable @Size(max = UserAccount.EMAIL_MAX) String email,
            @NotEmpty Set<Role> roles,
            @Nullable Long version) {}

    @GetMapping
    @Operation(summary = "List users", description = "q searches user name, display name and e-mail.")
    UserPage list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Role role,
            @RequestParam(defaultValue = "true") boolean includeDisabled,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        UserQuery query = new UserQuery(q, role, includeDisabled);
        Slice<UserAccount> slice = users.find(query, PageRequest.of(page, size, Sort.by("username")));
        return new UserPage(slice.map(UserDto::of).getContent(), page, size, users.count(query), slice.hasNext());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user")
    UserDto get(@PathVariable long id) {
        return UserDto.of(users.get(id));
    }

    @PostMapping
    @Operation(
            summary = "Create a user",
            description = "Without a password Kontor generates one (returned once; it must be changed at the first"
                    + " sign-in). A given password must meet the password policy.")
    ResponseEntity<Created> create(@Valid @RequestBody NewUser body) {
        CreatedUser created = users.createUser(body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.account().getId())
                        .toUri())
                .body(new Created(UserDto.of(created.account()), created.generatedPassword()));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Change a user",
            description = "Display name, e-mail and roles; send the version you read to detect concurrent changes.")
    UserDto update(@PathVariable long id, @Valid @RequestBody UserUpdate body) {
        long version = body.version() != null ? body.version() : users.get(id).getVersion();
        return UserDto.of(users.updateUser(id, version, body.displayName(), body.email(), body.roles()));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a user", description = "Their API tokens stop working at once.")
    UserDto disable(@PathVariable long id) {
        return UserDto.of(users.setEnabled(id, false));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a user")
    UserDto enable(@PathVariable long id) {
        return UserDto.of(users.setEnabled(id, true));
    }

    @DeleteMapping("/{id}/totp")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Reset a user's two-factor sign-in",
            description = "Needs a step-up: a token obtained with a TOTP code within the last ten minutes"
                    + " (else 403 STEP_UP_REQUIRED).")
    void resetTotp(@PathVariable long id) {
        users.resetTotp(id);
    }
}
