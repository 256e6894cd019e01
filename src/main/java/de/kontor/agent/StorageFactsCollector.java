package de.kontor.agent;

import de.kontor.agent.StorageFacts.BlockDevice;
import de.kontor.agent.StorageFacts.LogicalVolume;
import de.kontor.agent.StorageFacts.PhysicalVolume;
import de.kontor.agent.StorageFacts.RaidArray;
import de.kontor.agent.StorageFacts.SmartHealth;
import de.kontor.agent.StorageFacts.VolumeGroup;
import de.kontor.agent.ops.Tools;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link StorageFacts}. Only reading tools run ({@code lsblk}, {@code pvs}/{@code vgs}/{@code lvs},
 * {@code smartctl -H}), as argument lists with a timeout; SMART asks drives in standby to stay asleep.
 * Nothing here needs root, and nothing here throws: a missing tool or permission becomes a reason in
 * {@code unavailable} (LVM and SMART usually need root; without it they say so).
 */
final class StorageFactsCollector {

    private static final List<String> LVM = List.of("--reportformat", "json", "--units", "b", "--nosuffix", "-o");

    private final Tools tools;
    private final HostPaths paths;

    StorageFactsCollector(Tools tools, HostPaths paths) {
        this.tools = tools;
        this.paths = paths;
    }

    StorageFacts collect(long at) {
        Map<String, String> unavailable = new LinkedHashMap<>();
        List<BlockDevice> devices = new ArrayList<>();
        JsonNode lsblk = json(
                "blockDevices",
                "lsblk",
                List.of("--json", "--bytes", "--output", "NAME,TYPE,SIZE,FSTYPE,MOUNTPOINT,MODEL"),
                unavailable);
        if (lsblk != null) {
            lsblk.path("blockdevices").forEach(d -> device(d, "", devices));
        }
        List<PhysicalVolume> pvs = new ArrayList<>();
        List<VolumeGroup> vgs = new ArrayList<>();
        List<LogicalVolume> lvs = new ArrayList<>();
        lvm(pvs, vgs, lvs, unavailable);
        List<RaidArray> raid = raid(unavailable);
        List<SmartHealth> smart = smart(devices, lsblk != null, unavailable);
        CronTabs cron = new CronTabs(Path.of(paths.root().isEmpty() ? "/" : paths.root())).read();
        if (!cron.unreadable().isEmpty()) {
            unavailable.put("cron", "not readable by the agent: " + String.join(", ", cron.unreadable()));
        }
        return new StorageFacts(at, devices, pvs, vgs, lvs, raid, smart, cron.jobs(), unavailable);
    }

    private static void device(JsonNode d, String parent, List<BlockDevice> devices) {
        String name = text(d.path("name"));
        devices.add(new BlockDevice(
                name,
                text(d.path("type")),
                number(d.path("size")),
                text(d.path("fstype")),
                text(d.path("mountpoint")),
                text(d.path("model")),
                parent));
        d.path("children").forEach(c -> device(c, name, devices));
    }

    private void lvm(
            List<PhysicalVolume> pvs, List<VolumeGroup> vgs, List<LogicalVolume> lvs, Map<String, String> unavailable) {
        JsonNode pv = json("lvm", "pvs", with("pv_name,vg_name,pv_size,pv_free"), unavailable);
        if (pv == null) {
            return;
        }
        rows(pv, "pv")
                .forEach(r -> pvs.add(new PhysicalVolume(
                        text(r.path("pv_name")),
                        text(r.path("vg_name")),
                        number(r.path("pv_size")),
                        number(r.path("pv_free")))));
        JsonNode vg = json("lvm", "vgs", with("vg_name,vg_size,vg_free,pv_count,lv_count"), unavailable);
        if (vg != null) {
            rows(vg, "vg")
                    .forEach(r -> vgs.add(new VolumeGroup(
                            text(r.path("vg_name")),
                            number(r.path("vg_size")),
                            number(r.path("vg_free")),
                            (int) number(r.path("pv_count")),
                            (int) number(r.path("lv_count")))));
        }
        JsonNode lv = json("lvm", "lvs", with("lv_name,vg_name,lv_size,lv_attr"), unavailable);
        if (lv != null) {
            rows(lv, "lv")
                    .forEach(r -> lvs.add(new LogicalVolume(
                            text(r.path("lv_name")),
                            text(r.path("vg_name")),
                            number(r.path("lv_size")),
                            text(r.path("lv_attr")))));
        }
    }

    private static List<String> with(String columns) {
        List<String> args = new ArrayList<>(LVM);
        args.add(columns);
        return args;
    }

    /** LVM's report: {@code {"report": [{"pv": [...]}]}}. */
    private static List<JsonNode> rows(JsonNode report, String kind) {
        List<JsonNode> rows = new ArrayList<>();
        report.path("report").forEach(r -> r.path(kind).forEach(rows::add));
        return rows;
    }

    private List<RaidArray> raid(Map<String, String> unavailable) {
        Path mdstat = paths.proc().resolve("mdstat");
        if (!Files.isRegularFile(mdstat)) {
            unavailable.put("raid", "no " + mdstat + ": the kernel has no software RAID (md) loaded");
            return List.of();
        }
        try {
            return MdStat.parse(Files.readString(mdstat, StandardCharsets.UTF_8));
        } catch (IOException e) {
            unavailable.put("raid", "cannot read " + mdstat + ": " + e.getMessage());
            return List.of();
        }
    }

    private List<SmartHealth> smart(List<BlockDevice> devices, boolean known, Map<String, String> unavailable) {
        if (!tools.has("smartctl")) {
            unavailable.put("smart", "smartctl is not installed (package smartmontools)");
            return List.of();
        }
        if (!known) {
            unavailable.put("smart", "no block devices known (lsblk did not answer)");
            return List.of();
        }
        List<SmartHealth> health = new ArrayList<>();
        for (BlockDevice d : devices) {
            if (!d.type().equals("disk")
                    || d.sizeBytes() == 0
                    || d.name().startsWith("zram")
                    || d.name().startsWith("ram")) {
                continue;
            }
            String device = "/dev/" + d.name();
            // smartctl's exit code is a bit mask that is non-zero for many answers; its JSON says it all
            JsonNode answer = json("smart", "smartctl", List.of("--json", "-H", "-n", "standby", device), null);
            if (answer == null) {
                health.add(new SmartHealth(device, d.model(), null, "no answer from smartctl"));
                continue;
            }
            JsonNode passed = answer.path("smart_status").path("passed");
            List<String> messages = new ArrayList<>();
            answer.path("smartctl").path("messages").forEach(m -> messages.add(text(m.path("string"))));
            String model = text(answer.path("model_name"));
            health.add(new SmartHealth(
                    device,
                    model.isEmpty() ? d.model() : model,
                    passed.isBoolean() ? passed.booleanValue() : null,
                    String.join("; ", messages)));
        }
        return health;
    }

    /**
     * The tool's JSON answer, or null with the reason noted under {@code part}. Warnings on standard error
     * (merged into the output) around the JSON are skipped.
     *
     * @param unavailable where to note why there is no answer, or null to accept any exit code
     */
    private @Nullable JsonNode json(
            String part, String program, List<String> args, @Nullable Map<String, String> unavailable) {
        Map<String, String> notes = unavailable == null ? new LinkedHashMap<>() : unavailable;
        if (!tools.has(program)) {
            notes.putIfAbsent(part, program + " is not installed");
            return null;
        }
        try {
            Tools.Run run = tools.run(program, args);
            String out = run.output();
            int start = out.indexOf('{');
            int end = out.lastIndexOf('}');
            if ((unavailable != null && run.exitCode() != 0) || start < 0 || end < start) {
                notes.putIfAbsent(part, program + " failed (exit " + run.exitCode() + "): " + firstLine(out));
                return null;
            }
            return KontorClient.JSON.readTree(out.substring(start, end + 1));
        } catch (IOException | RuntimeException e) {
            notes.putIfAbsent(part, program + " failed: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.putIfAbsent(part, program + " was interrupted");
            return null;
        }
    }

    private static String firstLine(String output) {
        String trimmed = output.strip();
        int newline = trimmed.indexOf('\n');
        String line = newline < 0 ? trimmed : trimmed.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "" : node.asString("").strip();
    }

    /** lsblk gives sizes as numbers (or strings in older versions), LVM as strings. */
    private static long number(JsonNode node) {
        if (node.isNumber()) {
            return node.longValue();
        }
        try {
            return Long.parseLong(text(node));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
