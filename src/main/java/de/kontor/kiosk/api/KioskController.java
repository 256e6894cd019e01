package de.kontor.kiosk.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.base.api.SignedIn;
import de.kontor.base.error.DomainException;
import de.kontor.kiosk.KioskModel.Kiosk;
import de.kontor.kiosk.KioskService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Kiosk displays (bearer token): their state for everyone signed in; activation for admins. */
@RestController
@RequestMapping("/api/kiosk")
@Tag(name = "Kiosk")
class KioskController {

    private final KioskService kiosks;
    private final Clock clock;

    KioskController(KioskService kiosks, Clock clock) {
        this.kiosks = kiosks;
        this.clock = clock;
    }

    record KioskStatus(
            long id,
            String name,
            @Nullable String location,
            boolean active,
            boolean online,
            @Nullable Instant lastSeenAt,
            @Nullable String browser,
            @Nullable String screenSize) {}

    record KioskRef(@Nullable Long id) {}

    @GetMapping("/status")
    @SignedIn
    @Operation(summary = "Every kiosk: active, online (seen within the last minute), last seen, browser, screen")
    List<KioskStatus> status() {
        return kiosks.kiosks().stream().map(this::status).toList();
    }

    private KioskStatus status(Kiosk k) {
        boolean online =
                k.lastSeenAt() != null && k.lastSeenAt().isAfter(clock.instant().minus(Duration.ofMinutes(1)));
        return new KioskStatus(
                k.id(), k.name(), k.location(), k.active(), online, k.lastSeenAt(), k.browser(), k.screenSize());
    }

    @PostMapping("/activate")
    @AdminOnly
    @Operation(summary = "Activate a kiosk", description = "{\"id\": 3}; the screen shows the board again")
    KioskStatus activate(@RequestBody KioskRef body) {
        return status(kiosks.setActive(id(body), true));
    }

    @PostMapping("/deactivate")
    @AdminOnly
    @Operation(summary = "Deactivate a kiosk", description = "{\"id\": 3}; the screen shows \"deactivated\"")
    KioskStatus deactivate(@RequestBody KioskRef body) {
        return status(kiosks.setActive(id(body), false));
    }

    private static long id(KioskRef body) {
        if (body.id() == null) {
            throw DomainException.invalidField("id", "ID_REQUIRED", "validation.required");
        }
        return body.id();
    }
}
