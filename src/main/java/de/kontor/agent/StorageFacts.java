package de.kontor.agent;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * Read-only facts about a node's storage and scheduled jobs: block devices ({@code lsblk}), LVM
 * ({@code pvs}, {@code vgs}, {@code lvs}), software RAID ({@code /proc/mdstat}), SMART health
 * ({@code smartctl -H}) and cron jobs. Every part the agent cannot read — tool missing, no permission,
 * nothing of the kind on the node — is empty and says why in {@code unavailable} (keyed by part:
 * {@code blockDevices}, {@code lvm}, {@code raid}, {@code smart}, {@code cron}); a part that was read
 * partly (cron with unreadable user crontabs) has both.
 *
 * @param at when the facts were read, seconds since the epoch
 */
public record StorageFacts(
        long at,
        List<BlockDevice> blockDevices,
        List<PhysicalVolume> physicalVolumes,
        List<VolumeGroup> volumeGroups,
        List<LogicalVolume> logicalVolumes,
        List<RaidArray> raidArrays,
        List<SmartHealth> smart,
        List<CronJob> cronJobs,
        Map<String, String> unavailable) {

    /** A disk, partition, LVM volume, RAID array...; {@code parent} is the device it sits on, or empty. */
    public record BlockDevice(
            String name, String type, long sizeBytes, String fsType, String mountpoint, String model, String parent) {}

    public record PhysicalVolume(String name, String volumeGroup, long sizeBytes, long freeBytes) {}

    public record VolumeGroup(String name, long sizeBytes, long freeBytes, int physicalVolumes, int logicalVolumes) {}

    /** @param attributes {@code lv_attr} as lvs shows it ({@code -wi-ao----}) */
    public record LogicalVolume(String name, String volumeGroup, long sizeBytes, String attributes) {}

    /**
     * @param members member devices; failed ones end in {@code (F)}
     * @param health the members' states as mdstat shows them ({@code [UU_]}: the third is missing)
     * @param progress a running resync or recovery ({@code recovery = 12.6% ...}), or empty
     */
    public record RaidArray(
            String name,
            String state,
            String level,
            List<String> members,
            String health,
            boolean degraded,
            String progress) {}

    /**
     * @param passed the drive's own verdict, or null when smartctl could not tell (no SMART, no
     *     permission, drive asleep)
     * @param message why there is no verdict, or empty
     */
    public record SmartHealth(
            String device, String model, @Nullable Boolean passed, String message) {}

    /**
     * @param source the file the job is in
     * @param user the user it runs as
     * @param schedule the five time fields, or a shorthand such as {@code @daily}
     */
    public record CronJob(String source, String user, String schedule, String command) {}
}
