package de.kontor.license;

import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditService;
import de.kontor.base.crypto.SecretCipher;
import de.kontor.base.error.DomainException;
import de.kontor.customer.CustomerService;
import de.kontor.license.ClientOperations.Problem;
import de.kontor.license.GiteaLicenses.Result;
import de.kontor.license.LicenseEnums.Backend;
import de.kontor.license.LicenseEnums.Channel;
import de.kontor.license.LicenseSnapshots.LicenseFacts;
import de.kontor.license.LicenseSnapshots.ProductFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The licenses this Kontor holds for modules (products): one registered token or key per module,
 * encrypted at rest, checked through the product's backend (Gitea repository access, or a license of
 * this Kontor's own license server).
 */
@Component
class ModuleLicenses {

    private final ProductRepository products;
    private final ReleaseRepository releases;
    private final LicenseRepository licenses;
    private final CustomerService customers;
    private final GiteaLicenses gitea;
    private final ClientOperations client;
    private final SecretCipher cipher;
    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    ModuleLicenses(
            ProductRepository products,
            ReleaseRepository releases,
            LicenseRepository licenses,
            CustomerService customers,
            GiteaLicenses gitea,
            ClientOperations client,
            SecretCipher cipher,
            JdbcTemplate jdbc,
            AuditService audit,
            MessageSource messages,
            Clock clock,
            ZoneId zone) {
        this.products = products;
        this.releases = releases;
        this.licenses = licenses;
        this.customers = customers;
        this.gitea = gitea;
        this.client = client;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    List<ModuleStatus> list(boolean online, Locale locale) {
        return products.findAllByOrderByNameAsc().stream()
                .filter(p -> !p.isArchived())
                .sorted(Comparator.comparing(Product::moduleId))
                .map(p -> status(p, online, locale))
                .toList();
    }

    ModuleStatus status(String module, boolean online, Locale locale) {
        return status(product(module), online, locale);
    }

    ModuleStatus register(String module, @Nullable String secret, Locale locale) {
        Product product = product(module);
        if (secret == null || secret.isBlank()) {
            throw DomainException.invalidField("licenseKey", "INVALID_REQUEST", "license.module.license.required");
        }
        String value = secret.strip();
        if (value.length() > 500 || value.chars().anyMatch(Character::isWhitespace)) {
            throw DomainException.invalidField("licenseKey", "INVALID_REQUEST", "license.module.license.malformed");
        }
        ModuleLicense checked = evaluate(product, value, true, locale);
        if (!checked.valid()) {
            int status = "GITEA_UNREACHABLE".equals(checked.reason()) ? 503 : 422;
            throw new DomainException(status, checked.reason(), "license.module.license.refused", checked.message())
                    .onField("licenseKey");
        }
        String hint = hint(value);
        jdbc.update(
                "insert into license_module (product_id, secret_enc, secret_hint, registered_at, registered_by) "
                        + "values (?, ?, ?, ?, ?) on duplicate key update secret_enc = values(secret_enc), "
                        + "secret_hint = values(secret_hint), registered_at = values(registered_at), "
                        + "registered_by = values(registered_by)",
                product.getId(),
                cipher.encrypt(value),
                hint,
                Timestamp.from(clock.instant()),
                CurrentUser.username().orElse(null));
        audit.record(
                LicenseService.MODULE,
                "Module",
                product.getId(),
                "REGISTER",
                "License " + hint + " registered for module " + product.moduleId());
        return status(product, checked);
    }

    void revoke(String module) {
        Product product = product(module);
        int deleted = jdbc.update("delete from license_module where product_id = ?", product.getId());
        if (deleted == 0) {
            throw DomainException.notFound(
                    "MODULE_LICENSE_NOT_FOUND", "license.module.license.noneToRevoke", product.moduleId());
        }
        audit.record(
                LicenseService.MODULE,
                "Module",
                product.getId(),
                "REVOKE",
                "License of module " + product.moduleId() + " revoked");
    }

    private Product product(String module) {
        String id = module == null ? "" : module.strip();
        return products.findAllByOrderByNameAsc().stream()
                .filter(p -> !p.isArchived())
                .filter(p -> p.moduleId().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("MODULE_NOT_FOUND", "license.module.notFound", id));
    }

    private ModuleStatus status(Product product, boolean online, Locale locale) {
        Optional<String> secret = jdbc
                .queryForList(
                        "select secret_enc from license_module where product_id = ?", String.class, product.getId())
                .stream()
                .findFirst()
                .map(cipher::decrypt);
        ModuleLicense license = secret.map(s -> evaluate(product, s, online, locale))
                .orElseGet(() -> new ModuleLicense(
                        false,
                        null,
                        null,
                        text(locale, "license.module.license.none"),
                        Set.of(),
                        null,
                        "NO_LICENSE",
                        null,
                        null));
        return status(product, license);
    }

    private ModuleStatus status(Product product, ModuleLicense license) {
        String version = releases.findByProductId(product.getId()).stream()
                .filter(r -> r.getChannel() == Channel.STABLE)
                .max(Comparator.comparing(Release::appVersion))
                .map(Release::getVersion)
                .orElse(null);
        String repository = product.getBackend() == Backend.GITEA
                ? product.giteaSettings()
                        .map(s -> s.fullName(product.getCode()))
                        .orElse(null)
                : null;
        return new ModuleStatus(
                product.moduleId(),
                product.getName(),
                version,
                product.getBackend().name(),
                repository,
                license);
    }

    /** A token or key checked for the product: a Kontor key through this license server, else Gitea. */
    ModuleLicense evaluate(Product product, String secret, boolean online, Locale locale) {
        String key = LicenseKeys.normalize(secret);
        if (key != null) {
            return kontorKey(product, key, locale);
        }
        if (product.getBackend() != Backend.GITEA) {
            return new ModuleLicense(
                    false,
                    null,
                    null,
                    text(locale, "license.module.license.notAKey"),
                    Set.of(),
                    null,
                    "LICENSE_NOT_FOUND",
                    hint(secret),
                    null);
        }
        return fromGitea(gitea.check(product, secret, online), hint(secret), locale);
    }

    ModuleLicense fromGitea(Result r, @Nullable String hint, Locale locale) {
        OffsetDateTime expires = endOfDay(r.expiresOn());
        String message = gitea.message(r, locale);
        if (r.valid()) {
            String source = r.source() == null ? null : r.source().name().toLowerCase(Locale.ROOT);
            return new ModuleLicense(
                    true,
                    r.licensedTo(),
                    expires,
                    message,
                    r.features(),
                    source,
                    null,
                    hint,
                    r.source() == GiteaLicenses.Source.GRACE ? r.graceEnd() : null);
        }
        return new ModuleLicense(false, r.licensedTo(), expires, message, r.features(), null, r.reason(), hint, null);
    }

    private ModuleLicense kontorKey(Product product, String key, Locale locale) {
        Optional<License> found =
                licenses.findByKey(key).filter(l -> l.getProductId().equals(product.getId()));
        if (found.isEmpty()) {
            return new ModuleLicense(
                    false,
                    null,
                    null,
                    text(locale, "license.client.notFound"),
                    Set.of(),
                    null,
                    "LICENSE_NOT_FOUND",
                    hint(key),
                    null);
        }
        License license = found.get();
        String customer = customers.get(license.getCustomerId()).getName();
        OffsetDateTime expires = endOfDay(license.getValidUntil());
        Problem problem = client.problemWith(LicenseFacts.of(license), ProductFacts.of(product), null);
        if (problem != null) {
            return new ModuleLicense(
                    false,
                    customer,
                    expires,
                    text(locale, problem.messageKey(), problem.args()),
                    new TreeSet<>(license.getFeatures()),
                    null,
                    problem.code(),
                    hint(key),
                    null);
        }
        return new ModuleLicense(
                true,
                customer,
                expires,
                text(locale, "license.module.license.key.ok", key),
                new TreeSet<>(license.getFeatures()),
                "online",
                null,
                hint(key),
                null);
    }

    private @Nullable OffsetDateTime endOfDay(@Nullable LocalDate day) {
        return day == null ? null : day.atTime(23, 59, 59).atZone(zone).toOffsetDateTime();
    }

    private static String hint(String secret) {
        return GiteaLicenses.hint(secret);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
