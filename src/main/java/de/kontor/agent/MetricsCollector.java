package de.kontor.agent;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Collects the interval metrics ({@link MetricNames}) through OSHI. Rates (CPU, disk and network
 * throughput, errors) are the change since the previous call, so the first call after construction
 * already has them. A part that fails (say, no permission for disk statistics) is left out of the
 * sample; the rest is still collected.
 */
public final class MetricsCollector {

    private static final System.Logger log = System.getLogger(MetricsCollector.class.getName());

    private final HardwareAbstractionLayer hardware;
    private final OperatingSystem os;
    private final HostPaths paths;
    private final Map<String, String> warned = new HashMap<>();

    private long[] cpuTicks;
    private long previousNanos;
    private long[] diskBytes;
    private Map<String, long[]> netCounters;

    /** Metrics of the machine this runs on. */
    public MetricsCollector() {
        this(HostPaths.local());
    }

    /** Metrics of the host whose {@code /proc}, {@code /sys} and filesystems are seen under the paths. */
    public MetricsCollector(HostPaths paths) {
        this.paths = paths;
        SystemInfo system = paths.systemInfo();
        this.hardware = system.getHardware();
        this.os = system.getOperatingSystem();
        this.cpuTicks = hardware.getProcessor().getSystemCpuLoadTicks();
        this.previousNanos = System.nanoTime();
        this.diskBytes = diskBytes();
        this.netCounters = netCounters();
    }

    /** One round of values. Not for concurrent use: rates need the previous round. */
    public synchronized Map<String, Double> collect() {
        Map<String, Double> values = new TreeMap<>();
        long now = System.nanoTime();
        double seconds = Math.max(0.001, (now - previousNanos) / 1e9);
        previousNanos = now;
        part("cpu", () -> cpu(values));
        part("memory", () -> memory(values));
        part("filesystems", () -> filesystems(values));
        part("disks", () -> disks(values, seconds));
        part("network", () -> network(values, seconds));
        part("system", () -> {
            values.put(MetricNames.UPTIME, (double) os.getSystemUptime());
            values.put(MetricNames.PROCESSES, (double) os.getProcessCount());
        });
        part("temperatures", () -> temperatures(values));
        return values;
    }

    private void cpu(Map<String, Double> values) {
        CentralProcessor processor = hardware.getProcessor();
        long[] ticks = processor.getSystemCpuLoadTicks();
        values.put(MetricNames.CPU, round(processor.getSystemCpuLoadBetweenTicks(cpuTicks) * 100));
        cpuTicks = ticks;
        double[] load = processor.getSystemLoadAverage(3);
        if (load[0] >= 0) {
            values.put(MetricNames.LOAD1, round(load[0]));
            values.put(MetricNames.LOAD5, round(load[1]));
            values.put(MetricNames.LOAD15, round(load[2]));
        }
    }

    private void memory(Map<String, Double> values) {
        GlobalMemory memory = hardware.getMemory();
        values.put(MetricNames.MEMORY, percent(memory.getTotal() - memory.getAvailable(), memory.getTotal()));
        VirtualMemory swap = memory.getVirtualMemory();
        values.put(MetricNames.SWAP, percent(swap.getSwapUsed(), swap.getSwapTotal()));
    }

    private void filesystems(Map<String, Double> values) {
        double fullest = 0;
        for (OSFileStore store : os.getFileSystem().getFileStores(true)) {
            String mount = paths.mountOnHost(store.getMount());
            long total = store.getTotalSpace();
            if (mount == null || total <= 0) {
                continue;
            }
            long used = total - store.getFreeSpace();
            long available = store.getUsableSpace();
            // as df computes it: the share of what unprivileged users could have
            double usedPercent = percent(used, used + available);
            values.put(MetricNames.DISK_USED + mount, usedPercent);
            values.put(MetricNames.DISK_FREE + mount, (double) available);
            if (store.getTotalInodes() > 0) {
                values.put(
                        MetricNames.DISK_INODES + mount,
                        percent(store.getTotalInodes() - store.getFreeInodes(), store.getTotalInodes()));
            }
            fullest = Math.max(fullest, usedPercent);
        }
        values.put(MetricNames.DISK, fullest);
    }

    private long[] diskBytes() {
        long read = 0;
        long written = 0;
        try {
            for (HWDiskStore disk : hardware.getDiskStores()) {
                read += disk.getReadBytes();
                written += disk.getWriteBytes();
            }
        } catch (RuntimeException | LinkageError e) {
            warnOnce("disks", e);
        }
        return new long[] {read, written};
    }

    private void disks(Map<String, Double> values, double seconds) {
        long[] now = diskBytes();
        values.put(MetricNames.DISK_READ, rate(now[0], diskBytes[0], seconds));
        values.put(MetricNames.DISK_WRITE, rate(now[1], diskBytes[1], seconds));
        diskBytes = now;
    }

    private Map<String, long[]> netCounters() {
        Map<String, long[]> counters = new HashMap<>();
        for (NetworkIF net : hardware.getNetworkIFs(false)) {
            String name = net.getName();
            if (name.equals("lo") || name.startsWith("veth")) {
                continue;
            }
            counters.put(
                    name, new long[] {net.getBytesRecv(), net.getBytesSent(), net.getInErrors(), net.getOutErrors()});
        }
        return counters;
    }

    private void network(Map<String, Double> values, double seconds) {
        Map<String, long[]> now = netCounters();
        double rx = 0;
        double tx = 0;
        for (var e : now.entrySet()) {
            long[] before = netCounters.get(e.getKey());
            if (before == null) {
                continue;
            }
            long[] c = e.getValue();
            double in = rate(c[0], before[0], seconds);
            double out = rate(c[1], before[1], seconds);
            values.put(MetricNames.NET_RX_IF + e.getKey(), in);
            values.put(MetricNames.NET_TX_IF + e.getKey(), out);
            values.put(MetricNames.NET_RX_ERRORS_IF + e.getKey(), rate(c[2], before[2], seconds));
            values.put(MetricNames.NET_TX_ERRORS_IF + e.getKey(), rate(c[3], before[3], seconds));
            rx += in;
            tx += out;
        }
        values.put(MetricNames.NET_RX, round(rx));
        values.put(MetricNames.NET_TX, round(tx));
        netCounters = now;
    }

    /** Thermal zones as the kernel names them (a Raspberry Pi has {@code cpu-thermal}), else OSHI's CPU sensor. */
    private void temperatures(Map<String, Double> values) {
        Map<String, Double> zones;
        try {
            zones = thermalZones(paths);
        } catch (IOException e) {
            warnOnce("thermal", e);
            zones = Map.of();
        }
        values.putAll(zones);
        if (zones.isEmpty()) {
            double cpu = hardware.getSensors().getCpuTemperature();
            if (cpu > 0 && cpu < 200) {
                values.put(MetricNames.TEMPERATURE + "cpu", round(cpu));
            }
        }
    }

    /**
     * The host's thermal zones ({@code sys/class/thermal/thermal_zone*}: {@code type} names the sensor,
     * {@code temp} holds millidegrees) as {@code temp:<type>} in degrees Celsius; implausible readings are
     * left out.
     */
    static Map<String, Double> thermalZones(HostPaths paths) throws IOException {
        Path zones = paths.sys().resolve("class/thermal");
        Map<String, Double> values = new TreeMap<>();
        if (!Files.isDirectory(zones)) {
            return values;
        }
        try (Stream<Path> list = Files.list(zones)) {
            for (Path zone : list.filter(p -> p.getFileName().toString().startsWith("thermal_zone"))
                    .sorted()
                    .toList()) {
                try {
                    String type = Files.readString(zone.resolve("type")).strip();
                    double celsius = Long.parseLong(
                                    Files.readString(zone.resolve("temp")).strip())
                            / 1000.0;
                    if (!type.isEmpty() && celsius > -50 && celsius < 200) {
                        values.put(MetricNames.TEMPERATURE + type, round(celsius));
                    }
                } catch (IOException | NumberFormatException e) {
                    // a zone without a readable temperature (some report only while active)
                }
            }
        }
        return values;
    }

    private void part(String name, Runnable collect) {
        try {
            collect.run();
        } catch (RuntimeException | LinkageError e) {
            warnOnce(name, e);
        }
    }

    private void warnOnce(String part, Throwable e) {
        if (warned.putIfAbsent(part, String.valueOf(e)) == null) {
            log.log(Level.WARNING, "Cannot collect " + part + " metrics: " + e);
        }
    }

    static double percent(long part, long whole) {
        return whole <= 0 ? 0 : round(100.0 * part / whole);
    }

    private static double rate(long now, long before, double seconds) {
        // counters restart from zero when a device is re-created or the counter wraps
        return now < before ? 0 : round((now - before) / seconds);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** For tests and diagnostics: the mount points this collector reports. */
    List<String> mounts() {
        return os.getFileSystem().getFileStores(true).stream()
                .map(s -> paths.mountOnHost(s.getMount()))
                .filter(m -> m != null)
                .toList();
    }
}
