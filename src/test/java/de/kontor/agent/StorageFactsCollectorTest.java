package de.kontor.agent;

import de.kontor.agent.StorageFacts.CronJob;
import de.kontor.agent.StorageFacts.RaidArray;
import de.kontor.agent.StorageFacts.SmartHealth;
import de.kontor.agent.ops.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Storage facts from recording stand-ins for lsblk, pvs/vgs/lvs and smartctl, and a host root with an
 * mdstat and crontabs written as the real ones look; and what the agent says when it has none of them.
 */
class StorageFactsCollectorTest {

    @TempDir
    Path dir;

    private Path bin(String... tools) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : tools) {
            try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/ops-bin/" + tool))) {
                Path target = bin.resolve(tool);
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return bin;
    }

    private static HostPaths fixtureRoot() throws URISyntaxException {
        return new HostPaths(
                Path.of(Objects.requireNonNull(StorageFactsCollectorTest.class.getResource("/storage-root"))
                                .toURI())
                        .toString());
    }

    private static StorageFactsCollector collector(Path bin, HostPaths root) {
        // the stand-ins need sh, cat and dirname from the system
        return collector(bin + ":/usr/bin:/bin", root);
    }

    private static StorageFactsCollector collector(String path, HostPaths root) {
        return new StorageFactsCollector(new Tools(Map.of("PATH", path), Duration.ofSeconds(10)), root);
    }

    @Test
    void devicesLvmRaidSmartAndCronAreReadFromTheToolsAndFiles() throws Exception {
        Path bin = bin("lsblk", "pvs", "vgs", "lvs", "smartctl");

        StorageFacts facts = collector(bin, fixtureRoot()).collect(1_700_000_000L);

        assertThat(facts.unavailable()).isEmpty();
        assertThat(facts.blockDevices())
                .extracting(StorageFacts.BlockDevice::name, StorageFacts.BlockDevice::parent)
                .startsWith(tuple("sda", ""), tuple("sda1", "sda"), tuple("sda2", "sda"), tuple("md0", "sda2"));
        assertThat(facts.blockDevices().get(4).mountpoint()).isEqualTo("/");
        assertThat(facts.blockDevices().get(4).sizeBytes()).isEqualTo(53_687_091_200L);
        assertThat(facts.volumeGroups()).singleElement().satisfies(vg -> {
            assertThat(vg.name()).isEqualTo("vg0");
            assertThat(vg.freeBytes()).isEqualTo(230_999_834_624L);
            assertThat(vg.logicalVolumes()).isEqualTo(2);
        });
        assertThat(facts.physicalVolumes())
                .singleElement()
                .satisfies(pv -> assertThat(pv.name()).isEqualTo("/dev/md0"));
        assertThat(facts.logicalVolumes())
                .extracting(StorageFacts.LogicalVolume::name)
                .containsExactly("root", "var");
        assertThat(facts.raidArrays())
                .extracting(RaidArray::name, RaidArray::degraded)
                .containsExactly(tuple("md1", true), tuple("md0", false));
        assertThat(facts.smart())
                .extracting(SmartHealth::device, SmartHealth::passed)
                .containsExactly(tuple("/dev/sda", true), tuple("/dev/sdb", false));
        assertThat(facts.smart().getFirst().model()).isEqualTo("Samsung SSD 870 EVO 500GB");
        assertThat(Files.readString(bin.resolve("calls.log")))
                .contains("smartctl --json -H -n standby /dev/sda")
                .contains("pvs --reportformat json --units b --nosuffix -o pv_name,vg_name,pv_size,pv_free")
                .doesNotContain("zram0");
        assertThat(facts.cronJobs())
                .extracting(CronJob::source, CronJob::user, CronJob::schedule)
                .containsExactly(
                        tuple("/etc/crontab", "root", "17 * * * *"),
                        tuple("/etc/crontab", "root", "25 6 * * *"),
                        tuple("/etc/cron.d/backup", "backup", "30 2 * * *"),
                        tuple("/etc/cron.d/backup", "root", "@reboot"),
                        tuple("/var/spool/cron/crontabs/alice", "alice", "*/5 * * * *"));
        assertThat(facts.cronJobs().get(2).command()).isEqualTo("/usr/local/bin/backup-db --target /srv/backup");
        assertThat(facts.cronJobs().get(4).command()).isEqualTo("/home/alice/bin/sync-mail >/dev/null 2>&1");
    }

    @Test
    void withoutToolsOrFilesEveryPartSaysWhyInsteadOfFailing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-root"));

        StorageFacts facts =
                collector(bin().toString(), new HostPaths(empty.toString())).collect(1L);

        assertThat(facts.blockDevices()).isEmpty();
        assertThat(facts.cronJobs()).isEmpty();
        assertThat(facts.unavailable())
                .containsEntry("blockDevices", "lsblk is not installed")
                .containsEntry("lvm", "pvs is not installed")
                .containsEntry("smart", "smartctl is not installed (package smartmontools)")
                .containsKey("raid")
                .doesNotContainKey("cron");
        assertThat(facts.unavailable().get("raid")).contains("mdstat");
    }

    @Test
    void lvmRefusedWithoutRootIsNamedWithLvmsOwnMessage() throws Exception {
        Path bin = bin("lsblk");
        Path pvs = bin.resolve("pvs");
        Files.writeString(pvs, """
                #!/bin/sh
                echo "  WARNING: Running as a non-root user. Functionality may be unavailable."
                echo "  /run/lock/lvm/P_global:aux: open failed: Permission denied"
                exit 5
                """);
        Files.setPosixFilePermissions(pvs, PosixFilePermissions.fromString("rwxr-xr-x"));

        StorageFacts facts = collector(bin, fixtureRoot()).collect(1L);

        assertThat(facts.unavailable().get("lvm"))
                .isEqualTo(
                        "pvs failed (exit 5): WARNING: Running as a non-root user. Functionality may be unavailable.");
        assertThat(facts.volumeGroups()).isEmpty();
        assertThat(facts.blockDevices()).isNotEmpty();
    }

    @Test
    void mdstatShowsDegradedArraysFailedMembersAndRecovery() throws Exception {
        List<RaidArray> arrays =
                MdStat.parse(Files.readString(fixtureRoot().proc().resolve("mdstat")));

        RaidArray md1 = arrays.getFirst();
        assertThat(md1.level()).isEqualTo("raid5");
        assertThat(md1.state()).isEqualTo("active");
        assertThat(md1.members()).containsExactly("sde1", "sdd1", "sdc1(F)");
        assertThat(md1.health()).isEqualTo("[_UU]");
        assertThat(md1.progress()).startsWith("recovery = 12.6%");
        RaidArray md0 = arrays.get(1);
        assertThat(md0.health()).isEqualTo("[UU]");
        assertThat(md0.progress()).isEmpty();
        assertThat(md0.members()).containsExactly("sdb2", "sda2");
    }

    @Test
    void unreadableUserCrontabsAreNamedAndTheRestIsStillRead() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/crontab"), "0 3 * * * root /usr/bin/true\n");
        // a file where cron's spool directory should be: listing it fails as it does without permission
        Files.createDirectories(root.resolve("var/spool"));
        Path spool = Files.createDirectories(root.resolve("var/spool/cron"));
        Files.writeString(spool.resolve("bob"), "not a crontab line\n");
        Files.setPosixFilePermissions(spool.resolve("bob"), PosixFilePermissions.fromString("---------"));

        CronTabs cron = new CronTabs(root).read();

        assertThat(cron.jobs()).extracting(CronJob::command).contains("/usr/bin/true");
        if (!"root".equals(System.getProperty("user.name"))) {
            assertThat(cron.unreadable()).singleElement().asString().contains("/var/spool/cron/bob");
        }
    }
}
