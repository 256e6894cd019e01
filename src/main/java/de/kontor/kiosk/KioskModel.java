package de.kontor.kiosk;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/** What the kiosk module answers with. */
public final class KioskModel {

    private KioskModel() {}

    /** How much of people the board shows. */
    public enum Privacy {
        NONE,
        FIRST_NAMES
    }

    public record KioskDraft(
            String name,
            @Nullable String location,
            Privacy privacy,
            @Nullable String announcement,
            @Nullable LocalTime screenOnFrom,
            @Nullable LocalTime screenOnUntil) {}

    public record Kiosk(
            long id,
            String name,
            @Nullable String location,
            Privacy privacy,
            @Nullable String announcement,
            @Nullable LocalTime screenOnFrom,
            @Nullable LocalTime screenOnUntil,
            @Nullable String tokenPrefix,
            boolean active,
            @Nullable Instant lastSeenAt,
            @Nullable String browser,
            @Nullable String screenSize,
            long version) {}

    /** A device token as issued: shown once, as part of the kiosk's address. */
    public record IssuedToken(long kioskId, String token) {
        public String path() {
            return "kiosk/" + token;
        }
    }

    /** What a printer's tile on the board says. */
    public enum BoardState {
        FREE,
        PRINTING,
        RESERVED_SOON,
        OFFLINE,
        MAINTENANCE
    }

    public record PrinterCard(
            long printerId,
            String name,
            @Nullable String location,
            BoardState state,
            @Nullable Double powerWatts,
            @Nullable Instant currentEnds,
            @Nullable Double progress,
            @Nullable String currentWho,
            @Nullable Instant nextStarts,
            @Nullable String nextWho) {}

    public record Board(
            String kioskName,
            @Nullable String announcement,
            List<PrinterCard> printers,
            Instant at,
            boolean screenOn) {}

    /** Something the boards show changed (a kiosk's settings, a printer, a reservation). */
    public record BoardChanged(@Nullable Long kioskId) {}

    /** A waiting screen was paired: it picks up its token by its code. */
    public record KioskPaired(String code) {}
}
