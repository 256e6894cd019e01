package de.kontor.license;

import de.kontor.base.jpa.VersionedEntity;
import de.kontor.license.LicenseEnums.Backend;
import de.kontor.license.LicenseEnums.MatchRule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A piece of software sold with licenses. */
@Entity
@EntityListeners(SnapshotInvalidation.class)
@Table(name = "license_product")
public class Product extends VersionedEntity {

    public static final int CODE_MAX = 40;
    public static final int NAME_MAX = 200;
    public static final int DEFAULT_HEARTBEAT_MINUTES = 15;
    public static final int DEFAULT_GRACE_DAYS = 7;

    @Column(name = "code", nullable = false, updatable = false, length = CODE_MAX)
    private String code;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "min_supported_version", length = 40)
    private @Nullable String minSupportedVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_rule", nullable = false, length = 20)
    private MatchRule matchRule;

    @Column(name = "heartbeat_minutes", nullable = false)
    private int heartbeatMinutes;

    @Column(name = "grace_days", nullable = false)
    private int graceDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "backend", nullable = false, length = 10)
    private Backend backend = Backend.KEY;

    @Column(name = "gitea_base_url", length = 300)
    private @Nullable String giteaBaseUrl;

    @Column(name = "gitea_organization", length = 100)
    private @Nullable String giteaOrganization;

    @Column(name = "gitea_repository", length = 200)
    private @Nullable String giteaRepository;

    @Column(name = "archived", nullable = false)
    private boolean archived;

    protected Product() {}

    Product(String code, ProductTerms terms, Instant now) {
        this.code = code;
        created(now);
        apply(terms, now);
    }

    void apply(ProductTerms terms, Instant now) {
        this.name = terms.name();
        this.minSupportedVersion = terms.minSupportedVersion();
        this.matchRule = terms.matchRule();
        this.heartbeatMinutes = terms.heartbeatMinutes();
        this.graceDays = terms.graceDays();
        this.backend = terms.backend();
        touched(now);
    }

    void useGitea(GiteaSettings settings, Instant now) {
        this.giteaBaseUrl = settings.baseUrl();
        this.giteaOrganization = settings.organization();
        this.giteaRepository = settings.repository();
        touched(now);
    }

    /** Where Gitea licenses of this product are checked; empty until configured. */
    public Optional<GiteaSettings> giteaSettings() {
        if (giteaBaseUrl == null || giteaOrganization == null) {
            return Optional.empty();
        }
        return Optional.of(new GiteaSettings(giteaBaseUrl, giteaOrganization, giteaRepository));
    }

    /** The identifier of this product as a module of licensed software ("billing" for BILLING). */
    public String moduleId() {
        return code.toLowerCase(Locale.ROOT);
    }

    void archive(boolean archived, Instant now) {
        this.archived = archived;
        touched(now);
    }

    public ProductTerms terms() {
        return new ProductTerms(name, minSupportedVersion, matchRule, heartbeatMinutes, graceDays, backend);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getMinSupportedVersion() {
        return minSupportedVersion;
    }

    public MatchRule getMatchRule() {
        return matchRule;
    }

    public int getHeartbeatMinutes() {
        return heartbeatMinutes;
    }

    public Duration heartbeatInterval() {
        return Duration.ofMinutes(heartbeatMinutes);
    }

    public int getGraceDays() {
        return graceDays;
    }

    public Backend getBackend() {
        return backend;
    }

    public boolean isArchived() {
        return archived;
    }

    @Override
    public String toString() {
        return code;
    }
}
