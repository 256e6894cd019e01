package de.kontor.base;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Kontor's basic settings ({@code kontor.*}) that the foundation reads. The defaults are in
 * {@code application.properties}, next to the environment variable that overrides each; a value that
 * does not fit stops the start with a message naming the property.
 *
 * @param dataDir where the embedded database, the secret key and other files live
 * @param timeZone the zone in which the UI and exports show times
 * @param secretKey base64 key (32 bytes) for secrets at rest; empty: generated into the data directory
 * @param baseUrl the address Kontor is reached at, for links it hands out; empty: taken from the request
 * @param admin the first admin account
 * @param demo demo mode
 * @param web limits of HTTP requests
 */
@ConfigurationProperties("kontor")
@Validated
public record KontorProperties(
        @NotNull Path dataDir,
        @NotNull ZoneId timeZone,
        @Nullable String secretKey,
        @Nullable String baseUrl,
        @Valid @NotNull Admin admin,
        @Valid @NotNull Demo demo,
        @Valid @NotNull Web web) {

    /** @param password password of the first admin, used only while no enabled admin exists; empty: generated */
    public record Admin(@Nullable String password) {}

    /**
     * @param enabled fill a fresh database with sample data
     * @param password password of the demo accounts; empty: generated and printed once
     */
    public record Demo(boolean enabled, @Nullable String password) {}

    /**
     * @param maxBodySize largest request body (JSON, forms, the UI's own requests); larger ones get 413
     * @param maxUploadSize largest file upload (multipart requests: imports, attachments)
     * @param maxPageSize largest page a paged REST list hands out ({@code size})
     */
    public record Web(
            @NotNull DataSize maxBodySize,
            @NotNull DataSize maxUploadSize,
            @Min(1) @Max(10_000) int maxPageSize) {}
}
