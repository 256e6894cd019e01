package de.kontor.license;

import de.kontor.base.db.TransientConflicts;
import de.kontor.license.ClientMessages.ActivateRequest;
import de.kontor.license.ClientMessages.Activated;
import de.kontor.license.ClientMessages.DeactivateRequest;
import de.kontor.license.ClientMessages.Deactivated;
import de.kontor.license.ClientMessages.HeartbeatRequest;
import de.kontor.license.ClientMessages.Info;
import de.kontor.license.ClientMessages.PublicKeyInfo;
import de.kontor.license.ClientMessages.Verdict;
import de.kontor.license.ClientMessages.VerifyRequest;
import de.kontor.license.ClientMessages.VersionCheckRequest;
import de.kontor.license.ClientMessages.VersionInfo;
import de.kontor.license.LicenseEnums.ActivationState;
import de.kontor.license.LicenseEnums.Channel;
import de.kontor.license.LicenseEnums.LicenseStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The license module's service: products, releases and client keys; licenses and their activations; the
 * client API's operations; module licenses; maintenance (inactive devices, heartbeat partitions). Every
 * admin write is one transaction with its audit entry; the work is done by the package's workers
 * ({@link ProductCatalog}, {@link LicenseIssuer}, {@link LicenseSearch}, {@link DeviceSlots},
 * {@link ClientOperations}, {@link VersionChecks}, {@link ModuleLicenses}, {@link LicenseMaintenance}).
 */
@Service
public class LicenseService {

    static final String MODULE = "license";
    public static final Set<String> SORTABLE = Set.of(
            "key", "type", "status", "validFrom", "validUntil", "maxActivations", "createdAt", "updatedAt", "id");

    private final ProductCatalog catalog;
    private final LicenseIssuer issuer;
    private final LicenseSearch search;
    private final DeviceSlots devices;
    private final ClientOperations client;
    private final VersionChecks versions;
    private final ModuleLicenses modules;
    private final LicenseMaintenance maintenance;
    private final LicenseRepository licenses;
    private final ActivationRepository activations;
    private final HeartbeatStore heartbeats;
    private final LicenseAnomalies anomalyRules;
    private final LeaseSigner signer;
    private final TransientConflicts conflicts;
    private final Clock clock;
    private final ZoneId zone;

    LicenseService(
            ProductCatalog catalog,
            LicenseIssuer issuer,
            LicenseSearch search,
            DeviceSlots devices,
            ClientOperations client,
            VersionChecks versions,
            ModuleLicenses modules,
            LicenseMaintenance maintenance,
            LicenseRepository licenses,
            ActivationRepository activations,
            HeartbeatStore heartbeats,
            LicenseAnomalies anomalyRules,
            LeaseSigner signer,
            TransientConflicts conflicts,
            Clock clock,
            ZoneId zone) {
        this.catalog = catalog;
        this.issuer = issuer;
        this.search = search;
        this.devices = devices;
        this.client = client;
        this.versions = versions;
        this.modules = modules;
        this.maintenance = maintenance;
        this.licenses = licenses;
        this.activations = activations;
        this.heartbeats = heartbeats;
        this.anomalyRules = anomalyRules;
        this.signer = signer;
        this.conflicts = conflicts;
        this.clock = clock;
        this.zone = zone;
    }

    // =================================================================================================
    // Products, releases, client keys
    // =================================================================================================

    @Transactional
    public Product createProduct(String code, ProductTerms terms) {
        return catalog.createProduct(code, terms);
    }

    @Transactional
    public Product updateProduct(long id, long expectedVersion, ProductTerms terms) {
        return catalog.updateProduct(id, expectedVersion, terms);
    }

    /** Where licenses of a product on the Gitea backend are checked; earlier answers for it are forgotten. */
    @Transactional
    public Product configureGitea(long id, GiteaSettings settings) {
        return catalog.configureGitea(id, settings);
    }

    @Transactional(readOnly = true)
    public List<Product> products() {
        return catalog.products();
    }

    @Transactional(readOnly = true)
    public Product product(long id) {
        return catalog.product(id);
    }

    @Transactional(readOnly = true)
    public Optional<Product> productByCode(String code) {
        return catalog.productByCode(code);
    }

    @Transactional
    public Release addRelease(
            long productId,
            String version,
            Channel channel,
            LocalDate releaseDate,
            @Nullable String notes,
            @Nullable String downloadUrl) {
        return catalog.addRelease(productId, version, channel, releaseDate, notes, downloadUrl);
    }

    @Transactional
    public void deleteRelease(long releaseId) {
        catalog.deleteRelease(releaseId);
    }

    /** Releases of a product, newest version first. */
    @Transactional(readOnly = true)
    public List<Release> releases(long productId) {
        return catalog.releases(productId);
    }

    @Transactional
    public IssuedClientKey createClientKey(long productId, String name) {
        return catalog.createClientKey(productId, name);
    }

    @Transactional
    public void revokeClientKey(long keyId) {
        catalog.revokeClientKey(keyId);
    }

    @Transactional(readOnly = true)
    public List<ClientKey> clientKeys(long productId) {
        return catalog.clientKeys(productId);
    }

    /** The product an {@code X-API-Key} belongs to, if the key is valid. */
    @Transactional(readOnly = true)
    public Optional<Long> productOfClientKey(String value) {
        return catalog.productOfClientKey(value);
    }

    // =================================================================================================
    // Licenses
    // =================================================================================================

    @Transactional
    public License createLicense(long productId, long customerId, LicenseTerms terms) {
        return issuer.createLicense(productId, customerId, terms);
    }

    /** {@code count} licenses with the same terms, each with its own key. */
    @Transactional
    public List<License> createBatch(long productId, long customerId, LicenseTerms terms, int count) {
        return issuer.createBatch(productId, customerId, terms, count);
    }

    @Transactional
    public License updateTerms(long id, long expectedVersion, LicenseTerms terms) {
        return issuer.updateTerms(id, expectedVersion, terms);
    }

    /** Quick edit: status, end of validity and maximum of machines in one go. */
    @Transactional
    public License quickEdit(
            long id, long expectedVersion, LicenseStatus status, @Nullable LocalDate validUntil, int maxActivations) {
        return issuer.quickEdit(id, expectedVersion, status, validUntil, maxActivations);
    }

    @Transactional
    public List<License> suspend(Collection<Long> ids) {
        return issuer.suspend(ids);
    }

    @Transactional
    public List<License> reactivate(Collection<Long> ids) {
        return issuer.reactivate(ids);
    }

    /** Revoking is final: a revoked license cannot be reactivated, its key is never used again. */
    @Transactional
    public List<License> revoke(Collection<Long> ids) {
        return issuer.revoke(ids);
    }

    /** Extends validity by {@code days}, counted from the current end (or from today if that passed). */
    @Transactional
    public List<License> extend(Collection<Long> ids, int days) {
        return issuer.extend(ids, days);
    }

    @Transactional(readOnly = true)
    public License license(long id) {
        return issuer.license(id);
    }

    @Transactional(readOnly = true)
    public Optional<License> licenseByKey(String key) {
        return Optional.ofNullable(LicenseKeys.normalize(key)).flatMap(licenses::findByKey);
    }

    @Transactional(readOnly = true)
    public Slice<License> find(LicenseQuery query, Pageable pageable) {
        return search.find(query, pageable);
    }

    @Transactional(readOnly = true)
    public long count(LicenseQuery query) {
        return search.count(query);
    }

    // =================================================================================================
    // Activations
    // =================================================================================================

    @Transactional(readOnly = true)
    public List<Activation> activations(long licenseId) {
        return devices.activations(licenseId);
    }

    /** Number of activations holding a slot, per license. */
    @Transactional(readOnly = true)
    public Map<Long, Long> usedSlots(Collection<Long> licenseIds) {
        return devices.usedSlots(licenseIds);
    }

    @Transactional
    public Activation deactivate(long activationId) {
        return devices.deactivate(activationId);
    }

    /** Frees a device's slot for a replacement machine: the next new machine that activates takes it over. */
    @Transactional
    public Activation transfer(long activationId) {
        return devices.transfer(activationId);
    }

    /** Heartbeats per day of a license over the last {@code days} days. */
    @Transactional(readOnly = true)
    public List<DailyUsage> heartbeatHistory(long licenseId, int days) {
        // heartbeats are counted per UTC day (their partitions and roll-ups are UTC), whatever the display zone
        LocalDate todayUtc = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return heartbeats.daily(licenseId, todayUtc.minusDays(days - 1L));
    }

    /** The highest value of each usage counter per (UTC) day over the last {@code days} days. */
    @Transactional(readOnly = true)
    public Map<String, Map<LocalDate, Long>> usageCounters(long licenseId, int days) {
        LocalDate todayUtc = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return heartbeats.counterHistory(licenseId, todayUtc.minusDays(days - 1L));
    }

    /** The anomaly rules the license breaks now. */
    @Transactional(readOnly = true)
    public List<LicenseAnomaly> anomalies(long licenseId) {
        return anomalyRules.of(licenseId);
    }

    /** Which of these licenses an anomaly rule flags now. */
    @Transactional(readOnly = true)
    public Set<Long> flaggedLicenses(Collection<Long> licenseIds) {
        return anomalyRules.flagged(licenseIds);
    }

    /** How many licenses an anomaly rule flags now (what monitoring alerts on). */
    @Transactional(readOnly = true)
    public int flaggedLicenseCount() {
        return anomalyRules.flaggedLicenses().size();
    }

    /** Checks every license against the anomaly rules; returns how many are flagged. */
    @Transactional
    public int checkAnomalies() {
        return anomalyRules.check(clock.instant());
    }

    @Transactional(readOnly = true)
    public LicenseStats stats() {
        LocalDate today = today();
        return new LicenseStats(
                licenses.countActive(today),
                activations.countByState(ActivationState.ACTIVE),
                activations.countByState(ActivationState.INACTIVE),
                licenses.countExpiring(today, today.plusDays(30)));
    }

    // =================================================================================================
    // Client API (the product is the one of the caller's client key)
    // A transaction of these that loses a conflict with another node's (deadlock, Galera certification) is
    // run again: each is complete in itself, and the one that lost left nothing behind.
    // =================================================================================================

    public Activated activate(long productId, ActivateRequest request) {
        return conflicts.retry(() -> client.activate(productId, request));
    }

    public Verdict verify(long productId, VerifyRequest request) {
        return conflicts.retry(() -> client.verify(productId, request));
    }

    public Verdict heartbeat(long productId, HeartbeatRequest request) {
        return heartbeat(productId, request, null);
    }

    /** A heartbeat from {@code address} (kept for the anomaly rules). */
    public Verdict heartbeat(long productId, HeartbeatRequest request, @Nullable String address) {
        return conflicts.retry(() -> client.heartbeat(productId, request, address));
    }

    public Deactivated deactivate(long productId, DeactivateRequest request) {
        return conflicts.retry(() -> client.deactivate(productId, request));
    }

    public Info info(long productId, @Nullable String licenseKey) {
        return client.info(productId, licenseKey);
    }

    @Transactional(readOnly = true)
    public VersionInfo checkVersion(long productId, VersionCheckRequest request) {
        return versions.checkVersion(productId, request);
    }

    @Transactional(readOnly = true)
    public VersionInfo latestVersion(long productId, @Nullable String productCode, Channel channel) {
        return versions.latestVersion(productId, productCode, channel);
    }

    public PublicKeyInfo publicKey() {
        return new PublicKeyInfo(
                "Ed25519", signer.keyId(), signer.publicKeyPem(), signer.publicKeyRaw(), List.of("lease"));
    }

    // =================================================================================================
    // Module licenses: the license this Kontor holds per module (product), by Gitea token or Kontor key
    // =================================================================================================

    /** Every module with its license; {@code online} asks Gitea now instead of using a yes of the last 24 h. */
    public List<ModuleStatus> modules(boolean online, Locale locale) {
        return modules.list(online, locale);
    }

    public ModuleStatus module(String module, boolean online, Locale locale) {
        return modules.status(module, online, locale);
    }

    /**
     * Registers a Gitea token or Kontor key as the module's license after checking it; a token that is
     * refused (422) or cannot be checked (503, Gitea unreachable) is not stored.
     */
    @Transactional
    public ModuleStatus registerModuleLicense(String module, @Nullable String licenseKey, Locale locale) {
        return modules.register(module, licenseKey, locale);
    }

    @Transactional
    public void revokeModuleLicense(String module) {
        modules.revoke(module);
    }

    // =================================================================================================
    // Maintenance (Quartz triggers these)
    // =================================================================================================

    /** Activations without a heartbeat for three of their product's intervals become inactive. */
    @Transactional
    public int markInactiveActivations() {
        return maintenance.markInactiveActivations();
    }

    /**
     * Keeps the heartbeat partitions: the current and the next three months exist; months entirely
     * older than the retention (90 days) are rolled up into daily sums and dropped.
     */
    public void maintainHeartbeatPartitions() {
        maintenance.maintainHeartbeatPartitions();
    }

    // =================================================================================================
    // For the customer module and the UI
    // =================================================================================================

    @Transactional(readOnly = true)
    public long countLicensesOfCustomer(long customerId) {
        return licenses.countByCustomerId(customerId);
    }

    @Transactional(readOnly = true)
    public long countDevicesOfCustomer(long customerId) {
        return activations.countDevicesOfCustomer(customerId);
    }

    @Transactional(readOnly = true)
    public Optional<Instant> lastSeenOfCustomer(long customerId) {
        return activations.lastSeenOfCustomer(customerId);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
