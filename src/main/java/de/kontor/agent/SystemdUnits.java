package de.kontor.agent;

import de.kontor.agent.Inventory.FailedUnit;
import de.kontor.agent.ops.OperationRefusedException;
import de.kontor.agent.ops.ServicesCapability;
import de.kontor.agent.ops.Tools;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Failed systemd units, read with {@code systemctl list-units --state=failed} (the listing the services
 * capability shows, run by the same {@link Tools}: found on the agent's PATH, run without a shell). Null where
 * there is no systemctl or systemd does not run (systemctl then exits with an error).
 */
final class SystemdUnits {

    private static final System.Logger log = System.getLogger(SystemdUnits.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Tools tools;
    private boolean warned;

    SystemdUnits(Map<String, String> environment) {
        this.tools = new Tools(environment, TIMEOUT);
    }

    @Nullable
    List<FailedUnit> failedUnits() {
        if (!tools.has("systemctl")) {
            return null;
        }
        try {
            Tools.Run run = ServicesCapability.listUnits(tools, List.of("--state=failed"));
            if (run.exitCode() != 0) {
                return null;
            }
            return ServicesCapability.parse(run.output()).stream()
                    .map(u -> new FailedUnit(u.name(), u.load(), u.active(), u.sub(), u.description()))
                    .toList();
        } catch (IOException | OperationRefusedException e) {
            if (!warned) {
                log.log(Level.WARNING, "Cannot run systemctl: " + e);
                warned = true;
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
