package de.kontor.license;

import de.kontor.base.Texts;
import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditService;
import de.kontor.base.crypto.Hashes;
import de.kontor.base.crypto.Tokens;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.license.LicenseEnums.Channel;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Products with their default terms and Gitea settings, their releases and their client API keys
 * (stored as hashes, shown once). Callers hold the transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class ProductCatalog {

    private static final String CLIENT_KEY_PREFIX = "kcl_";

    private final ProductRepository products;
    private final ReleaseRepository releases;
    private final ClientKeyRepository clientKeys;
    private final GiteaLicenses gitea;
    private final AuditService audit;
    private final Validator validator;
    private final Clock clock;
    private final ZoneId zone;

    ProductCatalog(
            ProductRepository products,
            ReleaseRepository releases,
            ClientKeyRepository clientKeys,
            GiteaLicenses gitea,
            AuditService audit,
            Validator validator,
            Clock clock,
            ZoneId zone) {
        this.products = products;
        this.releases = releases;
        this.clientKeys = clientKeys;
        this.gitea = gitea;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.zone = zone;
    }

    Product createProduct(String code, ProductTerms terms) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z0-9][A-Z0-9_-]{1,39}")) {
            throw DomainException.invalidField("code", "INVALID_PRODUCT_CODE", "license.product.codePattern");
        }
        validate(validator, terms);
        if (products.existsByCode(c)) {
            throw DomainException.conflict("PRODUCT_CODE_TAKEN", "license.product.codeTaken", c)
                    .onField("code");
        }
        Product product = products.save(new Product(c, clean(terms), clock.instant()));
        audit.record(LicenseService.MODULE, "Product", product.getId(), "CREATE", "Product " + c + " created");
        return product;
    }

    Product updateProduct(long id, long expectedVersion, ProductTerms terms) {
        Product product = product(id);
        if (product.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        validate(validator, terms);
        ProductTerms before = product.terms();
        product.apply(clean(terms), clock.instant());
        products.flush();
        audit.record(
                LicenseService.MODULE,
                "Product",
                id,
                "UPDATE",
                "Product " + product.getCode() + " updated",
                AuditChange.diff(termsMap(before), termsMap(product.terms())));
        return product;
    }

    /** Where licenses of a product on the Gitea backend are checked; earlier answers for it are forgotten. */
    Product configureGitea(long id, GiteaSettings settings) {
        Product product = product(id);
        var violations = validator.validate(settings);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        GiteaSettings cleaned = settings.cleaned();
        String before = product.giteaSettings().map(GiteaSettings::toString).orElse("–");
        product.useGitea(cleaned, clock.instant());
        products.flush();
        gitea.forget(id);
        audit.record(
                LicenseService.MODULE,
                "Product",
                id,
                "UPDATE",
                "Gitea settings of " + product.getCode() + " changed",
                List.of(new AuditChange("gitea", before, cleaned.toString())));
        return product;
    }

    List<Product> products() {
        return products.findAllByOrderByNameAsc();
    }

    Product product(long id) {
        return products.findById(id)
                .orElseThrow(() -> DomainException.notFound("PRODUCT_NOT_FOUND", "license.product.notFound", id));
    }

    Optional<Product> productByCode(String code) {
        return products.findByCode(code.strip().toUpperCase(Locale.ROOT));
    }

    Release addRelease(
            long productId,
            String version,
            Channel channel,
            LocalDate releaseDate,
            @Nullable String notes,
            @Nullable String downloadUrl) {
        Product product = product(productId);
        if (!AppVersion.isValid(version)) {
            throw DomainException.invalidField("version", "INVALID_VERSION", "license.version.pattern");
        }
        String v = version.strip();
        if (releases.existsByProductIdAndVersion(productId, v)) {
            throw DomainException.conflict("RELEASE_EXISTS", "license.release.exists", v)
                    .onField("version");
        }
        if (downloadUrl != null
                && !downloadUrl.isBlank()
                && !downloadUrl.strip().matches("https?://\\S+")) {
            throw DomainException.invalidField("downloadUrl", "INVALID_URL", "license.release.url");
        }
        Release release = releases.save(new Release(
                productId,
                v,
                channel == null ? Channel.STABLE : channel,
                releaseDate == null ? LocalDate.now(clock.withZone(zone)) : releaseDate,
                Texts.blankToNull(notes),
                Texts.blankToNull(downloadUrl)));
        audit.record(
                LicenseService.MODULE,
                "Product",
                productId,
                "RELEASE",
                "Release " + v + " of " + product.getCode() + " added");
        return release;
    }

    void deleteRelease(long releaseId) {
        Release release = releases.findById(releaseId)
                .orElseThrow(
                        () -> DomainException.notFound("RELEASE_NOT_FOUND", "license.release.notFound", releaseId));
        releases.delete(release);
        audit.record(
                LicenseService.MODULE,
                "Product",
                release.getProductId(),
                "RELEASE_DELETE",
                "Release " + release.getVersion() + " removed");
    }

    /** Releases of a product, newest version first. */
    List<Release> releases(long productId) {
        return releases.findByProductId(productId).stream()
                .sorted((a, b) -> b.appVersion().compareTo(a.appVersion()))
                .toList();
    }

    IssuedClientKey createClientKey(long productId, String name) {
        Product product = product(productId);
        if (name == null || name.isBlank()) {
            throw DomainException.invalidField("name", "NAME_REQUIRED", "validation.required");
        }
        if (name.length() > 100) {
            throw DomainException.invalidField("name", "NAME_TOO_LONG", "validation.tooLong", 100);
        }
        String value = CLIENT_KEY_PREFIX + Tokens.random(32);
        ClientKey key = clientKeys.save(new ClientKey(
                productId,
                name.strip(),
                Hashes.sha256Hex(value),
                value.substring(0, CLIENT_KEY_PREFIX.length() + 6),
                clock.instant()));
        audit.record(
                LicenseService.MODULE,
                "ClientKey",
                key.getId(),
                "CREATE",
                "Client key \"" + name.strip() + "\" created for " + product.getCode());
        return new IssuedClientKey(key, value);
    }

    void revokeClientKey(long keyId) {
        ClientKey key = clientKeys
                .findById(keyId)
                .orElseThrow(
                        () -> DomainException.notFound("CLIENT_KEY_NOT_FOUND", "license.clientKey.notFound", keyId));
        key.revoke(clock.instant());
        audit.record(
                LicenseService.MODULE, "ClientKey", keyId, "REVOKE", "Client key \"" + key.getName() + "\" revoked");
    }

    List<ClientKey> clientKeys(long productId) {
        return clientKeys.findByProductIdOrderByCreatedAtDesc(productId);
    }

    /** The product an {@code X-API-Key} belongs to, if the key is valid. */
    Optional<Long> productOfClientKey(String value) {
        return clientKeys
                .findByKeyHash(Hashes.sha256Hex(value))
                .filter(ClientKey::isActive)
                .map(ClientKey::getProductId);
    }

    /** Throws the bean's constraint violations, if any (a 400 with one entry per field in the API). */
    static <T> void validate(Validator validator, T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private static ProductTerms clean(ProductTerms t) {
        return new ProductTerms(
                t.name().strip(),
                Texts.blankToNull(t.minSupportedVersion()),
                t.matchRule(),
                t.heartbeatMinutes(),
                t.graceDays(),
                t.backend());
    }

    private static Map<String, Object> termsMap(ProductTerms t) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", t.name());
        map.put("minSupportedVersion", t.minSupportedVersion());
        map.put("matchRule", t.matchRule());
        map.put("heartbeatMinutes", t.heartbeatMinutes());
        map.put("graceDays", t.graceDays());
        map.put("backend", t.backend());
        return map;
    }
}
