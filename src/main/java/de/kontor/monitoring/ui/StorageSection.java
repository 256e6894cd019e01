package de.kontor.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import de.kontor.agent.StorageFacts;
import de.kontor.agent.StorageFacts.BlockDevice;
import de.kontor.agent.StorageFacts.CronJob;
import de.kontor.agent.StorageFacts.LogicalVolume;
import de.kontor.agent.StorageFacts.RaidArray;
import de.kontor.agent.StorageFacts.SmartHealth;
import de.kontor.agent.StorageFacts.VolumeGroup;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Grids;
import de.kontor.monitoring.ReportModel;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The node page's read-only storage facts: block devices, LVM volume groups and volumes, software RAID
 * arrays (degraded ones marked), SMART health per disk and cron jobs. A part the agent could not read
 * says why instead of being empty without explanation.
 */
final class StorageSection extends Div {

    StorageSection(@Nullable StorageFacts storage) {
        setId("node-storage");
        if (storage == null) {
            Paragraph none = new Paragraph(getTranslation("monitoring.storage.none"));
            none.setId("node-storage-none");
            none.addClassName("kontor-muted");
            add(none);
            return;
        }
        part("blockDevices", storage, storage.blockDevices().isEmpty() ? null : devices(storage.blockDevices()));
        part(
                "lvm",
                storage,
                storage.volumeGroups().isEmpty()
                        ? null
                        : new Div(groups(storage.volumeGroups()), volumes(storage.logicalVolumes())));
        part("raid", storage, storage.raidArrays().isEmpty() ? null : raid(storage.raidArrays()));
        part("smart", storage, storage.smart().isEmpty() ? null : smart(storage.smart()));
        part("cron", storage, storage.cronJobs().isEmpty() ? null : cron(storage.cronJobs()));
    }

    /** A heading, the content (or "none"), and why the part is incomplete when the agent said so. */
    private void part(String key, StorageFacts storage, @Nullable Component content) {
        add(new H4(getTranslation("monitoring.storage." + key)));
        String reason = storage.unavailable().get(key);
        if (content != null) {
            add(content);
        } else if (reason == null) {
            Paragraph none = new Paragraph(getTranslation("monitoring.storage." + key + ".none"));
            none.setId("storage-none-" + key);
            none.addClassName("kontor-muted");
            add(none);
        }
        if (reason != null) {
            Paragraph unavailable = new Paragraph(getTranslation("monitoring.storage.unavailable", reason));
            unavailable.setId("storage-unavailable-" + key);
            unavailable.addClassName("kontor-muted");
            add(unavailable);
        }
    }

    private String bytes(long value) {
        return ReportModel.bytes(value, getLocale());
    }

    private Grid<BlockDevice> devices(List<BlockDevice> devices) {
        Grid<BlockDevice> grid = NodeView.grid("storage-devices");
        grid.addColumn(d -> d.parent().isEmpty() ? d.name() : "  └ " + d.name())
                .setHeader(getTranslation("monitoring.storage.column.device"))
                .setAutoWidth(true);
        NodeView.wideOnly(grid.addColumn(BlockDevice::type)
                .setHeader(getTranslation("monitoring.storage.column.type"))
                .setAutoWidth(true));
        grid.addColumn(d -> bytes(d.sizeBytes()))
                .setHeader(getTranslation("monitoring.storage.column.size"))
                .setAutoWidth(true);
        NodeView.wideOnly(grid.addColumn(BlockDevice::fsType)
                .setHeader(getTranslation("monitoring.storage.column.fsType"))
                .setAutoWidth(true));
        grid.addColumn(BlockDevice::mountpoint)
                .setHeader(getTranslation("monitoring.storage.column.mountpoint"))
                .setAutoWidth(true);
        NodeView.wideOnly(grid.addColumn(BlockDevice::model)
                .setHeader(getTranslation("monitoring.storage.column.model"))
                .setFlexGrow(1));
        Grids.counted(grid, getTranslation("monitoring.storage.blockDevices.none"));
        grid.setItems(devices);
        return grid;
    }

    private Grid<VolumeGroup> groups(List<VolumeGroup> groups) {
        Grid<VolumeGroup> grid = NodeView.grid("storage-vgs");
        grid.addColumn(VolumeGroup::name)
                .setHeader(getTranslation("monitoring.storage.column.volumeGroup"))
                .setAutoWidth(true);
        grid.addColumn(g -> bytes(g.sizeBytes()))
                .setHeader(getTranslation("monitoring.storage.column.size"))
                .setAutoWidth(true);
        grid.addColumn(g -> bytes(g.freeBytes()))
                .setHeader(getTranslation("monitoring.storage.column.free"))
                .setAutoWidth(true);
        NodeView.wideOnly(grid.addColumn(g -> g.physicalVolumes() + " / " + g.logicalVolumes())
                .setHeader(getTranslation("monitoring.storage.column.pvLv"))
                .setFlexGrow(1));
        Grids.counted(grid, getTranslation("monitoring.storage.lvm.none"));
        grid.setItems(groups);
        return grid;
    }

    private Grid<LogicalVolume> volumes(List<LogicalVolume> volumes) {
        Grid<LogicalVolume> grid = NodeView.grid("storage-lvs");
        grid.addColumn(v -> v.volumeGroup() + "/" + v.name())
                .setHeader(getTranslation("monitoring.storage.column.logicalVolume"))
                .setAutoWidth(true);
        grid.addColumn(v -> bytes(v.sizeBytes()))
                .setHeader(getTranslation("monitoring.storage.column.size"))
                .setAutoWidth(true);
        NodeView.wideOnly(grid.addColumn(LogicalVolume::attributes)
                .setHeader(getTranslation("monitoring.storage.column.attributes"))
                .setFlexGrow(1));
        Grids.counted(grid, getTranslation("monitoring.storage.lvm.none"));
        grid.setItems(volumes);
        return grid;
    }

    private Div raid(List<RaidArray> arrays) {
        Div list = new Div();
        list.setId("storage-raid");
        for (RaidArray a : arrays) {
            Span badge = Badges.of(
                    getTranslation(a.degraded() ? "monitoring.storage.raid.degraded" : "monitoring.storage.raid.ok"),
                    a.degraded() ? Badges.Tone.ERROR : Badges.Tone.SUCCESS);
            badge.setId("storage-raid-" + a.name());
            String text = " " + a.name() + " " + a.level() + " " + a.state() + " " + String.join(" ", a.members()) + " "
                    + a.health() + (a.progress().isEmpty() ? "" : " – " + a.progress());
            list.add(new Div(badge, new Span(text)));
        }
        return list;
    }

    private Div smart(List<SmartHealth> disks) {
        Div list = new Div();
        list.setId("storage-smart");
        for (SmartHealth h : disks) {
            Boolean passed = h.passed();
            Span badge = Badges.of(
                    getTranslation(
                            passed == null
                                    ? "monitoring.storage.smart.unknown"
                                    : passed ? "monitoring.storage.smart.passed" : "monitoring.storage.smart.failed"),
                    passed == null ? Badges.Tone.NEUTRAL : passed ? Badges.Tone.SUCCESS : Badges.Tone.ERROR);
            badge.setId("storage-smart-" + h.device().replace("/dev/", ""));
            String text = " " + h.device() + (h.model().isEmpty() ? "" : " " + h.model())
                    + (h.message().isEmpty() ? "" : " – " + h.message());
            list.add(new Div(badge, new Span(text)));
        }
        return list;
    }

    private Grid<CronJob> cron(List<CronJob> jobs) {
        Grid<CronJob> grid = NodeView.grid("storage-cron");
        grid.addColumn(CronJob::schedule)
                .setHeader(getTranslation("monitoring.storage.column.schedule"))
                .setAutoWidth(true);
        NodeView.wideOnly(grid.addColumn(CronJob::user)
                .setHeader(getTranslation("monitoring.storage.column.user"))
                .setAutoWidth(true));
        grid.addColumn(CronJob::command)
                .setHeader(getTranslation("monitoring.storage.column.command"))
                .setFlexGrow(1);
        NodeView.wideOnly(grid.addColumn(CronJob::source)
                .setHeader(getTranslation("monitoring.storage.column.source"))
                .setAutoWidth(true));
        Grids.counted(grid, getTranslation("monitoring.storage.cron.none"));
        grid.setItems(jobs);
        return grid;
    }
}
