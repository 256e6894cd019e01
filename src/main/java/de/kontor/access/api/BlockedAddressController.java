package de.kontor.access.api;

import de.kontor.access.AccessService;
import de.kontor.access.AddressBlock;
import de.kontor.access.AdminNetwork;
import de.kontor.base.api.AdminOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Blocked addresses (manual entries and the login throttling's locks) and the networks admins may sign in
 * from. Viewers may read.
 */
@RestController
@RequestMapping("/api/admin")
@AdminOnly
@Validated
@Tag(name = "Blocked addresses")
class BlockedAddressController {

    private final AccessService access;

    BlockedAddressController(AccessService access) {
        this.access = access;
    }

    record BlockRequest(
            @NotBlank @Size(max = 64) String cidr,
            @Nullable Instant until,
            @Nullable @Size(max = 500) String comment) {}

    record NetworkRequest(
            @NotBlank @Size(max = 64) String cidr,
            @Nullable @Size(max = 500) String comment) {}

    record BlockPage(List<AddressBlock> items, int page, int size, boolean hasNext) {}

    @GetMapping("/blocked-addresses")
    @Operation(
            summary = "List blocks in force",
            description = "Manual blocks (id a number) and the login throttling's locks of an address or an"
                    + " account (id 'address:<ip>' or 'account:<name>').")
    BlockPage list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Slice<AddressBlock> slice = access.blocks(PageRequest.of(page, size));
        return new BlockPage(slice.getContent(), page, size, slice.hasNext());
    }

    @PostMapping("/blocked-addresses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Block an address or a CIDR range",
            description = "Sign-in and the whole API answer 403 ADDRESS_BLOCKED to it, until 'until' (or until"
                    + " removed). Your own address cannot be blocked (409 BLOCKS_OWN_ADDRESS).")
    AddressBlock block(@Valid @RequestBody BlockRequest body, HttpServletRequest request) {
        return access.block(body.cidr(), body.until(), body.comment(), request.getRemoteAddr());
    }

    @DeleteMapping("/blocked-addresses/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a block, or lift a lock of the login throttling")
    void unblock(@PathVariable String id) {
        access.unblock(id);
    }

    @GetMapping("/admin-networks")
    @Operation(
            summary = "Networks admins may sign in from",
            description = "Empty: admins may sign in from anywhere that is not blocked.")
    List<AdminNetwork> adminNetworks() {
        return access.adminNetworks();
    }

    @PostMapping("/admin-networks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Allow admin sign-in from a network",
            description = "The list must always include your own address (409 ADMIN_NETWORKS_EXCLUDE_YOU).")
    AdminNetwork allow(@Valid @RequestBody NetworkRequest body, HttpServletRequest request) {
        return access.allowAdminNetwork(body.cidr(), body.comment(), request.getRemoteAddr());
    }

    @DeleteMapping("/admin-networks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a network from the admin allow list")
    void removeNetwork(@PathVariable long id, HttpServletRequest request) {
        access.removeAdminNetwork(id, request.getRemoteAddr());
    }
}
