package de.kontor.license;

import de.kontor.license.ClientMessages.VersionCheckRequest;
import de.kontor.license.ClientMessages.VersionInfo;
import de.kontor.license.LicenseEnums.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.Optional;

/** The client API's version check: the latest release of a channel, whether an update is available or required. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class VersionChecks {

    private final ProductRepository products;
    private final ReleaseRepository releases;

    VersionChecks(ProductRepository products, ReleaseRepository releases) {
        this.products = products;
        this.releases = releases;
    }

    VersionInfo checkVersion(long productId, VersionCheckRequest request) {
        Product product = product(productId, request.product());
        if (!AppVersion.isValid(request.version())) {
            throw ClientOperations.error(
                    400, "INVALID_REQUEST", "license.client.badVersion", String.valueOf(request.version()));
        }
        AppVersion current = AppVersion.parse(request.version());
        Optional<Release> latest = latest(product, Channel.STABLE);
        boolean required = product.getMinSupportedVersion() != null
                && current.isBefore(AppVersion.parse(product.getMinSupportedVersion()));
        boolean available = latest.isPresent() && current.isBefore(latest.get().appVersion());
        return versionInfo(product, latest, available, required);
    }

    VersionInfo latestVersion(long productId, @Nullable String productCode, Channel channel) {
        Product product = product(productId, productCode);
        return versionInfo(product, latest(product, channel), false, false);
    }

    private VersionInfo versionInfo(Product product, Optional<Release> latest, boolean available, boolean required) {
        return new VersionInfo(
                product.getCode(),
                latest.map(Release::getVersion).orElse(null),
                latest.map(r -> r.getChannel().name()).orElse(null),
                latest.map(Release::getReleaseDate).orElse(null),
                available,
                required,
                product.getMinSupportedVersion(),
                latest.map(Release::getNotes).orElse(null),
                latest.map(Release::getDownloadUrl).orElse(null));
    }

    private Optional<Release> latest(Product product, Channel channel) {
        return releases.findByProductId(product.getId()).stream()
                .filter(r -> channel == Channel.BETA || r.getChannel() == Channel.STABLE)
                .max(Comparator.comparing(Release::appVersion));
    }

    private Product product(long productId, @Nullable String code) {
        Product product = products.findById(productId).orElseThrow();
        if (code != null && !code.isBlank() && !code.strip().equalsIgnoreCase(product.getCode())) {
            throw ClientOperations.error(404, "PRODUCT_NOT_FOUND", "license.client.productNotFound", code);
        }
        return product;
    }
}
