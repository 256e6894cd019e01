package de.kontor.kiosk.ui;

import de.kontor.kiosk.KioskModel.Kiosk;
import de.kontor.kiosk.KioskModel.KioskDraft;
import de.kontor.kiosk.KioskModel.Privacy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalTime;

/**
 * The kiosk form's bean: the fields of a {@link KioskDraft} with the rules the form checks as you type (the
 * service checks them again, and that screen hours come as a pair).
 */
public class KioskFields {

    @NotBlank
    @Size(max = 100)
    private @Nullable String name;

    @Size(max = 100)
    private @Nullable String location;

    @NotNull
    private @Nullable Privacy privacy = Privacy.NONE;

    @Size(max = 500)
    private @Nullable String announcement;

    private @Nullable LocalTime screenOnFrom;

    private @Nullable LocalTime screenOnUntil;

    public KioskFields() {}

    static KioskFields of(Kiosk k) {
        KioskFields f = new KioskFields();
        f.name = k.name();
        f.location = k.location();
        f.privacy = k.privacy();
        f.announcement = k.announcement();
        f.screenOnFrom = k.screenOnFrom();
        f.screenOnUntil = k.screenOnUntil();
        return f;
    }

    KioskDraft draft() {
        return new KioskDraft(
                name == null ? "" : name,
                location,
                privacy == null ? Privacy.NONE : privacy,
                announcement,
                screenOnFrom,
                screenOnUntil);
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getLocation() {
        return location;
    }

    public void setLocation(@Nullable String location) {
        this.location = location;
    }

    public @Nullable Privacy getPrivacy() {
        return privacy;
    }

    public void setPrivacy(@Nullable Privacy privacy) {
        this.privacy = privacy;
    }

    public @Nullable String getAnnouncement() {
        return announcement;
    }

    public void setAnnouncement(@Nullable String announcement) {
        this.announcement = announcement;
    }

    public @Nullable LocalTime getScreenOnFrom() {
        return screenOnFrom;
    }

    public void setScreenOnFrom(@Nullable LocalTime screenOnFrom) {
        this.screenOnFrom = screenOnFrom;
    }

    public @Nullable LocalTime getScreenOnUntil() {
        return screenOnUntil;
    }

    public void setScreenOnUntil(@Nullable LocalTime screenOnUntil) {
        this.screenOnUntil = screenOnUntil;
    }
}
