package de.kontor.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.Set;

/**
 * What it takes to create a user account. Without a password, one is generated and returned once.
 */
public record NewUser(
        @NotBlank
        @Size(max = UserAccount.USERNAME_MAX)
        @Pattern(regexp = UserService.USERNAME_PATTERN, message = "{user.username.pattern}")
        String username,

        @NotBlank @Size(max = UserAccount.DISPLAY_NAME_MAX) String displayName,
        @Nullable @Email @Size(max = UserAccount.EMAIL_MAX) String email,
        @NotEmpty Set<Role> roles,
        @Nullable String password) {}
