package de.kontor.license.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.license.LicenseService;
import de.kontor.license.ModuleStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The licenses this Kontor holds for modules (every product is a module, identified by its code in
 * lower case): a Gitea access token or a Kontor license key per module.
 */
@RestController
@RequestMapping("/api/modules")
@AdminOnly
@Tag(name = "Modules")
class ModuleApiController {

    record ModuleList(List<ModuleStatus> modules) {}

    record LicenseBody(@Nullable String licenseKey) {}

    private final LicenseService licenses;

    ModuleApiController(LicenseService licenses) {
        this.licenses = licenses;
    }

    @GetMapping
    @Operation(
            summary = "Every module with its license",
            description = "A Gitea yes is reused for 24 h; "
                    + "online=true asks Gitea now. license.source is online, cache or grace (Gitea unreachable, last yes "
                    + "at most 7 days old).")
    ModuleList list(@RequestParam(defaultValue = "false") boolean online) {
        return new ModuleList(licenses.modules(online, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/{module}")
    @Operation(summary = "One module with its license")
    ModuleStatus one(@PathVariable String module, @RequestParam(defaultValue = "false") boolean online) {
        return licenses.module(module, online, LocaleContextHolder.getLocale());
    }

    @PostMapping("/{module}/license")
    @Operation(
            summary = "Register a license",
            description = "{\"licenseKey\": \"<Gitea token or Kontor key>\"}. "
                    + "The token is checked first: 422 with the reason when refused, 503 when Gitea cannot be reached; "
                    + "nothing is stored then.")
    ModuleStatus register(@PathVariable String module, @RequestBody @Nullable LicenseBody body) {
        return licenses.registerModuleLicense(
                module, body == null ? null : body.licenseKey(), LocaleContextHolder.getLocale());
    }

    @DeleteMapping("/{module}/license")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the module's license")
    void revoke(@PathVariable String module) {
        licenses.revokeModuleLicense(module);
    }
}
