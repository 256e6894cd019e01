package de.kontor.printer.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.base.api.SignedIn;
import de.kontor.base.error.DomainException;
import de.kontor.printer.PrinterModel.PlugState;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.PrinterService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Printers and their plugs (bearer token): everyone signed in sees them, admins change and switch them. */
@RestController
@RequestMapping("/api/printers")
@Tag(name = "Printers")
class PrinterController {

    private final PrinterService printers;

    PrinterController(PrinterService printers) {
        this.printers = printers;
    }

    record PrinterDto(
            long id,
            String name,
            @Nullable String model,
            @Nullable String location,
            boolean active,
            PlugState state,
            @Nullable Double powerWatts,
            @Nullable Double energyTodayKWh,
            @Nullable Double energyMonthKWh,
            @Nullable Instant lastContactAt,
            double idleWatts,
            int warmupMinutes,
            long version) {
        static PrinterDto of(Printer p) {
            return new PrinterDto(
                    p.id(),
                    p.name(),
                    p.model(),
                    p.location(),
                    p.active(),
                    p.state(),
                    p.powerWatts(),
                    p.energyTodayKWh(),
                    p.energyMonthKWh(),
                    p.lastContactAt(),
                    p.idleWatts(),
                    p.warmupMinutes(),
                    p.version());
        }
    }

    /** For admins: where the plug is and what went wrong last. */
    record PrinterAdminDto(
            PrinterDto printer,
            String plugHost,
            int plugPort,
            @Nullable String plugUsername,
            boolean ownCredentials,
            int failures,
            @Nullable String lastError,
            @Nullable String notes) {
        static PrinterAdminDto of(Printer p) {
            return new PrinterAdminDto(
                    PrinterDto.of(p),
                    p.plugHost(),
                    p.plugPort(),
                    p.plugUsername(),
                    p.ownCredentials(),
                    p.failures(),
                    p.lastError(),
                    p.notes());
        }
    }

    record PrinterBody(
            @Nullable String name,
            @Nullable String model,
            @Nullable String location,
            @Nullable String plugHost,
            @Nullable Integer plugPort,
            @Nullable String plugUsername,
            @Nullable String plugPassword,
            @Nullable Double idleWatts,
            @Nullable Integer warmupMinutes,
            @Nullable Boolean active,
            @Nullable String notes,
            @Nullable Long version) {
        PrinterDraft draft() {
            return new PrinterDraft(
                    name == null ? "" : name,
                    model,
                    location,
                    plugHost == null ? "" : plugHost,
                    plugPort == null ? 80 : plugPort,
                    plugUsername,
                    plugPassword,
                    idleWatts == null ? 10 : idleWatts,
                    warmupMinutes == null ? 5 : warmupMinutes,
                    active == null || active,
                    notes);
        }
    }

    record PowerBody(@Nullable Boolean on) {}

    @GetMapping
    @SignedIn
    @Operation(summary = "The printers with their last known state")
    List<PrinterDto> list() {
        return printers.printers(false).stream().map(PrinterDto::of).toList();
    }

    @GetMapping("/status")
    @SignedIn
    @Operation(summary = "State, power and energy of every printer (from the last poll)")
    List<PrinterDto> status() {
        return list();
    }

    @GetMapping("/{id}")
    @AdminOnly
    PrinterAdminDto get(@PathVariable long id) {
        return PrinterAdminDto.of(printers.get(id));
    }

    @PostMapping
    @AdminOnly
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Add a printer",
            description = "plugUsername/plugPassword: the Tapo account of the plug "
                    + "(encrypted at rest, never returned); both left out: the default account.")
    PrinterAdminDto create(@RequestBody PrinterBody body) {
        return PrinterAdminDto.of(printers.create(body.draft()));
    }

    @PutMapping("/{id}")
    @AdminOnly
    @Operation(
            summary = "Change a printer",
            description = "Send the version you read; an empty plugPassword keeps the stored one.")
    PrinterAdminDto update(@PathVariable long id, @RequestBody PrinterBody body) {
        if (body.version() == null) {
            throw DomainException.invalidField("version", "VERSION_REQUIRED", "customer.error.versionRequired");
        }
        return PrinterAdminDto.of(printers.update(id, body.version(), body.draft()));
    }

    @PostMapping("/{id}/power")
    @AdminOnly
    @Operation(
            summary = "Switch a printer's plug",
            description = "{\"on\": true}; answered once the plug confirms. "
                    + "502/503 with the reason when the plug cannot do it.")
    PrinterDto power(@PathVariable long id, @RequestBody PowerBody body) {
        if (body.on() == null) {
            throw DomainException.invalidField("on", "ON_REQUIRED", "validation.required");
        }
        return PrinterDto.of(printers.power(id, body.on(), "admin API"));
    }
}
