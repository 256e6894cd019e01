package de.kontor.printer;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** What the printer module answers with. */
public final class PrinterModel {

    private PrinterModel() {}

    /** A plug's address: a host name or an IPv4 or IPv6 address. */
    public static final String HOST_PATTERN = "[A-Za-z0-9]([A-Za-z0-9.-]{0,253})?|\\[?[0-9a-fA-F:]+\\]?";

    /** What an admin enters for a printer. Credentials both empty: the default Tapo account. */
    public record PrinterDraft(
            String name,
            @Nullable String model,
            @Nullable String location,
            String plugHost,
            int plugPort,
            @Nullable String plugUsername,
            @Nullable String plugPassword,
            double idleWatts,
            int warmupMinutes,
            boolean active,
            @Nullable String notes) {}

    /** Where a plug's state stands for the UI. */
    public enum PlugState {
        ON,
        OFF,
        UNREACHABLE,
        UNKNOWN
    }

    public record Printer(
            long id,
            String name,
            @Nullable String model,
            @Nullable String location,
            String plugHost,
            int plugPort,
            @Nullable String plugUsername,
            boolean ownCredentials,
            double idleWatts,
            int warmupMinutes,
            boolean active,
            @Nullable String notes,
            @Nullable Boolean powerOn,
            @Nullable Double powerWatts,
            @Nullable Double energyTodayKWh,
            @Nullable Double energyMonthKWh,
            @Nullable Instant lastContactAt,
            int failures,
            @Nullable String lastError,
            @Nullable Instant archivedAt,
            long version) {

        /** Unreachable after this many failed polls in a row. */
        public static final int UNREACHABLE_AFTER = 3;

        public PlugState state() {
            if (failures >= UNREACHABLE_AFTER) {
                return PlugState.UNREACHABLE;
            }
            if (powerOn == null) {
                return PlugState.UNKNOWN;
            }
            return powerOn ? PlugState.ON : PlugState.OFF;
        }
    }

    /** The outcome of "test connection": what the plug said, or why it could not be reached. */
    public record ConnectionTest(
            boolean ok,
            String message,
            @Nullable String nickname,
            @Nullable String model,
            @Nullable String firmware,
            @Nullable Boolean on) {}

    public record Sample(Instant at, double watts) {}

    public enum ReservationState {
        PLANNED,
        ACTIVE,
        OVERRUN,
        DONE,
        CANCELLED
    }

    public record Reservation(
            long id,
            long printerId,
            String printerName,
            String username,
            String displayName,
            String title,
            Instant startsAt,
            Instant endsAt,
            ReservationState state,
            @Nullable Instant poweredOnAt,
            @Nullable Instant poweredOffAt,
            @Nullable Double energyWh,
            long version) {}

    /** A reservation as a member who does not own it sees it: the slot only. */
    public record Slot(
            long id,
            long printerId,
            Instant startsAt,
            Instant endsAt,
            ReservationState state,
            boolean mine,
            @Nullable String title,
            @Nullable String displayName) {}

    /** Whether the printers' scheduling runs: Quartz on this node, printer triggers not paused. */
    public record SchedulerStatus(boolean schedulerRunning, boolean paused, int reservationTriggers) {}

    /** Printers, reservations and energy in numbers. */
    public record Stats(
            int printers,
            int printersOn,
            int unreachable,
            long reservationsPlanned,
            long reservationsActive,
            long reservationsDoneThisMonth,
            double energyTodayKWh,
            double energyMonthKWh,
            double reservedEnergyThisMonthKWh) {}

    /**
     * The power of a printer changed (switched by a reservation, an admin, or seen by polling). Published in
     * the transaction that stores the new state: listeners that react after commit see it stored.
     */
    public record PrinterPowerChanged(long printerId, String printerName, boolean on, String reason) {}

    /** A round of polling stored new readings (views refresh themselves). */
    public record PrintersPolled(int printers) {}

    /** A reservation ran over its end because the printer still draws power. */
    public record ReservationOverrun(
            long reservationId, long printerId, String printerName, String username, double watts) {}
}
