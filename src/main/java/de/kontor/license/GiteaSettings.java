package de.kontor.license;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * Where a product on the Gitea backend is licensed: a token that can read
 * {@code {baseUrl}/api/v1/repos/{organization}/{repository}} holds a license. The repository name may
 * contain {@code {module}}, the product code in lower case; blank means {@link #DEFAULT_REPOSITORY}.
 */
public record GiteaSettings(
        @NotBlank
        @Size(max = 300)
        @Pattern(regexp = "https?://[^\\s/?#]+(:\\d+)?(/[^\\s?#]*)?", message = "{license.gitea.baseUrl.pattern}")
        String baseUrl,

        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "{license.gitea.name.pattern}")
        String organization,

        @Nullable @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_.{}-]*", message = "{license.gitea.name.pattern}")
        String repository) {

    public static final String DEFAULT_REPOSITORY = "mycrm-{module}-module";

    /** The repository name for the module with this product code. */
    public String repositoryFor(String productCode) {
        String pattern = repository == null || repository.isBlank() ? DEFAULT_REPOSITORY : repository;
        return pattern.replace("{module}", productCode.toLowerCase(Locale.ROOT));
    }

    /** {@code organization/repository}, as Gitea names it. */
    public String fullName(String productCode) {
        return organization + "/" + repositoryFor(productCode);
    }

    String apiBase() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    GiteaSettings cleaned() {
        return new GiteaSettings(
                baseUrl.strip(),
                organization.strip(),
                repository == null || repository.isBlank() ? null : repository.strip());
    }
}
