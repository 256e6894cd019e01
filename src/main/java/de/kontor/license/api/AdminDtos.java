package de.kontor.license.api;

import de.kontor.license.Activation;
import de.kontor.license.ClientKey;
import de.kontor.license.License;
import de.kontor.license.LicenseEnums.Backend;
import de.kontor.license.LicenseEnums.Channel;
import de.kontor.license.LicenseEnums.LicenseStatus;
import de.kontor.license.LicenseEnums.LicenseType;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseTerms;
import de.kontor.license.Product;
import de.kontor.license.ProductTerms;
import de.kontor.license.Release;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Bodies of the admin license API. */
final class AdminDtos {

    private AdminDtos() {}

    record ProductBody(
            @Nullable String code,
            @Nullable String name,
            @Nullable String minSupportedVersion,
            @Nullable MatchRule matchRule,
            @Nullable Integer heartbeatMinutes,
            @Nullable Integer graceDays,
            @Nullable Backend backend,
            @Nullable Long version) {
        ProductTerms terms() {
            ProductTerms defaults = ProductTerms.defaults(name == null ? "" : name);
            return new ProductTerms(
                    name == null ? "" : name,
                    minSupportedVersion,
                    matchRule == null ? defaults.matchRule() : matchRule,
                    heartbeatMinutes == null ? defaults.heartbeatMinutes() : heartbeatMinutes,
                    graceDays == null ? defaults.graceDays() : graceDays,
                    backend == null ? defaults.backend() : backend);
        }
    }

    record ProductDto(
            long id,
            String code,
            String name,
            @Nullable String minSupportedVersion,
            MatchRule matchRule,
            int heartbeatMinutes,
            int graceDays,
            Backend backend,
            de.kontor.license.@Nullable GiteaSettings gitea,
            boolean archived,
            long version,
            List<ReleaseDto> releases,
            List<ClientKeyDto> clientKeys) {
        static ProductDto of(Product p, List<Release> releases, List<ClientKey> keys) {
            return new ProductDto(
                    p.getId(),
                    p.getCode(),
                    p.getName(),
                    p.getMinSupportedVersion(),
                    p.getMatchRule(),
                    p.getHeartbeatMinutes(),
                    p.getGraceDays(),
                    p.getBackend(),
                    p.giteaSettings().orElse(null),
                    p.isArchived(),
                    p.getVersion(),
                    releases.stream().map(ReleaseDto::of).toList(),
                    keys.stream().map(ClientKeyDto::of).toList());
        }
    }

    record ReleaseBody(
            @Nullable String version,
            @Nullable Channel channel,
            @Nullable LocalDate releaseDate,
            @Nullable String notes,
            @Nullable String downloadUrl) {}

    record ReleaseDto(
            long id,
            String version,
            Channel channel,
            LocalDate releaseDate,
            @Nullable String notes,
            @Nullable String downloadUrl) {
        static ReleaseDto of(Release r) {
            return new ReleaseDto(
                    r.getId(), r.getVersion(), r.getChannel(), r.getReleaseDate(), r.getNotes(), r.getDownloadUrl());
        }
    }

    record ClientKeyBody(@Nullable String name) {}

    record ClientKeyDto(
            long id,
            String name,
            String prefix,
            Instant createdAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {
        static ClientKeyDto of(ClientKey k) {
            return new ClientKeyDto(
                    k.getId(), k.getName(), k.getKeyPrefix(), k.getCreatedAt(), k.getLastUsedAt(), k.getRevokedAt());
        }
    }

    record IssuedClientKeyDto(ClientKeyDto key, String value) {}

    record LicenseBody(
            @Nullable Long productId,
            @Nullable Long customerId,
            @Nullable LicenseType type,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validUntil,
            @Nullable Integer maxActivations,
            @Nullable Set<String> features,
            @Nullable Map<String, Long> limits,
            @Nullable String notes,
            @Nullable Integer count,
            @Nullable Long version) {
        LicenseTerms terms(LocalDate today) {
            return new LicenseTerms(
                    type == null ? LicenseType.SUBSCRIPTION : type,
                    validFrom == null ? today : validFrom,
                    validUntil,
                    maxActivations == null ? 1 : maxActivations,
                    features == null ? Set.of() : features,
                    limits == null ? Map.of() : limits,
                    notes);
        }
    }

    record LicenseDto(
            long id,
            String key,
            long productId,
            long customerId,
            LicenseType type,
            LocalDate validFrom,
            @Nullable LocalDate validUntil,
            int maxActivations,
            long activationsUsed,
            LicenseStatus status,
            Set<String> features,
            Map<String, Long> limits,
            @Nullable String notes,
            Instant createdAt,
            long version) {
        static LicenseDto of(License l, long used) {
            return new LicenseDto(
                    l.getId(),
                    l.getKey(),
                    l.getProductId(),
                    l.getCustomerId(),
                    l.getType(),
                    l.getValidFrom(),
                    l.getValidUntil(),
                    l.getMaxActivations(),
                    used,
                    l.getStatus(),
                    l.getFeatures(),
                    l.getLimits(),
                    l.getNotes(),
                    l.getCreatedAt(),
                    l.getVersion());
        }
    }

    record LicensePage(List<LicenseDto> items, int page, int size, long total, boolean hasNext) {}

    record IdsBody(
            @Nullable String action,
            @Nullable List<Long> ids,
            @Nullable Integer days) {}

    record ActivationDto(
            long id,
            @Nullable String hostname,
            @Nullable String mac,
            @Nullable String cpuId,
            @Nullable String systemUuid,
            @Nullable String appVersion,
            String state,
            boolean transferPending,
            int transferCount,
            Instant firstSeenAt,
            Instant lastSeenAt,
            @Nullable Instant deactivatedAt) {
        static ActivationDto of(Activation a) {
            return new ActivationDto(
                    a.getId(),
                    a.getHostname(),
                    a.getMac(),
                    a.getCpuId(),
                    a.getSystemUuid(),
                    a.getAppVersion(),
                    a.getState().name(),
                    a.isTransferPending(),
                    a.getTransferCount(),
                    a.getFirstSeenAt(),
                    a.getLastSeenAt(),
                    a.getDeactivatedAt());
        }
    }
}
