package de.kontor.license.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.base.error.DomainException;
import de.kontor.license.GiteaSettings;
import de.kontor.license.IssuedClientKey;
import de.kontor.license.LicenseService;
import de.kontor.license.Product;
import de.kontor.license.Release;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Products, their releases and client keys, for admins and vendors' shops. */
@RestController
@RequestMapping("/api/admin/products")
@AdminOnly
@Tag(name = "License admin: products")
class ProductAdminController {

    private final LicenseService licenses;

    ProductAdminController(LicenseService licenses) {
        this.licenses = licenses;
    }

    @GetMapping
    @Operation(summary = "All products with releases and client keys")
    List<AdminDtos.ProductDto> list() {
        return licenses.products().stream().map(this::dto).toList();
    }

    @GetMapping("/{id}")
    AdminDtos.ProductDto get(@PathVariable long id) {
        return dto(licenses.product(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a product", description = "code: letters, digits, - and _; cannot change later")
    AdminDtos.ProductDto create(@RequestBody AdminDtos.ProductBody body) {
        return dto(licenses.createProduct(body.code(), body.terms()));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Change a product's settings",
            description = "Send the version you read (409 if changed since).")
    AdminDtos.ProductDto update(@PathVariable long id, @RequestBody AdminDtos.ProductBody body) {
        if (body.version() == null) {
            throw DomainException.invalidField("version", "VERSION_REQUIRED", "customer.error.versionRequired");
        }
        return dto(licenses.updateProduct(id, body.version(), body.terms()));
    }

    @PutMapping("/{id}/gitea")
    @Operation(
            summary = "Set where Gitea licenses of the product are checked",
            description =
                    "{\"baseUrl\": \"https://git.example.org\", \"organization\": \"mycrm\", "
                            + "\"repository\": \"mycrm-{module}-module\"} (repository optional). Earlier Gitea answers are forgotten.")
    AdminDtos.ProductDto configureGitea(@PathVariable long id, @RequestBody GiteaSettings body) {
        return dto(licenses.configureGitea(id, body));
    }

    @PostMapping("/{id}/releases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a release")
    AdminDtos.ReleaseDto addRelease(@PathVariable long id, @RequestBody AdminDtos.ReleaseBody body) {
        Release release = licenses.addRelease(
                id,
                body.version() == null ? "" : body.version(),
                body.channel(),
                body.releaseDate(),
                body.notes(),
                body.downloadUrl());
        return AdminDtos.ReleaseDto.of(release);
    }

    @DeleteMapping("/{id}/releases/{releaseId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRelease(@PathVariable long id, @PathVariable long releaseId) {
        licenses.deleteRelease(releaseId);
    }

    @PostMapping("/{id}/client-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a client key", description = "The value is returned only now; Kontor keeps a hash.")
    AdminDtos.IssuedClientKeyDto createKey(@PathVariable long id, @RequestBody AdminDtos.ClientKeyBody body) {
        IssuedClientKey issued = licenses.createClientKey(id, body.name() == null ? "" : body.name());
        return new AdminDtos.IssuedClientKeyDto(AdminDtos.ClientKeyDto.of(issued.key()), issued.value());
    }

    @DeleteMapping("/{id}/client-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a client key")
    void revokeKey(@PathVariable long id, @PathVariable long keyId) {
        licenses.revokeClientKey(keyId);
    }

    private AdminDtos.ProductDto dto(Product product) {
        return AdminDtos.ProductDto.of(
                product, licenses.releases(product.getId()), licenses.clientKeys(product.getId()));
    }
}
