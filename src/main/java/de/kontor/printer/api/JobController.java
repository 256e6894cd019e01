package de.kontor.printer.api;

import de.kontor.base.CurrentUser;
import de.kontor.base.api.AdminOnly;
import de.kontor.base.api.SignedIn;
import de.kontor.base.error.DomainException;
import de.kontor.printer.PrinterModel.Reservation;
import de.kontor.printer.PrinterModel.SchedulerStatus;
import de.kontor.printer.PrinterModel.Stats;
import de.kontor.printer.PrinterService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reservations ("jobs") of printers, statistics and the printers' scheduler (bearer token). Members manage
 * their own reservations; admins everyone's.
 */
@RestController
@Tag(name = "Printer reservations")
class JobController {

    private final PrinterService printers;
    private final Clock clock;

    JobController(PrinterService printers, Clock clock) {
        this.printers = printers;
        this.clock = clock;
    }

    record JobBody(
            @Nullable Long printerId,
            @Nullable Instant start,
            @Nullable Instant end,
            @Nullable Integer durationMinutes,
            @Nullable String title) {}

    record MinutesBody(@Nullable Integer minutes) {}

    @GetMapping("/api/jobs")
    @SignedIn
    @Operation(
            summary = "Reservations",
            description = "Members get their own (coming and running ones first, soonest first; then past ones, "
                    + "newest first); admins get all "
                    + "overlapping from..to (default: today and the next 7 days).")
    List<Reservation> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to) {
        if (CurrentUser.hasRole("ADMIN")) {
            Instant start = from != null ? from : clock.instant().minus(Duration.ofDays(1));
            return printers.reservationsBetween(start, to != null ? to : start.plus(Duration.ofDays(8)));
        }
        return printers.myReservations(200);
    }

    @PostMapping("/api/jobs")
    @SignedIn
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Reserve a printer",
            description = "{\"printerId\": 1, \"start\": \"2026-11-26T14:00:00Z\", "
                    + "\"durationMinutes\": 90, \"title\": \"Helmet\"} (or \"end\" instead of the duration). 409 SLOT_TAKEN when "
                    + "the time overlaps another reservation.")
    Reservation create(@RequestBody JobBody body) {
        if (body.printerId() == null) {
            throw DomainException.invalidField("printerId", "PRINTER_REQUIRED", "validation.required");
        }
        if (body.start() == null) {
            throw DomainException.invalidField("start", "START_REQUIRED", "validation.required");
        }
        Instant end = body.end() != null
                ? body.end()
                : body.durationMinutes() != null ? body.start().plus(Duration.ofMinutes(body.durationMinutes())) : null;
        if (end == null) {
            throw DomainException.invalidField("end", "END_REQUIRED", "validation.required");
        }
        return printers.reserve(body.printerId(), body.start(), end, body.title() == null ? "" : body.title());
    }

    @GetMapping("/api/jobs/{id}")
    @SignedIn
    @Operation(summary = "A reservation (its owner or an admin; 404 for others)")
    Reservation get(@PathVariable long id) {
        return printers.reservation(id);
    }

    @PostMapping("/api/jobs/{id}/extend")
    @SignedIn
    @Operation(summary = "Extend a reservation", description = "{\"minutes\": 30}; 409 if the time after it is taken.")
    Reservation extend(@PathVariable long id, @RequestBody MinutesBody body) {
        if (body.minutes() == null) {
            throw DomainException.invalidField("minutes", "MINUTES_REQUIRED", "validation.required");
        }
        return printers.extend(id, body.minutes());
    }

    @PostMapping("/api/jobs/{id}/finish")
    @SignedIn
    @Operation(summary = "Finish now", description = "The power goes off once the printer is idle.")
    Reservation finish(@PathVariable long id) {
        return printers.finish(id);
    }

    @DeleteMapping("/api/jobs/{id}")
    @SignedIn
    @Operation(summary = "Cancel a reservation (one that has started is finished)")
    Reservation cancel(@PathVariable long id) {
        return printers.cancel(id);
    }

    @GetMapping("/api/stats")
    @SignedIn
    @Operation(summary = "Printers, reservations and energy in numbers")
    Stats stats() {
        return printers.stats();
    }

    @GetMapping("/api/scheduler/status")
    @AdminOnly
    SchedulerStatus schedulerStatus() {
        return printers.schedulerStatus();
    }

    @PostMapping("/api/scheduler/start")
    @AdminOnly
    @Operation(summary = "Resume polling and reservation switching")
    SchedulerStatus start() {
        return printers.pauseScheduling(false);
    }

    @PostMapping("/api/scheduler/stop")
    @AdminOnly
    @Operation(summary = "Pause polling and reservation switching (plugs stay as they are)")
    SchedulerStatus stop() {
        return printers.pauseScheduling(true);
    }
}
