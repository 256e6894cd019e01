package de.kontor.agent;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What a server is and runs, collected less often than metrics (every minute by default). Containers
 * and failed units are {@code null} where there is no readable Docker socket or no systemd, and an
 * empty list where there are none. Storage facts are null from agents that do not read them yet.
 */
public record Inventory(
        long at,
        Facts facts,
        List<ProcessInfo> processes,
        List<PortInfo> ports,
        @Nullable List<ContainerInfo> containers,
        @Nullable List<FailedUnit> failedUnits,
        @Nullable StorageFacts storage) {

    public record Facts(
            String hostname,
            String os,
            String kernel,
            String architecture,
            String cpuModel,
            int cpuCores,
            int cpuThreads,
            long memoryBytes,
            long swapBytes,
            long bootTime,
            List<Disk> disks,
            List<Filesystem> filesystems) {}

    public record Disk(String name, String model, long sizeBytes) {}

    public record Filesystem(String mount, String type, long sizeBytes) {}

    /** A process among the busiest: CPU percent of one core's time over the last minute, memory percent. */
    public record ProcessInfo(int pid, String user, double cpu, double memory, String command) {}

    /** A listening socket and the process that holds it (0 and empty when the agent may not see it). */
    public record PortInfo(String protocol, String address, int port, int pid, String process) {}

    /** A Docker container; CPU percent from the change since the previous inventory (null the first time). */
    public record ContainerInfo(
            String id,
            String name,
            String image,
            String state,
            String status,
            @Nullable Double cpu,
            @Nullable Long memoryBytes,
            @Nullable Double memory) {}

    public record FailedUnit(String unit, String load, String active, String sub, String description) {}
}
