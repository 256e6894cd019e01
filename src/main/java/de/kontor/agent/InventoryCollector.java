package de.kontor.agent;

import de.kontor.agent.Inventory.ContainerInfo;
import de.kontor.agent.Inventory.Disk;
import de.kontor.agent.Inventory.Facts;
import de.kontor.agent.Inventory.FailedUnit;
import de.kontor.agent.Inventory.Filesystem;
import de.kontor.agent.Inventory.PortInfo;
import de.kontor.agent.Inventory.ProcessInfo;
import de.kontor.agent.ops.Tools;
import org.jspecify.annotations.Nullable;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;
import oshi.software.os.OSFileStore;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Collects the {@link Inventory}: system facts, the busiest processes since the previous call, listening
 * ports with their processes, Docker containers (when the socket is readable) and failed systemd units
 * (when {@code systemctl} is on the PATH and systemd runs), and storage facts and cron jobs.
 */
public final class InventoryCollector {

    private static final System.Logger log = System.getLogger(InventoryCollector.class.getName());
    private static final int COMMAND_LENGTH = 300;
    private static final Duration STORAGE_REFRESH = Duration.ofMinutes(10);
    private static final Duration STORAGE_TOOL_TIMEOUT = Duration.ofSeconds(20);

    private final HardwareAbstractionLayer hardware;
    private final OperatingSystem os;
    private final HostPaths paths;
    private final int topProcesses;
    private final @Nullable DockerClient docker;
    private final SystemdUnits systemd;
    private final StorageFactsCollector storage;
    private final Set<String> warned = new HashSet<>();
    private @Nullable StorageFacts storageFacts;
    private Map<Integer, OSProcess> previousProcesses = new HashMap<>();

    /**
     * @param dockerSocket the Docker Engine API socket, or null to leave containers out
     * @param environment the agent's environment: {@code PATH} is searched for {@code systemctl}
     */
    public InventoryCollector(
            HostPaths paths, @Nullable Path dockerSocket, Map<String, String> environment, int topProcesses) {
        this.paths = paths;
        SystemInfo system = paths.systemInfo();
        this.hardware = system.getHardware();
        this.os = system.getOperatingSystem();
        this.topProcesses = topProcesses;
        this.docker = dockerSocket == null ? null : new DockerClient(dockerSocket);
        this.systemd = new SystemdUnits(environment);
        this.storage = new StorageFactsCollector(new Tools(environment, STORAGE_TOOL_TIMEOUT), paths);
        this.previousProcesses = snapshot(os.getProcesses());
    }

    /** The inventory now; {@code at} in seconds since the epoch. */
    public synchronized Inventory collect(long at) {
        Facts facts = facts();
        List<ProcessInfo> processes = guarded("processes", this::processes, List.of());
        List<PortInfo> ports = guarded("ports", this::ports, List.of());
        List<ContainerInfo> containers = docker == null ? null : docker.containers();
        List<FailedUnit> failed = systemd.failedUnits();
        return new Inventory(at, facts, processes, ports, containers, failed, storage(at));
    }

    /** Storage changes rarely and SMART queries drives: read again only every few minutes. */
    private @Nullable StorageFacts storage(long at) {
        StorageFacts last = storageFacts;
        if (last == null || at - last.at() >= STORAGE_REFRESH.toSeconds() || at < last.at()) {
            storageFacts = guarded("storage", () -> storage.collect(at), last);
        }
        return storageFacts;
    }

    private Facts facts() {
        var version = os.getVersionInfo();
        var processor = hardware.getProcessor();
        List<Disk> disks = guarded(
                "disks",
                () -> hardware.getDiskStores().stream()
                        .map(d -> new Disk(d.getName(), clean(d.getModel()), d.getSize()))
                        .toList(),
                List.<Disk>of());
        List<Filesystem> filesystems = new ArrayList<>();
        for (OSFileStore store : os.getFileSystem().getFileStores(true)) {
            String mount = paths.mountOnHost(store.getMount());
            if (mount != null && store.getTotalSpace() > 0) {
                filesystems.add(new Filesystem(mount, store.getType(), store.getTotalSpace()));
            }
        }
        return new Facts(
                hostname(os),
                (os.getFamily() + " " + nonNull(version.getVersion()) + codeName(version.getCodeName())).strip(),
                nonNull(version.getBuildNumber()),
                System.getProperty("os.arch", ""),
                processor.getProcessorIdentifier().getName().strip(),
                processor.getPhysicalProcessorCount(),
                processor.getLogicalProcessorCount(),
                hardware.getMemory().getTotal(),
                hardware.getMemory().getVirtualMemory().getSwapTotal(),
                os.getSystemBootTime(),
                disks,
                filesystems);
    }

    private static String codeName(@Nullable String codeName) {
        return codeName == null || codeName.isBlank() ? "" : " (" + codeName + ")";
    }

    /** The busiest processes by CPU time since the previous inventory, CPU as percent of one core. */
    private List<ProcessInfo> processes() {
        List<OSProcess> now = os.getProcesses();
        long total = hardware.getMemory().getTotal();
        record Load(OSProcess process, double cpu) {}
        List<Load> loads = new ArrayList<>();
        for (OSProcess p : now) {
            OSProcess before = previousProcesses.get(p.getProcessID());
            double cpu = before == null ? p.getProcessCpuLoadCumulative() : p.getProcessCpuLoadBetweenTicks(before);
            loads.add(new Load(p, Double.isFinite(cpu) ? cpu * 100 : 0));
        }
        previousProcesses = snapshot(now);
        return loads.stream()
                .sorted(Comparator.comparingDouble(Load::cpu)
                        .reversed()
                        .thenComparing(l -> -l.process().getResidentSetSize()))
                .limit(topProcesses)
                .map(l -> new ProcessInfo(
                        l.process().getProcessID(),
                        nonNull(l.process().getUser()),
                        MetricsCollector.round(l.cpu()),
                        MetricsCollector.percent(l.process().getResidentSetSize(), total),
                        command(l.process())))
                .toList();
    }

    private static Map<Integer, OSProcess> snapshot(List<OSProcess> processes) {
        Map<Integer, OSProcess> map = new HashMap<>();
        for (OSProcess p : processes) {
            map.put(p.getProcessID(), p);
        }
        return map;
    }

    private static String command(OSProcess p) {
        String line = nonNull(p.getCommandLine()).replace('\0', ' ').strip();
        if (line.isEmpty()) {
            line = "[" + nonNull(p.getName()) + "]";
        }
        return line.length() > COMMAND_LENGTH ? line.substring(0, COMMAND_LENGTH) : line;
    }

    /** Listening TCP sockets and bound UDP sockets, each once, with the owning process where visible. */
    public List<PortInfo> ports() {
        Map<String, PortInfo> ports = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        for (IPConnection c : os.getInternetProtocolStats().getConnections()) {
            boolean tcp = c.getType().startsWith("tcp");
            if (tcp ? c.getState() != TcpState.LISTEN : c.getForeignPort() != 0) {
                continue;
            }
            String protocol = tcp ? "tcp" : "udp";
            String address = address(c.getLocalAddress());
            int pid = Math.max(0, c.getowningProcessId());
            String process = pid == 0
                    ? ""
                    : names.computeIfAbsent(pid, id -> {
                        OSProcess p = os.getProcess(id);
                        return p == null ? "" : nonNull(p.getName());
                    });
            ports.putIfAbsent(
                    protocol + " " + address + " " + c.getLocalPort(),
                    new PortInfo(protocol, address, c.getLocalPort(), pid, process));
        }
        return ports.values().stream()
                .sorted(Comparator.comparing(PortInfo::protocol)
                        .thenComparingInt(PortInfo::port)
                        .thenComparing(PortInfo::address))
                .toList();
    }

    private static String address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return "";
        }
    }

    private static String hostname(OperatingSystem os) {
        String name = os.getNetworkParams().getHostName();
        return name == null || name.isBlank() ? "localhost" : name;
    }

    private <T> T guarded(String part, Supplier<T> collect, T fallback) {
        try {
            return collect.get();
        } catch (RuntimeException | LinkageError e) {
            if (warned.add(part)) {
                log.log(Level.WARNING, "Cannot collect " + part + ": " + e);
            }
            return fallback;
        }
    }

    private static String clean(@Nullable String s) {
        return s == null ? "" : s.replace('_', ' ').strip();
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }
}
