package de.kontor.security;

import de.kontor.base.crypto.EncryptedStringConverter;
import de.kontor.base.jpa.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A person who can sign in to Kontor. Never deleted, only disabled, so the audit log stays readable. */
@Entity
@Table(name = "app_user")
public class UserAccount extends VersionedEntity {

    public static final int USERNAME_MAX = 100;
    public static final int DISPLAY_NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;

    @Column(name = "username", nullable = false, updatable = false, length = USERNAME_MAX)
    private String username;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
    private String displayName;

    @Column(name = "email", length = EMAIL_MAX)
    private @Nullable String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 30)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "last_login_at")
    private @Nullable Instant lastLoginAt;

    /** The TOTP key (base32), encrypted at rest; set once enrolment was confirmed with a code. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "totp_secret")
    private @Nullable String totpSecret;

    /** A key handed out for enrolment, waiting for its first code. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "totp_pending")
    private @Nullable String totpPending;

    @Column(name = "totp_enabled_at")
    private @Nullable Instant totpEnabledAt;

    protected UserAccount() {}

    UserAccount(
            String username,
            String displayName,
            @Nullable String email,
            String passwordHash,
            Set<Role> roles,
            Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        created(now);
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public @Nullable String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public @Nullable Instant getLastLoginAt() {
        return lastLoginAt;
    }

    /** Whether sign-in asks this user for a second factor (a TOTP code or a recovery code). */
    public boolean hasTwoFactor() {
        return totpSecret != null;
    }

    public @Nullable Instant getTwoFactorEnabledAt() {
        return totpEnabledAt;
    }

    @Nullable
    String getTotpSecret() {
        return totpSecret;
    }

    @Nullable
    String getTotpPending() {
        return totpPending;
    }

    void startTotpEnrolment(String secret, Instant now) {
        this.totpPending = secret;
        touched(now);
    }

    void confirmTotp(Instant now) {
        this.totpSecret = totpPending;
        this.totpPending = null;
        this.totpEnabledAt = now;
        touched(now);
    }

    void removeTotp(Instant now) {
        this.totpSecret = null;
        this.totpPending = null;
        this.totpEnabledAt = null;
        touched(now);
    }

    void describe(String displayName, @Nullable String email, Instant now) {
        this.displayName = displayName;
        this.email = email;
        touched(now);
    }

    void grantRoles(Set<Role> newRoles, Instant now) {
        this.roles.clear();
        this.roles.addAll(newRoles);
        touched(now);
    }

    void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        touched(now);
    }

    void changePassword(String passwordHash, boolean mustChange, Instant now) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChange;
        touched(now);
    }

    void loggedIn(Instant now) {
        this.lastLoginAt = now;
    }
}
