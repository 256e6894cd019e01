package de.kontor.license;

import de.kontor.base.error.DomainException;
import de.kontor.license.ClientMessages.Activated;
import de.kontor.license.ClientMessages.Info;
import de.kontor.license.ClientMessages.Verdict;
import de.kontor.license.LicenseSnapshots.ProductFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * The client API's answers for products licensed by Gitea repository access: a token that is not a Kontor
 * key is checked against Gitea ({@link GiteaLicenses}: 24 h cache, 7 days grace). Gitea decides who has
 * access, so there are no seats or activations: verify and activate answer with a lease bound to the
 * machine; heartbeat and deactivate take Kontor keys only.
 */
@Component
class GiteaVerdicts {

    private final ProductRepository products;
    private final GiteaLicenses gitea;
    private final Leases leases;
    private final MessageSource messages;

    GiteaVerdicts(ProductRepository products, GiteaLicenses gitea, Leases leases, MessageSource messages) {
        this.products = products;
        this.gitea = gitea;
        this.leases = leases;
        this.messages = messages;
    }

    Optional<Product> product(long productId, @Nullable String key) {
        if (key == null || key.isBlank() || LicenseKeys.normalize(key) != null) {
            return Optional.empty();
        }
        return products.findById(productId).filter(p -> p.getBackend() == LicenseEnums.Backend.GITEA);
    }

    void reject(long productId, @Nullable String key) {
        if (product(productId, key).isPresent()) {
            throw ClientOperations.error(400, "GITEA_USE_VERIFY", "license.client.giteaUseVerify");
        }
    }

    Verdict verify(Product product, String token, Fingerprint fingerprint, @Nullable String appVersion) {
        GiteaLicenses.Result r = gitea.check(product, token, false);
        ProductFacts facts = ProductFacts.of(product);
        if (!r.valid()) {
            return refused(r.reason(), giteaMessage(r), token, r);
        }
        ClientOperations.Problem version = ClientOperations.versionProblem(appVersion, facts.minSupportedVersion());
        if (version != null) {
            String message = messages.getMessage(
                    version.messageKey(), version.args(), version.messageKey(), LocaleContextHolder.getLocale());
            return refused(version.code(), message, token, r);
        }
        Lease lease = leases.forGitea(product, token, r, fingerprint);
        String message = r.source() == GiteaLicenses.Source.GRACE ? giteaMessage(r) : null;
        return new Verdict(
                true,
                null,
                message,
                giteaSubject(token),
                giteaStatus(r),
                null,
                r.expiresOn(),
                r.features(),
                Map.of(),
                lease.token(),
                lease.validUntil(),
                facts.heartbeatInterval().toSeconds(),
                null);
    }

    private static Verdict refused(String reason, String message, String token, GiteaLicenses.Result r) {
        return new Verdict(
                false,
                reason,
                message,
                giteaSubject(token),
                giteaStatus(r),
                null,
                r.expiresOn(),
                r.features(),
                Map.of(),
                null,
                null,
                null,
                null);
    }

    Activated activate(Product product, String token, Fingerprint fingerprint, @Nullable String appVersion) {
        Verdict verdict = verify(product, token, fingerprint, appVersion);
        if (!verdict.valid()) {
            int status = "GITEA_UNREACHABLE".equals(verdict.reason()) ? 503 : 403;
            throw new DomainException(status, verdict.reason(), "license.client.giteaRefused", verdict.message());
        }
        return new Activated(
                null,
                false,
                verdict.licenseKey(),
                product.getCode(),
                verdict.validUntil(),
                verdict.features(),
                Map.of(),
                0,
                0,
                verdict.lease(),
                verdict.leaseValidUntil());
    }

    private static String giteaSubject(String token) {
        return "gitea:" + GiteaLicenses.hint(token);
    }

    private static String giteaStatus(GiteaLicenses.Result r) {
        if (r.valid()) {
            return r.source() == GiteaLicenses.Source.GRACE ? "GRACE" : "ACTIVE";
        }
        return "LICENSE_EXPIRED".equals(r.reason()) ? "EXPIRED" : "DENIED";
    }

    private String giteaMessage(GiteaLicenses.Result r) {
        return gitea.message(r, LocaleContextHolder.getLocale());
    }

    Info info(Product product, String token) {
        GiteaLicenses.Result r = gitea.check(product, token, false);
        return new Info(
                giteaSubject(token),
                product.getCode(),
                product.getName(),
                "GITEA",
                giteaStatus(r),
                null,
                r.expiresOn(),
                0,
                0,
                r.features(),
                Map.of());
    }
}
