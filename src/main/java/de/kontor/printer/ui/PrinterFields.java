package de.kontor.printer.ui;

import de.kontor.printer.PrinterModel;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The printer form's bean: the fields of a {@link PrinterDraft} with the rules the form checks as you type
 * (the service checks them again, and the name's uniqueness).
 */
public class PrinterFields {

    @NotBlank
    @Size(max = 100)
    private @Nullable String name;

    @Size(max = 100)
    private @Nullable String model;

    @Size(max = 100)
    private @Nullable String location;

    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = PrinterModel.HOST_PATTERN, message = "{printer.host.pattern}")
    private @Nullable String plugHost;

    @NotNull
    @Min(1)
    @Max(65535)
    private @Nullable Integer plugPort = 80;

    @Size(max = 254)
    private @Nullable String plugUsername;

    private @Nullable String plugPassword;

    @NotNull
    @DecimalMin("0")
    @DecimalMax("5000")
    private @Nullable Double idleWatts = 10.0;

    @NotNull
    @Min(0)
    @Max(120)
    private @Nullable Integer warmupMinutes = 5;

    private boolean active = true;

    @Size(max = 5000)
    private @Nullable String notes;

    public PrinterFields() {}

    /** The fields of a printer as stored; the password stays empty (it is never shown). */
    static PrinterFields of(Printer p) {
        PrinterFields f = new PrinterFields();
        f.name = p.name();
        f.model = p.model();
        f.location = p.location();
        f.plugHost = p.plugHost();
        f.plugPort = p.plugPort();
        f.plugUsername = p.plugUsername();
        f.idleWatts = p.idleWatts();
        f.warmupMinutes = p.warmupMinutes();
        f.active = p.active();
        f.notes = p.notes();
        return f;
    }

    PrinterDraft draft() {
        return new PrinterDraft(
                name == null ? "" : name,
                model,
                location,
                plugHost == null ? "" : plugHost,
                plugPort == null ? 0 : plugPort,
                plugUsername,
                plugPassword,
                idleWatts == null ? -1 : idleWatts,
                warmupMinutes == null ? -1 : warmupMinutes,
                active,
                notes);
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getModel() {
        return model;
    }

    public void setModel(@Nullable String model) {
        this.model = model;
    }

    public @Nullable String getLocation() {
        return location;
    }

    public void setLocation(@Nullable String location) {
        this.location = location;
    }

    public @Nullable String getPlugHost() {
        return plugHost;
    }

    public void setPlugHost(@Nullable String plugHost) {
        this.plugHost = plugHost;
    }

    public @Nullable Integer getPlugPort() {
        return plugPort;
    }

    public void setPlugPort(@Nullable Integer plugPort) {
        this.plugPort = plugPort;
    }

    public @Nullable String getPlugUsername() {
        return plugUsername;
    }

    public void setPlugUsername(@Nullable String plugUsername) {
        this.plugUsername = plugUsername;
    }

    public @Nullable String getPlugPassword() {
        return plugPassword;
    }

    public void setPlugPassword(@Nullable String plugPassword) {
        this.plugPassword = plugPassword;
    }

    public @Nullable Double getIdleWatts() {
        return idleWatts;
    }

    public void setIdleWatts(@Nullable Double idleWatts) {
        this.idleWatts = idleWatts;
    }

    public @Nullable Integer getWarmupMinutes() {
        return warmupMinutes;
    }

    public void setWarmupMinutes(@Nullable Integer warmupMinutes) {
        this.warmupMinutes = warmupMinutes;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public void setNotes(@Nullable String notes) {
        this.notes = notes;
    }
}
