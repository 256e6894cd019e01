package de.kontor.base.prefs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

@Entity
@Table(name = "user_preference")
class UserPreference {

    @Id
    @Column(name = "username", length = 100)
    private String username;

    @Column(name = "locale", length = 20)
    private @Nullable String locale;

    @Column(name = "color_scheme", length = 20)
    private @Nullable String colorScheme;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserPreference() {}

    UserPreference(String username, Instant now) {
        this.username = username;
        this.updatedAt = now;
    }

    @Nullable
    String getLocale() {
        return locale;
    }

    void setLocale(@Nullable String locale, Instant now) {
        this.locale = locale;
        this.updatedAt = now;
    }

    @Nullable
    String getColorScheme() {
        return colorScheme;
    }

    void setColorScheme(@Nullable String colorScheme, Instant now) {
        this.colorScheme = colorScheme;
        this.updatedAt = now;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof UserPreference other && username != null && username.equals(other.username));
    }

    @Override
    public int hashCode() {
        return UserPreference.class.hashCode();
    }
}
