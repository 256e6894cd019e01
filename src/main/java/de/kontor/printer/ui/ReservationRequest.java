package de.kontor.printer.ui;

import de.kontor.printer.PrinterModel.Printer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What the booking form edits: which printer, when, how long, what for. The service checks the rest
 * (free slot, not in the past, the longest reservation allowed).
 */
public class ReservationRequest {

    @NotNull
    private @Nullable Printer printer;

    @NotNull
    private @Nullable LocalDate date;

    @NotNull
    private @Nullable LocalTime time;

    @NotNull
    @Min(5)
    @Max(7 * 24 * 60)
    private @Nullable Integer minutes = 60;

    @NotBlank
    @Size(max = 200)
    private @Nullable String title = "";

    public @Nullable Printer getPrinter() {
        return printer;
    }

    public void setPrinter(@Nullable Printer printer) {
        this.printer = printer;
    }

    public @Nullable LocalDate getDate() {
        return date;
    }

    public void setDate(@Nullable LocalDate date) {
        this.date = date;
    }

    public @Nullable LocalTime getTime() {
        return time;
    }

    public void setTime(@Nullable LocalTime time) {
        this.time = time;
    }

    public @Nullable Integer getMinutes() {
        return minutes;
    }

    public void setMinutes(@Nullable Integer minutes) {
        this.minutes = minutes;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }
}
