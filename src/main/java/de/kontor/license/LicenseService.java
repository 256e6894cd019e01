package de.kontor.license;

import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditService;
import de.kontor.base.crypto.Hashes;
import de.kontor.base.db.Like;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerService;
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
import de.kontor.license.LicenseEnums.LicenseType;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The license module's service: products, releases and client keys; licenses and their
 * activations; the client API's operations; maintenance (inactive devices, heartbeat partitions).
 */
@Service
public class LicenseService {

    static final String MODULE = "license";
    public static final Set<String> SORTABLE = Set.of(
            "key", "type", "status", "validFrom", "validUntil", "maxActivations", "createdAt", "updatedAt", "id");
    /** Heartbeats are kept this long in full detail, then only as daily sums. */
    static final Duration HEARTBEAT_RETENTION = Duration.ofDays(90);

    private static final String CLIENT_KEY_PREFIX = "kcl_";

    private final ProductRepository products;
    private final ReleaseRepository releases;
    private final ClientKeyRepository clientKeys;
    private final LicenseRepository licenses;
    private final ActivationRepository activations;
    private final ClientOperations client;
    private final HeartbeatStore heartbeats;
    private final LeaseSigner signer;
    private final LicenseSnapshots snapshots;
    private final CustomerService customers;
    private final AuditService audit;
    private final Validator validator;
    private final Clock clock;
    private final ZoneId zone;
    private final ModuleLicenses modules;
    private final GiteaLicenses gitea;

    LicenseService(
            ProductRepository products,
            ReleaseRepository releases,
            ClientKeyRepository clientKeys,
            LicenseRepository licenses,
            ActivationRepository activations,
            ClientOperations client,
            HeartbeatStore heartbeats,
            LeaseSigner signer,
            LicenseSnapshots snapshots,
            CustomerService customers,
            AuditService audit,
            Validator validator,
            Clock clock,
            ZoneId zone,
            ModuleLicenses modules,
            GiteaLicenses gitea) {
        this.modules = modules;
        this.gitea = gitea;
        this.products = products;
        this.releases = releases;
        this.clientKeys = clientKeys;
        this.licenses = licenses;
        this.activations = activations;
        this.client = client;
        this.heartbeats = heartbeats;
        this.signer = signer;
        this.snapshots = snapshots;
        this.customers = customers;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.zone = zone;
    }

    // =================================================================================================
    // Products, releases, client keys
    // =================================================================================================

    @Transactional
    public Product createProduct(String code, ProductTerms terms) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z0-9][A-Z0-9_-]{1,39}")) {
            throw DomainException.invalidField("code", "INVALID_PRODUCT_CODE", "license.product.codePattern");
        }
        validate(terms);
        if (products.existsByCode(c)) {
            throw DomainException.conflict("PRODUCT_CODE_TAKEN", "license.product.codeTaken", c)
                    .onField("code");
        }
        Product product = products.save(new Product(c, clean(terms), clock.instant()));
        audit.record(MODULE, "Product", product.getId(), "CREATE", "Product " + c + " created");
        return product;
    }

    @Transactional
    public Product updateProduct(long id, long expectedVersion, ProductTerms terms) {
        Product product = product(id);
        if (product.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        validate(terms);
        ProductTerms before = product.terms();
        product.apply(clean(terms), clock.instant());
        products.flush();
        audit.record(
                MODULE,
                "Product",
                id,
                "UPDATE",
                "Product " + product.getCode() + " updated",
                AuditChange.diff(termsMap(before), termsMap(product.terms())));
        return product;
    }

    /** Where licenses of a product on the Gitea backend are checked; earlier answers for it are forgotten. */
    @Transactional
    public Product configureGitea(long id, GiteaSettings settings) {
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
                MODULE,
                "Product",
                id,
                "UPDATE",
                "Gitea settings of " + product.getCode() + " changed",
                List.of(new AuditChange("gitea", before, cleaned.toString())));
        return product;
    }

    @Transactional(readOnly = true)
    public List<Product> products() {
        return products.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Product product(long id) {
        return products.findById(id)
                .orElseThrow(() -> DomainException.notFound("PRODUCT_NOT_FOUND", "license.product.notFound", id));
    }

    @Transactional(readOnly = true)
    public Optional<Product> productByCode(String code) {
        return products.findByCode(code.strip().toUpperCase(Locale.ROOT));
    }

    @Transactional
    public Release addRelease(
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
                blankToNull(notes),
                blankToNull(downloadUrl)));
        audit.record(MODULE, "Product", productId, "RELEASE", "Release " + v + " of " + product.getCode() + " added");
        return release;
    }

    @Transactional
    public void deleteRelease(long releaseId) {
        Release release = releases.findById(releaseId)
                .orElseThrow(
                        () -> DomainException.notFound("RELEASE_NOT_FOUND", "license.release.notFound", releaseId));
        releases.delete(release);
        audit.record(
                MODULE,
                "Product",
                release.getProductId(),
                "RELEASE_DELETE",
                "Release " + release.getVersion() + " removed");
    }

    /** Releases of a product, newest version first. */
    @Transactional(readOnly = true)
    public List<Release> releases(long productId) {
        return releases.findByProductId(productId).stream()
                .sorted((a, b) -> b.appVersion().compareTo(a.appVersion()))
                .toList();
    }

    @Transactional
    public IssuedClientKey createClientKey(long productId, String name) {
        Product product = product(productId);
        if (name == null || name.isBlank()) {
            throw DomainException.invalidField("name", "NAME_REQUIRED", "validation.required");
        }
        if (name.length() > 100) {
            throw DomainException.invalidField("name", "NAME_TOO_LONG", "validation.tooLong", 100);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String value =
                CLIENT_KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ClientKey key = clientKeys.save(new ClientKey(
                productId,
                name.strip(),
                Hashes.sha256Hex(value),
                value.substring(0, CLIENT_KEY_PREFIX.length() + 6),
                clock.instant()));
        audit.record(
                MODULE,
                "ClientKey",
                key.getId(),
                "CREATE",
                "Client key \"" + name.strip() + "\" created for " + product.getCode());
        return new IssuedClientKey(key, value);
    }

    @Transactional
    public void revokeClientKey(long keyId) {
        ClientKey key = clientKeys
                .findById(keyId)
                .orElseThrow(
                        () -> DomainException.notFound("CLIENT_KEY_NOT_FOUND", "license.clientKey.notFound", keyId));
        key.revoke(clock.instant());
        audit.record(MODULE, "ClientKey", keyId, "REVOKE", "Client key \"" + key.getName() + "\" revoked");
    }

    @Transactional(readOnly = true)
    public List<ClientKey> clientKeys(long productId) {
        return clientKeys.findByProductIdOrderByCreatedAtDesc(productId);
    }

    /** The product an {@code X-API-Key} belongs to, if the key is valid. */
    @Transactional(readOnly = true)
    public Optional<Long> productOfClientKey(String value) {
        return clientKeys
                .findByKeyHash(Hashes.sha256Hex(value))
                .filter(ClientKey::isActive)
                .map(ClientKey::getProductId);
    }

    // =================================================================================================
    // Licenses
    // =================================================================================================

    @Transactional
    public License createLicense(long productId, long customerId, LicenseTerms terms) {
        return createBatch(productId, customerId, terms, 1).getFirst();
    }

    /** {@code count} licenses with the same terms, each with its own key. */
    @Transactional
    public List<License> createBatch(long productId, long customerId, LicenseTerms terms, int count) {
        Product product = product(productId);
        if (product.isArchived()) {
            throw DomainException.conflict("PRODUCT_ARCHIVED", "license.product.archived", product.getCode());
        }
        Customer customer = activeCustomer(customerId);
        if (count < 1 || count > 1000) {
            throw DomainException.invalidField("count", "INVALID_COUNT", "license.batch.count", 1000);
        }
        LicenseTerms checked = checkTerms(terms);
        List<License> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key;
            do {
                key = LicenseKeys.generate();
            } while (licenses.existsByKey(key));
            License license = licenses.save(new License(key, productId, customer.getId(), checked, clock.instant()));
            created.add(license);
            audit.record(
                    MODULE,
                    "License",
                    license.getId(),
                    "CREATE",
                    "License " + key + " for " + customer.getNumber() + " (" + product.getCode() + ") created",
                    AuditChange.diff(Map.of(), license.snapshot()));
        }
        licenses.flush();
        return created;
    }

    @Transactional
    public License updateTerms(long id, long expectedVersion, LicenseTerms terms) {
        License license = license(id);
        if (license.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        LicenseTerms checked = checkTerms(terms);
        var before = license.snapshot();
        license.apply(checked, clock.instant());
        licenses.flush();
        audit.record(
                MODULE,
                "License",
                id,
                "UPDATE",
                "License " + license.getKey() + " updated",
                AuditChange.diff(before, license.snapshot()));
        return license;
    }

    /** Quick edit: status, end of validity and maximum of machines in one go. */
    @Transactional
    public License quickEdit(
            long id, long expectedVersion, LicenseStatus status, @Nullable LocalDate validUntil, int maxActivations) {
        License license = license(id);
        if (license.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        if (license.getStatus() == LicenseStatus.REVOKED && status != LicenseStatus.REVOKED) {
            throw DomainException.conflict("LICENSE_REVOKED", "license.revokedFinal", license.getKey());
        }
        LicenseTerms terms =
                checkTerms(license.terms().withValidUntil(validUntil).withMaxActivations(maxActivations));
        var before = license.snapshot();
        license.apply(terms, clock.instant());
        license.changeStatus(status, clock.instant());
        licenses.flush();
        audit.record(
                MODULE,
                "License",
                id,
                "UPDATE",
                "License " + license.getKey() + " updated",
                AuditChange.diff(before, license.snapshot()));
        return license;
    }

    @Transactional
    public List<License> suspend(Collection<Long> ids) {
        return changeStatus(ids, LicenseStatus.SUSPENDED, "SUSPEND");
    }

    @Transactional
    public List<License> reactivate(Collection<Long> ids) {
        return changeStatus(ids, LicenseStatus.ACTIVE, "REACTIVATE");
    }

    /** Revoking is final: a revoked license cannot be reactivated, its key is never used again. */
    @Transactional
    public List<License> revoke(Collection<Long> ids) {
        return changeStatus(ids, LicenseStatus.REVOKED, "REVOKE");
    }

    /** Extends validity by {@code days}, counted from the current end (or from today if that passed). */
    @Transactional
    public List<License> extend(Collection<Long> ids, int days) {
        if (days < 1 || days > 3650) {
            throw DomainException.invalidField("days", "INVALID_DAYS", "license.extend.days", 3650);
        }
        LocalDate today = today();
        List<License> changed = new ArrayList<>();
        for (Long id : ids) {
            License license = license(id);
            if (license.getValidUntil() == null) {
                throw DomainException.conflict("LICENSE_UNLIMITED", "license.extend.unlimited", license.getKey());
            }
            LocalDate from = license.getValidUntil().isBefore(today) ? today : license.getValidUntil();
            LocalDate until = from.plusDays(days);
            LocalDate before = license.getValidUntil();
            license.extend(until, clock.instant());
            audit.record(
                    MODULE,
                    "License",
                    id,
                    "EXTEND",
                    "License " + license.getKey() + " extended by " + days + " days",
                    List.of(AuditChange.of("validUntil", before, until)));
            changed.add(license);
        }
        licenses.flush();
        return changed;
    }

    private List<License> changeStatus(Collection<Long> ids, LicenseStatus status, String action) {
        List<License> changed = new ArrayList<>();
        for (Long id : ids) {
            License license = license(id);
            if (license.getStatus() == LicenseStatus.REVOKED && status != LicenseStatus.REVOKED) {
                throw DomainException.conflict("LICENSE_REVOKED", "license.revokedFinal", license.getKey());
            }
            if (license.getStatus() != status) {
                LicenseStatus before = license.getStatus();
                license.changeStatus(status, clock.instant());
                audit.record(
                        MODULE,
                        "License",
                        id,
                        action,
                        "License " + license.getKey() + " " + status.name().toLowerCase(Locale.ROOT),
                        List.of(AuditChange.of("status", before, status)));
            }
            changed.add(license);
        }
        licenses.flush();
        return changed;
    }

    @Transactional(readOnly = true)
    public License license(long id) {
        return licenses.findById(id)
                .orElseThrow(() -> DomainException.notFound("LICENSE_NOT_FOUND", "license.notFound", id));
    }

    @Transactional(readOnly = true)
    public Optional<License> licenseByKey(String key) {
        return Optional.ofNullable(LicenseKeys.normalize(key)).flatMap(licenses::findByKey);
    }

    @Transactional(readOnly = true)
    public Slice<License> find(LicenseQuery query, Pageable pageable) {
        return licenses.findBy(specification(query), q -> q.slice(sorted(pageable)));
    }

    @Transactional(readOnly = true)
    public long count(LicenseQuery query) {
        return licenses.count(specification(query));
    }

    // =================================================================================================
    // Activations
    // =================================================================================================

    @Transactional(readOnly = true)
    public List<Activation> activations(long licenseId) {
        return activations.findByLicenseIdOrderByFirstSeenAtAsc(licenseId);
    }

    /** Number of activations holding a slot, per license. */
    @Transactional(readOnly = true)
    public Map<Long, Long> usedSlots(Collection<Long> licenseIds) {
        Map<Long, Long> used = new HashMap<>();
        if (!licenseIds.isEmpty()) {
            activations.findByLicenseIdIn(licenseIds).stream()
                    .filter(Activation::holdsSlot)
                    .forEach(a -> used.merge(a.getLicenseId(), 1L, Long::sum));
        }
        return used;
    }

    @Transactional
    public Activation deactivate(long activationId) {
        Activation activation = activation(activationId);
        License license = licenses.lockById(activation.getLicenseId()).orElseThrow();
        if (activation.getState() != ActivationState.DEACTIVATED) {
            activation.deactivate(clock.instant());
            audit.record(
                    MODULE,
                    "Activation",
                    activationId,
                    "DEACTIVATE",
                    "Device " + describe(activation) + " of license " + license.getKey() + " deactivated by an admin");
        }
        return activation;
    }

    /** Frees a device's slot for a replacement machine: the next new machine that activates takes it over. */
    @Transactional
    public Activation transfer(long activationId) {
        Activation activation = activation(activationId);
        License license = licenses.lockById(activation.getLicenseId()).orElseThrow();
        if (!activation.holdsSlot()) {
            throw DomainException.conflict("ACTIVATION_DEACTIVATED", "license.transfer.deactivated");
        }
        String was = describe(activation);
        activation.releaseForTransfer();
        audit.record(
                MODULE,
                "Activation",
                activationId,
                "TRANSFER_START",
                "Slot of device " + was + " of license " + license.getKey() + " freed for a replacement machine");
        return activation;
    }

    private Activation activation(long id) {
        return activations
                .findById(id)
                .orElseThrow(() -> DomainException.notFound("ACTIVATION_NOT_FOUND", "license.activation.notFound", id));
    }

    /** Heartbeats per day of a license over the last {@code days} days. */
    @Transactional(readOnly = true)
    public List<DailyUsage> heartbeatHistory(long licenseId, int days) {
        return heartbeats.daily(licenseId, today().minusDays(days - 1L));
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
    // =================================================================================================

    public Activated activate(long productId, ActivateRequest request) {
        return client.activate(productId, request);
    }

    public Verdict verify(long productId, VerifyRequest request) {
        return client.verify(productId, request);
    }

    public Verdict heartbeat(long productId, HeartbeatRequest request) {
        return client.heartbeat(productId, request);
    }

    public Deactivated deactivate(long productId, DeactivateRequest request) {
        return client.deactivate(productId, request);
    }

    public Info info(long productId, @Nullable String licenseKey) {
        return client.info(productId, licenseKey);
    }

    public VersionInfo checkVersion(long productId, VersionCheckRequest request) {
        return client.checkVersion(productId, request);
    }

    public VersionInfo latestVersion(long productId, @Nullable String productCode, Channel channel) {
        return client.latestVersion(productId, productCode, channel);
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
        Instant now = clock.instant();
        int changed = 0;
        for (Product product : products.findAll()) {
            Instant cutoff = now.minus(product.heartbeatInterval().multipliedBy(3));
            changed += activations.markInactive(product.getId(), cutoff);
        }
        if (changed > 0) {
            snapshots.invalidateAll();
        }
        return changed;
    }

    /**
     * Keeps the heartbeat partitions: the current and the next three months exist; months entirely
     * older than the retention (90 days) are rolled up into daily sums and dropped.
     */
    public void maintainHeartbeatPartitions() {
        YearMonth current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        heartbeats.ensureMonthsUntil(current.minusMonths(3), current.plusMonths(3));
        Instant oldest = clock.instant().minus(HEARTBEAT_RETENTION);
        for (YearMonth month : heartbeats.partitions()) {
            Instant end =
                    month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!end.isAfter(oldest)) {
                heartbeats.rollUpAndDrop(month);
            }
        }
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

    // ---- helpers -------------------------------------------------------------------------------------

    private Customer activeCustomer(long customerId) {
        Customer customer = customers.get(customerId);
        if (customer.isArchived()) {
            throw DomainException.conflict("CUSTOMER_ARCHIVED", "license.customer.archived", customer.getNumber())
                    .onField("customerId");
        }
        return customer;
    }

    private LicenseTerms checkTerms(LicenseTerms terms) {
        validate(terms);
        if (terms.validUntil() != null && terms.validUntil().isBefore(terms.validFrom())) {
            throw DomainException.invalidField("validUntil", "INVALID_VALIDITY", "license.validity.order");
        }
        if (terms.type() != LicenseType.PERPETUAL && terms.validUntil() == null) {
            throw DomainException.invalidField("validUntil", "VALID_UNTIL_REQUIRED", "license.validity.required");
        }
        return new LicenseTerms(
                terms.type(),
                terms.validFrom(),
                terms.validUntil(),
                terms.maxActivations(),
                terms.features(),
                terms.limits(),
                blankToNull(terms.notes()));
    }

    private <T> void validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private static ProductTerms clean(ProductTerms t) {
        return new ProductTerms(
                t.name().strip(),
                blankToNull(t.minSupportedVersion()),
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

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static String describe(Activation a) {
        return a.getHostname() != null ? a.getHostname() : (a.getMac() != null ? a.getMac() : "#" + a.getId());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Pageable sorted(Pageable pageable) {
        if (pageable.getSort().isUnsorted()) {
            return PageRequest.of(
                    pageable.getPageNumber(),
                    pageable.getPageSize(),
                    Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        }
        for (Sort.Order order : pageable.getSort()) {
            if (!SORTABLE.contains(order.getProperty())) {
                throw DomainException.invalidField("sort", "INVALID_SORT", "license.error.sort", order.getProperty());
            }
        }
        return pageable;
    }

    private Specification<License> specification(LicenseQuery query) {
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.productId() != null) {
                where.add(cb.equal(root.get("productId"), query.productId()));
            }
            if (query.customerId() != null) {
                where.add(cb.equal(root.get("customerId"), query.customerId()));
            }
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            }
            if (query.type() != null) {
                where.add(cb.equal(root.get("type"), query.type()));
            }
            if (query.expiringWithinDays() != null) {
                LocalDate today = today();
                where.add(cb.between(root.get("validUntil"), today, today.plusDays(query.expiringWithinDays())));
            }
            if (query.text() != null && !query.text().isBlank()) {
                String like = Like.contains(query.text());
                String key = LicenseKeys.normalize(query.text());
                Predicate text = cb.or(
                        cb.like(cb.lower(root.get("key")), like, Like.ESCAPE),
                        cb.like(cb.lower(root.get("notes")), like, Like.ESCAPE));
                where.add(key == null ? text : cb.or(text, cb.equal(root.get("key"), key)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
