package de.kontor.license;

import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseSnapshots.LicenseFacts;
import de.kontor.license.LicenseSnapshots.ProductFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The signed leases the client API hands out: for an activation of a Kontor key (reused within the
 * reuse window when nothing changed) and for a machine licensed by Gitea repository access. A lease
 * holds for the product's grace period, never past the license's last day.
 */
@Component
class Leases {

    private final LeaseSigner signer;
    private final LeaseReuse leaseReuse;
    private final Clock clock;
    private final ZoneId zone;

    Leases(LeaseSigner signer, LeaseReuse leaseReuse, Clock clock, ZoneId zone) {
        this.signer = signer;
        this.leaseReuse = leaseReuse;
        this.clock = clock;
        this.zone = zone;
    }

    Lease forActivation(LicenseFacts license, ProductFacts product, long activationId, Fingerprint fp, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "kontor");
        claims.put("sub", license.key());
        claims.put("prd", product.code());
        claims.put("lic", license.id());
        claims.put("act", activationId);
        claims.put("fp", fingerprintClaim(product.matchRule(), fp));
        claims.put("features", new TreeSet<>(license.features()));
        claims.put("limits", new TreeMap<>(license.limits()));
        claims.put(
                "lexp",
                license.validUntil() == null ? null : license.validUntil().toString());
        return leaseReuse.lease(activationId, claims, product.graceDays(), () -> {
            Instant validUntil = leaseEnd(now, product.graceDays(), license.validUntil());
            Map<String, Object> signed = new LinkedHashMap<>(claims);
            signed.put("iat", now.getEpochSecond());
            signed.put("exp", validUntil.getEpochSecond());
            return new Lease(signer.sign(signed), validUntil);
        });
    }

    /** A lease holds for the grace period from {@code from}, but not past the license's last day. */
    private Instant leaseEnd(Instant from, int graceDays, @Nullable LocalDate lastDay) {
        Instant end = from.plus(Duration.ofDays(graceDays));
        if (lastDay != null) {
            Instant licenseEnd = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
            if (licenseEnd.isBefore(end)) {
                return licenseEnd;
            }
        }
        return end;
    }

    private static Map<String, Object> fingerprintClaim(MatchRule rule, Fingerprint fp) {
        Map<String, Object> fingerprint = new LinkedHashMap<>();
        fingerprint.put("rule", rule.name());
        fingerprint.put("mac", Fingerprint.hash(fp.mac()));
        fingerprint.put("cpu", Fingerprint.hash(fp.cpuId()));
        fingerprint.put("uuid", Fingerprint.hash(fp.systemUuid()));
        return fingerprint;
    }

    Lease forGitea(Product product, String token, GiteaLicenses.Result r, Fingerprint fp) {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "kontor");
        claims.put("sub", "gitea:" + GiteaLicenses.hash(token).substring(0, 16));
        claims.put("prd", product.getCode());
        claims.put("src", "gitea");
        claims.put("repo", r.repository());
        claims.put("lto", r.licensedTo());
        claims.put("fp", fingerprintClaim(product.getMatchRule(), fp));
        claims.put("features", new TreeSet<>(r.features()));
        claims.put("limits", Map.of());
        claims.put("lexp", r.expiresOn() == null ? null : r.expiresOn().toString());
        // Offline, the lease holds as long as the grace period counted from Gitea's last yes.
        Instant validUntil =
                leaseEnd(r.succeededAt() == null ? now : r.succeededAt(), product.getGraceDays(), r.expiresOn());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", validUntil.getEpochSecond());
        return new Lease(signer.sign(claims), validUntil);
    }
}
