package de.kontor.agent;

import org.jspecify.annotations.Nullable;
import oshi.SystemInfo;
import oshi.util.GlobalConfig;

import java.nio.file.Path;

/**
 * Where the watched host's {@code /proc}, {@code /sys} and root filesystem are seen. Normally the
 * agent's own; in a container the host's are mounted under a root such as {@code /host}, and mount
 * points are reported as the host knows them ({@code /host/var} becomes {@code /var}).
 */
public record HostPaths(String root) {

    public static HostPaths local() {
        return new HostPaths("");
    }

    public HostPaths {
        root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    public Path proc() {
        return Path.of(root + "/proc");
    }

    public Path sys() {
        return Path.of(root + "/sys");
    }

    /**
     * OSHI reads its paths once, when first used: the host root must be set before the first
     * {@link SystemInfo} of the process.
     */
    SystemInfo systemInfo() {
        if (!root.isEmpty()) {
            GlobalConfig.set("oshi.util.proc.path", proc().toString());
            GlobalConfig.set("oshi.util.sys.path", sys().toString());
        }
        return new SystemInfo();
    }

    /** The mount point as the host sees it, or null for mounts outside the host root. */
    @Nullable
    String mountOnHost(String mount) {
        if (root.isEmpty()) {
            return mount;
        }
        if (mount.equals(root)) {
            return "/";
        }
        return mount.startsWith(root + "/") ? mount.substring(root.length()) : null;
    }
}
