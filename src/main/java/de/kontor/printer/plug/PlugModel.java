package de.kontor.printer.plug;

import org.jspecify.annotations.Nullable;

/** What the plug client answers with. */
public final class PlugModel {

    private PlugModel() {}

    /** Where a plug listens (host or IP, HTTP port, normally 80). */
    public record Address(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** The Tapo account the plug is bound to (as registered: case matters). */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", ***]";
        }
    }

    /**
     * get_device_info: relay state, seconds since switched on, the nickname (decoded), model, firmware,
     * Wi-Fi signal, and the alarms that cut or block the relay.
     */
    public record DeviceInfo(
            boolean on,
            long onTimeSeconds,
            String nickname,
            String model,
            String firmware,
            @Nullable Integer rssi,
            @Nullable Integer signalLevel,
            boolean overheated,
            boolean overloaded,
            @Nullable String deviceId) {}

    /** get_energy_usage in Kontor's units: W now, kWh today and this month, minutes on today and this month. */
    public record EnergyUsage(
            double currentPowerWatts,
            double todayKWh,
            double monthKWh,
            long todayRuntimeMinutes,
            long monthRuntimeMinutes) {}

    /** What a poll reads from a plug in one round trip. */
    public record Status(DeviceInfo info, EnergyUsage energy) {}
}
