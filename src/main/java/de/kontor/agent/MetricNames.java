package de.kontor.agent;

/**
 * The metric names the agent reports. A name with a colon belongs to one device: the part before the
 * colon is the family, the part after it the mount point, interface or sensor ({@code disk:/var},
 * {@code net.rx:eth0}). Percentages are 0–100, rates per second.
 */
public final class MetricNames {

    /** CPU busy, percent of all cores. */
    public static final String CPU = "cpu";

    public static final String LOAD1 = "load1";
    public static final String LOAD5 = "load5";
    public static final String LOAD15 = "load15";
    /** Memory in use (total minus available), percent. */
    public static final String MEMORY = "memory";
    /** Swap in use, percent (0 without swap). */
    public static final String SWAP = "swap";
    /** The fullest filesystem's used percent: one number for "is a disk filling up". */
    public static final String DISK = "disk";
    /** Used percent of the filesystem mounted at the suffix (as {@code df} computes it). */
    public static final String DISK_USED = "disk:";
    /** Bytes free for unprivileged users on the filesystem mounted at the suffix. */
    public static final String DISK_FREE = "disk.free:";
    /** Inodes in use, percent, on the filesystem mounted at the suffix. */
    public static final String DISK_INODES = "disk.inodes:";
    /** Bytes read from and written to all physical disks, per second. */
    public static final String DISK_READ = "disk.read";

    public static final String DISK_WRITE = "disk.write";
    /** Bytes received and sent on all interfaces but loopback, per second. */
    public static final String NET_RX = "net.rx";

    public static final String NET_TX = "net.tx";
    /** Per interface: bytes per second received and sent, errors per second. */
    public static final String NET_RX_IF = "net.rx:";

    public static final String NET_TX_IF = "net.tx:";
    public static final String NET_RX_ERRORS_IF = "net.rx.errors:";
    public static final String NET_TX_ERRORS_IF = "net.tx.errors:";
    /** Seconds since boot. */
    public static final String UPTIME = "uptime";
    /** Number of processes. */
    public static final String PROCESSES = "processes";
    /** Degrees Celsius of the sensor named by the suffix (thermal zone type, or {@code cpu}). */
    public static final String TEMPERATURE = "temp:";

    private MetricNames() {}

    /** The family of a metric name: the part before the colon, or the whole name. */
    public static String family(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon + 1);
    }

    /** The device of a per-device metric name (after the colon), or an empty string. */
    public static String device(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? "" : name.substring(colon + 1);
    }
}
