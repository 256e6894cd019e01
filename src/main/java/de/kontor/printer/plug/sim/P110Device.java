package de.kontor.printer.plug.sim;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What an emulated P110 is behind its protocol: the relay, a simulated load whose power is integrated over
 * the injectable clock into today's and this month's energy, the alarms, and the device methods answered
 * inside decrypted requests ({@code get_device_info}, {@code set_device_info}, {@code get_energy_usage},
 * {@code get_current_power}, {@code component_nego}, {@code multipleRequest}).
 */
final class P110Device {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final int port;
    private String nickname;
    private boolean on;
    private Instant onSince;
    private Instant measuredAt;
    private double loadWatts;
    private double energyTodayWh;
    private double energyMonthWh;
    private long runtimeTodaySeconds;
    private boolean overheated;
    private boolean overloaded;

    P110Device(String nickname, Clock clock, int port) {
        this.nickname = nickname;
        this.clock = clock;
        this.port = port;
        this.onSince = clock.instant();
        this.measuredAt = clock.instant();
    }

    synchronized void load(double watts) {
        measure();
        loadWatts = watts;
    }

    synchronized boolean isOn() {
        return on;
    }

    synchronized void press(boolean newState) {
        switchRelay(newState);
    }

    synchronized void alarms(boolean overheated, boolean overloaded) {
        this.overheated = overheated;
        this.overloaded = overloaded;
    }

    /** The JSON answer to a decrypted request. */
    synchronized String answer(byte[] plain) {
        JsonNode request;
        try {
            request = JSON.readTree(plain);
        } catch (RuntimeException e) {
            return "{\"error_code\":-1003}";
        }
        return JSON.writeValueAsString(call(request));
    }

    private ObjectNode call(JsonNode request) {
        String method = request.path("method").asString("");
        ObjectNode answer = JSON.createObjectNode();
        measure();
        switch (method) {
            case "get_device_info" -> answer.put("error_code", 0).set("result", deviceInfo());
            case "get_energy_usage" -> answer.put("error_code", 0).set("result", energyUsage());
            case "get_current_power" ->
                answer.put("error_code", 0)
                        .set(
                                "result",
                                JSON.createObjectNode()
                                        .put("current_power", Math.round(currentPowerMilliwatts() / 1000.0)));
            case "component_nego" -> answer.put("error_code", 0).set("result", components());
            case "set_device_info" -> setDeviceInfo(request.path("params"), answer);
            case "multipleRequest" -> {
                var responses = JSON.createArrayNode();
                for (JsonNode inner : request.path("params").path("requests")) {
                    ObjectNode one = call(inner);
                    one.put("method", inner.path("method").asString(""));
                    responses.add(one);
                }
                answer.put("error_code", 0)
                        .set("result", JSON.createObjectNode().set("responses", responses));
            }
            default -> answer.put("error_code", -1002);
        }
        return answer;
    }

    private void setDeviceInfo(JsonNode params, ObjectNode answer) {
        if (!params.isObject()
                || (params.has("device_on") && !params.get("device_on").isBoolean())) {
            answer.put("error_code", -1008);
            return;
        }
        if (params.has("device_on")) {
            switchRelay(params.get("device_on").asBoolean());
        }
        if (params.has("nickname")) {
            nickname =
                    new String(Base64.getDecoder().decode(params.get("nickname").asString()), StandardCharsets.UTF_8);
        }
        answer.put("error_code", 0);
    }

    private static ObjectNode components() {
        return JSON.createObjectNode()
                .set(
                        "component_list",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode().put("id", "device").put("ver_code", 2))
                                .add(JSON.createObjectNode()
                                        .put("id", "energy_monitoring")
                                        .put("ver_code", 2)));
    }

    private void switchRelay(boolean newState) {
        measure();
        if (newState && !on) {
            onSince = clock.instant();
        }
        on = newState;
    }

    /** Integrates the power drawn since the last measurement into the energy counters. */
    private void measure() {
        Instant now = clock.instant();
        long millis = Duration.between(measuredAt, now).toMillis();
        if (millis > 0) {
            double hours = millis / 3_600_000.0;
            energyTodayWh += currentPowerMilliwatts() / 1000.0 * hours;
            energyMonthWh += currentPowerMilliwatts() / 1000.0 * hours;
            if (on) {
                runtimeTodaySeconds += millis / 1000;
            }
        }
        measuredAt = now;
    }

    private long currentPowerMilliwatts() {
        return on ? Math.round(loadWatts * 1000) : 0;
    }

    private ObjectNode deviceInfo() {
        ObjectNode info = JSON.createObjectNode();
        info.put(
                "device_id",
                "80223A7E" + HexFormat.of().withUpperCase().formatHex(new byte[] {(byte) port, (byte) (port >> 8)})
                        + "0000000000000000000000000000");
        info.put("model", "P110");
        info.put("type", "SMART.TAPOPLUG");
        info.put("fw_ver", "1.3.0 Build 230905 Rel.152200");
        info.put("hw_ver", "1.0");
        info.put("device_on", on);
        info.put("on_time", on ? Duration.between(onSince, clock.instant()).toSeconds() : 0);
        info.put("nickname", Base64.getEncoder().encodeToString(nickname.getBytes(StandardCharsets.UTF_8)));
        info.put("ssid", Base64.getEncoder().encodeToString("Werkstatt".getBytes(StandardCharsets.UTF_8)));
        info.put("ip", "127.0.0.1");
        info.put("mac", "48-22-54-00-" + String.format(Locale.ROOT, "%02X-%02X", (port >> 8) & 0xFF, port & 0xFF));
        info.put("rssi", -48);
        info.put("signal_level", 3);
        info.put("overheat_status", overheated ? "overheated" : "normal");
        info.put("power_protection_status", overloaded ? "overloaded" : "normal");
        info.put("overcurrent_status", "normal");
        info.set(
                "default_states",
                JSON.createObjectNode().put("type", "last_states").set("state", JSON.createObjectNode()));
        info.put("region", "Europe/Berlin");
        info.put("time_diff", 60);
        return info;
    }

    private ObjectNode energyUsage() {
        return JSON.createObjectNode()
                .put("today_runtime", runtimeTodaySeconds / 60)
                .put("month_runtime", runtimeTodaySeconds / 60)
                .put("today_energy", Math.round(energyTodayWh))
                .put("month_energy", Math.round(energyMonthWh))
                .put(
                        "local_time",
                        LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"))
                                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")))
                .put("current_power", currentPowerMilliwatts());
    }
}
