package de.kontor.license;

import de.kontor.license.LicenseEnums.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** A published version of a product. */
@Entity
@Table(name = "license_release")
public class Release {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "product_id", nullable = false, updatable = false)
    private Long productId;

    @Column(name = "version", nullable = false, updatable = false, length = 40)
    private String version;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 10)
    private Channel channel;

    @Column(name = "release_date", nullable = false)
    private LocalDate releaseDate;

    @Column(name = "notes", columnDefinition = "TEXT")
    private @Nullable String notes;

    @Column(name = "download_url", length = 500)
    private @Nullable String downloadUrl;

    protected Release() {}

    Release(
            Long productId,
            String version,
            Channel channel,
            LocalDate releaseDate,
            @Nullable String notes,
            @Nullable String downloadUrl) {
        this.productId = productId;
        this.version = version;
        this.channel = channel;
        this.releaseDate = releaseDate;
        this.notes = notes;
        this.downloadUrl = downloadUrl;
    }

    public Long getId() {
        return id;
    }

    public Long getProductId() {
        return productId;
    }

    public String getVersion() {
        return version;
    }

    public AppVersion appVersion() {
        return AppVersion.parse(version);
    }

    public Channel getChannel() {
        return channel;
    }

    public LocalDate getReleaseDate() {
        return releaseDate;
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public @Nullable String getDownloadUrl() {
        return downloadUrl;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Release other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Release.class.hashCode();
    }
}
