package de.kontor.agent;

import de.kontor.agent.ops.Capability;
import de.kontor.agent.ops.ContainersCapability;
import de.kontor.agent.ops.FilesCapability;
import de.kontor.agent.ops.LogsCapability;
import de.kontor.agent.ops.PortsCapability;
import de.kontor.agent.ops.ProcessesCapability;
import de.kontor.agent.ops.ServicesCapability;
import de.kontor.agent.ops.TerminalCapability;
import de.kontor.agent.ops.Tools;
import de.kontor.agent.ops.UpdatesCapability;
import de.kontor.agent.ops.UsersCapability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where capabilities are made: every capability the agent knows, built from its
 * configuration; the channel keeps only those the owner allowed with {@code --allow}. A new capability
 * is one line in {@link #all}.
 */
public final class Capabilities {

    /** How long one tool may run (package updates get longer). */
    static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    static final Duration UPDATE_TIMEOUT = Duration.ofMinutes(30);

    private Capabilities() {}

    /** Every capability this agent can offer. */
    static List<Capability> all(AgentConfig config, InventoryCollector inventory) {
        Tools tools = new Tools(config.environment(), TOOL_TIMEOUT);
        List<Capability> all = new ArrayList<>();
        all.add(new ProcessesCapability(tools));
        all.add(new ServicesCapability(tools));
        all.add(new LogsCapability(tools, config.roots("logs")));
        all.add(new PortsCapability(tools, inventory::ports));
        all.add(new UpdatesCapability(new Tools(config.environment(), UPDATE_TIMEOUT)));
        all.add(new UsersCapability(tools, Path.of(config.hostRoot().root() + "/etc")));
        Path dockerSocket = config.dockerSocket();
        if (dockerSocket != null) {
            all.add(new ContainersCapability(dockerSocket));
        }
        all.add(new FilesCapability(config.roots("files")));
        if (config.allows("terminal")) {
            // only when allowed: it keeps shells (and a thread per session) until the agent stops
            all.add(new TerminalCapability(config.environment()));
        }
        return all;
    }

    /** The allowed ones by name; an allowed name without an implementation here is left out. */
    public static Map<String, Capability> allowed(AgentConfig config, InventoryCollector inventory) {
        Map<String, Capability> allowed = new LinkedHashMap<>();
        for (Capability c : all(config, inventory)) {
            if (config.allows(c.name())) {
                allowed.put(c.name(), c);
            }
        }
        return allowed;
    }
}
