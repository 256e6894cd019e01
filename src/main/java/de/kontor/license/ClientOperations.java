package de.kontor.license;

import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.license.ClientMessages.ActivateRequest;
import de.kontor.license.ClientMessages.Activated;
import de.kontor.license.ClientMessages.DeactivateRequest;
import de.kontor.license.ClientMessages.Deactivated;
import de.kontor.license.ClientMessages.HeartbeatRequest;
import de.kontor.license.ClientMessages.Info;
import de.kontor.license.ClientMessages.Verdict;
import de.kontor.license.ClientMessages.VerifyRequest;
import de.kontor.license.LicenseEnums.ActivationState;
import de.kontor.license.LicenseEnums.LicenseStatus;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseSnapshots.DeviceFacts;
import de.kontor.license.LicenseSnapshots.LicenseFacts;
import de.kontor.license.LicenseSnapshots.ProductFacts;
import de.kontor.license.LicenseSnapshots.Snapshot;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the client API does, for licenses of Kontor's own keys (products licensed by Gitea repository
 * access are answered by {@link GiteaVerdicts}, versions by {@link VersionChecks}). Every call names the
 * product through its client key; a license key of another product is "not found".
 */
@Component
class ClientOperations {

    /** A verification updates "last seen" at most this often, to keep verifications read-only mostly. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final LicenseRepository licenses;
    private final ProductRepository products;
    private final ActivationRepository activations;
    private final HeartbeatStore heartbeats;
    private final LicenseAnomalies anomalies;
    private final LicenseSnapshots snapshots;
    private final Leases leases;
    private final GiteaVerdicts giteaVerdicts;
    private final TransactionTemplate jdbcTransactions;
    private final AuditService audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    ClientOperations(
            LicenseRepository licenses,
            ProductRepository products,
            ActivationRepository activations,
            HeartbeatStore heartbeats,
            LicenseAnomalies anomalies,
            LicenseSnapshots snapshots,
            Leases leases,
            GiteaVerdicts giteaVerdicts,
            DataSource dataSource,
            AuditService audit,
            MessageSource messages,
            Clock clock,
            ZoneId zone) {
        this.licenses = licenses;
        this.products = products;
        this.activations = activations;
        this.heartbeats = heartbeats;
        this.anomalies = anomalies;
        this.snapshots = snapshots;
        this.leases = leases;
        this.giteaVerdicts = giteaVerdicts;
        // Plain JDBC transactions for the heartbeat's two statements (no JPA session needed).
        this.jdbcTransactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    // ---- activate ----------------------------------------------------------------------------------

    @Transactional
    Activated activate(long productId, ActivateRequest request) {
        Fingerprint fingerprint = requireFingerprint(request.fingerprint());
        String appVersion = optionalVersion(request.appVersion());
        Optional<Product> giteaProduct = giteaVerdicts.product(productId, request.licenseKey());
        if (giteaProduct.isPresent()) {
            return giteaVerdicts.activate(giteaProduct.get(), request.licenseKey(), fingerprint, appVersion);
        }
        License found = license(productId, request.licenseKey());
        Product product = products.findById(productId).orElseThrow();
        // One activation of a license at a time: concurrent requests can never exceed the maximum. (Reads
        // after the lock see what the previous holder committed: connections run READ COMMITTED.)
        License license = licenses.lockById(found.getId()).orElseThrow();
        LicenseFacts facts = LicenseFacts.of(license);
        ProductFacts productFacts = ProductFacts.of(product);
        Problem problem = problemWith(facts, productFacts, appVersion);
        if (problem != null) {
            throw error(403, problem.code(), problem.messageKey(), problem.args());
        }
        List<Activation> all = activations.findByLicenseIdOrderByFirstSeenAtAsc(license.getId());
        Instant now = clock.instant();
        Optional<Activation> same = sameDevice(
                        all.stream().map(DeviceFacts::of).toList(), fingerprint, product.getMatchRule())
                .flatMap(d -> all.stream().filter(a -> a.getId() == d.id()).findFirst());
        Activation activation;
        boolean existing = same.isPresent();
        if (existing) {
            activation = same.get();
            activation.seen(appVersion, now);
        } else {
            Optional<Activation> freed = all.stream()
                    .filter(a -> a.holdsSlot() && a.isTransferPending())
                    .findFirst();
            long holding = all.stream().filter(Activation::holdsSlot).count();
            if (freed.isPresent()) {
                activation = freed.get();
                activation.takeOver(fingerprint, appVersion, now);
                anomalies.recordTransfer(license.getId(), activation.getId(), now);
                audit.record(
                        LicenseService.MODULE,
                        "Activation",
                        activation.getId(),
                        "TRANSFER",
                        "License " + license.getKey() + " moved to " + describe(fingerprint));
            } else if (holding >= license.getMaxActivations()) {
                throw error(
                        409, "ACTIVATION_LIMIT_REACHED", "license.client.limitReached", license.getMaxActivations());
            } else {
                activation = activations.save(new Activation(license.getId(), fingerprint, appVersion, now));
                audit.record(
                        LicenseService.MODULE,
                        "Activation",
                        activation.getId(),
                        "ACTIVATE",
                        "License " + license.getKey() + " activated on " + describe(fingerprint));
            }
        }
        activations.flush();
        int used = (int) activations.countHoldingSlots(license.getId());
        Lease lease = leases.forActivation(facts, productFacts, activation.getId(), activation.fingerprint(), now);
        return new Activated(
                activation.getId(),
                existing,
                license.getKey(),
                product.getCode(),
                license.getValidUntil(),
                license.getFeatures(),
                license.getLimits(),
                used,
                license.getMaxActivations(),
                lease.token(),
                lease.validUntil());
    }

    // ---- verify ---------------------------------------------------------------------------------------
    // Verify and heartbeat read from snapshots (LicenseSnapshots) and write with plain SQL: no JPA on the
    // hot path. Their answers about a license are verdicts (valid or not, with a reason), not errors.

    Verdict verify(long productId, VerifyRequest request) {
        Fingerprint fingerprint = requireFingerprint(request.fingerprint());
        String appVersion = optionalVersion(request.appVersion());
        Optional<Product> giteaProduct = giteaVerdicts.product(productId, request.licenseKey());
        if (giteaProduct.isPresent()) {
            return giteaVerdicts.verify(giteaProduct.get(), request.licenseKey(), fingerprint, appVersion);
        }
        Snapshot snapshot = snapshot(productId, request.licenseKey());
        Problem problem = problemWith(snapshot.license(), snapshot.product(), appVersion);
        if (problem != null) {
            return invalid(snapshot.license(), problem, null);
        }
        Optional<DeviceFacts> match =
                sameDevice(snapshot.devices(), fingerprint, snapshot.product().matchRule());
        if (match.isEmpty()) {
            return invalid(
                    snapshot.license(),
                    new Problem("FINGERPRINT_MISMATCH", "license.client.fingerprintMismatch"),
                    null);
        }
        Instant now = clock.instant();
        DeviceFacts device = match.get();
        if (needsTouch(device, appVersion, now)) {
            device = snapshots.touch(snapshot, device, appVersion, now);
        }
        return valid(snapshot, device, now);
    }

    private static boolean needsTouch(DeviceFacts device, @Nullable String appVersion, Instant now) {
        return device.state() == ActivationState.INACTIVE
                || device.lastSeenAt().isBefore(now.minus(TOUCH_EVERY))
                || (appVersion != null && !appVersion.equals(device.appVersion()));
    }

    private Verdict valid(Snapshot snapshot, DeviceFacts device, Instant now) {
        LicenseFacts license = snapshot.license();
        Lease lease = leases.forActivation(license, snapshot.product(), device.id(), device.fingerprint(), now);
        return new Verdict(
                true,
                null,
                null,
                license.key(),
                license.status().name(),
                device.id(),
                license.validUntil(),
                license.features(),
                license.limits(),
                lease.token(),
                lease.validUntil(),
                snapshot.product().heartbeatInterval().toSeconds(),
                null);
    }

    // ---- heartbeat ----------------------------------------------------------------------------------

    Verdict heartbeat(long productId, HeartbeatRequest request, @Nullable String address) {
        if (request.activationId() == null) {
            throw error(400, "INVALID_REQUEST", "license.client.activationIdRequired");
        }
        String appVersion = optionalVersion(request.appVersion());
        giteaVerdicts.reject(productId, request.licenseKey());
        Map<String, Long> usage = request.usage() == null ? Map.of() : new TreeMap<>(request.usage());
        for (Map.Entry<String, Long> counter : usage.entrySet()) {
            if (!counter.getKey().matches(LicenseTerms.NAME_PATTERN)
                    || counter.getValue() == null
                    || counter.getValue() < 0) {
                throw error(400, "INVALID_REQUEST", "license.client.badUsage", counter.getKey());
            }
        }
        Snapshot snapshot = snapshot(productId, request.licenseKey());
        LicenseFacts license = snapshot.license();
        DeviceFacts device = snapshot.device(request.activationId())
                .filter(DeviceFacts::holdsSlot)
                .orElseThrow(() -> error(
                        404, "ACTIVATION_NOT_FOUND", "license.client.activationNotFound", request.activationId()));
        Instant now = clock.instant();
        boolean touch = needsTouch(device, appVersion, now);
        DeviceFacts seen = jdbcTransactions.execute(status -> {
            heartbeats.record(
                    now,
                    license.id(),
                    device.id(),
                    appVersion,
                    usage,
                    address,
                    request.clientTime() == null
                            ? null
                            : Duration.between(now, request.clientTime()).toSeconds());
            return touch ? snapshots.touch(snapshot, device, appVersion, now) : device;
        });
        Problem problem = problemWith(license, snapshot.product(), appVersion);
        if (problem != null) {
            return invalid(license, problem, null);
        }
        Map<String, Long> exceeded = new LinkedHashMap<>();
        license.limits().forEach((name, max) -> {
            Long used = usage.get(name);
            if (used != null && used > max) {
                exceeded.put(name, max);
            }
        });
        if (!exceeded.isEmpty()) {
            return invalid(
                    license,
                    new Problem(
                            "USAGE_LIMIT_EXCEEDED",
                            "license.client.usageExceeded",
                            String.join(", ", exceeded.keySet())),
                    exceeded);
        }
        return valid(snapshot, seen, now);
    }

    // ---- deactivate, info ---------------------------------------------------------------------------

    @Transactional
    Deactivated deactivate(long productId, DeactivateRequest request) {
        Fingerprint fingerprint = requireFingerprint(request.fingerprint());
        giteaVerdicts.reject(productId, request.licenseKey());
        License found = license(productId, request.licenseKey());
        Product product = products.findById(productId).orElseThrow();
        License license = licenses.lockById(found.getId()).orElseThrow();
        List<Activation> all = activations.findByLicenseIdOrderByFirstSeenAtAsc(license.getId());
        Activation activation = sameDevice(
                        all.stream().map(DeviceFacts::of).toList(), fingerprint, product.getMatchRule())
                .flatMap(d -> all.stream().filter(a -> a.getId() == d.id()).findFirst())
                .orElseThrow(() -> error(404, "ACTIVATION_NOT_FOUND", "license.client.noActivationForDevice"));
        activation.deactivate(clock.instant());
        activations.flush();
        audit.record(
                LicenseService.MODULE,
                "Activation",
                activation.getId(),
                "DEACTIVATE",
                "License " + license.getKey() + " deactivated on " + describe(fingerprint) + " by the client");
        return new Deactivated(
                activation.getId(), (int) activations.countHoldingSlots(license.getId()), license.getMaxActivations());
    }

    @Transactional(readOnly = true)
    Info info(long productId, @Nullable String licenseKey) {
        Optional<Product> giteaProduct = giteaVerdicts.product(productId, licenseKey);
        if (giteaProduct.isPresent()) {
            return giteaVerdicts.info(giteaProduct.get(), licenseKey);
        }
        License license = license(productId, licenseKey);
        Product product = products.findById(productId).orElseThrow();
        return new Info(
                license.getKey(),
                product.getCode(),
                product.getName(),
                license.getType().name(),
                license.getStatus().name(),
                license.getValidFrom(),
                license.getValidUntil(),
                (int) activations.countHoldingSlots(license.getId()),
                license.getMaxActivations(),
                license.getFeatures(),
                license.getLimits());
    }

    // ---- versions -----------------------------------------------------------------------------------

    // ---- helpers --------------------------------------------------------------------------------------

    /** Why the license cannot be used now, or null. */
    record Problem(String code, String messageKey, Object... args) {}

    @Nullable
    Problem problemWith(LicenseFacts license, ProductFacts product, @Nullable String appVersion) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (license.status() == LicenseStatus.REVOKED) {
            return new Problem("LICENSE_REVOKED", "license.client.revoked");
        }
        if (license.status() == LicenseStatus.SUSPENDED) {
            return new Problem("LICENSE_SUSPENDED", "license.client.suspended");
        }
        if (today.isBefore(license.validFrom())) {
            return new Problem("LICENSE_NOT_YET_VALID", "license.client.notYetValid", license.validFrom());
        }
        if (license.validUntil() != null && today.isAfter(license.validUntil())) {
            return new Problem("LICENSE_EXPIRED", "license.client.expired", license.validUntil());
        }
        return versionProblem(appVersion, product.minSupportedVersion());
    }

    static @Nullable Problem versionProblem(@Nullable String appVersion, @Nullable String minSupported) {
        if (appVersion != null
                && minSupported != null
                && AppVersion.parse(appVersion).isBefore(AppVersion.parse(minSupported))) {
            return new Problem("VERSION_NOT_SUPPORTED", "license.client.versionNotSupported", appVersion, minSupported);
        }
        return null;
    }

    private Verdict invalid(LicenseFacts license, Problem problem, @Nullable Map<String, Long> exceeded) {
        return new Verdict(
                false,
                problem.code(),
                text(problem.messageKey(), problem.args()),
                license.key(),
                license.status().name(),
                null,
                license.validUntil(),
                license.features(),
                license.limits(),
                null,
                null,
                null,
                exceeded);
    }

    private static Optional<DeviceFacts> sameDevice(List<DeviceFacts> all, Fingerprint fingerprint, MatchRule rule) {
        return all.stream()
                .filter(DeviceFacts::holdsSlot)
                .filter(d -> !d.transferPending())
                .filter(d -> d.fingerprint().sameDevice(fingerprint, rule))
                .max(Comparator.comparingInt(d -> d.fingerprint().matchingComponents(fingerprint)));
    }

    private License license(long productId, @Nullable String key) {
        String normalized = LicenseKeys.normalize(key);
        if (key == null || key.isBlank()) {
            throw error(400, "INVALID_REQUEST", "license.client.keyRequired");
        }
        return Optional.ofNullable(normalized)
                .flatMap(licenses::findByKey)
                .filter(l -> l.getProductId().equals(productId))
                .orElseThrow(() -> error(404, "LICENSE_NOT_FOUND", "license.client.notFound"));
    }

    private Snapshot snapshot(long productId, @Nullable String key) {
        if (key == null || key.isBlank()) {
            throw error(400, "INVALID_REQUEST", "license.client.keyRequired");
        }
        return Optional.ofNullable(LicenseKeys.normalize(key))
                .flatMap(snapshots::get)
                .filter(s -> s.license().productId() == productId)
                .orElseThrow(() -> error(404, "LICENSE_NOT_FOUND", "license.client.notFound"));
    }

    private Fingerprint requireFingerprint(ClientMessages.@Nullable FingerprintData data) {
        if (data == null || !data.toFingerprint().hasComponents()) {
            throw error(400, "INVALID_REQUEST", "license.client.fingerprintRequired");
        }
        return data.toFingerprint();
    }

    private @Nullable String optionalVersion(@Nullable String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        if (!AppVersion.isValid(version)) {
            throw error(400, "INVALID_REQUEST", "license.client.badVersion", version);
        }
        return version.strip();
    }

    private static String describe(Fingerprint fp) {
        return fp.hostname() != null ? fp.hostname() : (fp.mac() != null ? fp.mac() : "a machine");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    static DomainException error(int status, String code, String messageKey, Object... args) {
        return new DomainException(status, code, messageKey, args);
    }
}
