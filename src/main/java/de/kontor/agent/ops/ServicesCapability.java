package de.kontor.agent.ops;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code services}: systemd units through {@code systemctl} on the agent's PATH: the services with their
 * state; start, stop, restart, enable, disable; a unit's status with its last journal lines.
 */
public final class ServicesCapability implements Capability {

    static final Set<String> CHANGES = Set.of("start", "stop", "restart", "reload", "enable", "disable");

    private final Tools tools;

    public ServicesCapability(Tools tools) {
        this.tools = tools;
    }

    /** A unit as {@code systemctl list-units} shows it. */
    public record Unit(String name, String load, String active, String sub, String description) {}

    @Override
    public String name() {
        return "services";
    }

    @Override
    public OperationResult run(Operation operation) throws Exception {
        String action = operation.action();
        if (action.equals("list")) {
            Tools.Run run = listUnits(tools, List.of("--type=service", "--all"));
            return run.exitCode() == 0 ? new OperationResult(0, "", parse(run.output())) : run.result();
        }
        String unit = Names.unit(name(), operation.target());
        if (action.equals("status")) {
            int lines = Names.number(name(), "lines", operation.argument("lines", "20"), 0, 1000);
            // status exits 3 for a stopped unit: that is an answer, not a failure
            Tools.Run run =
                    tools.run("systemctl", List.of("status", "--no-pager", "--full", "--lines=" + lines, "--", unit));
            return new OperationResult(run.exitCode() == 3 ? 0 : run.exitCode(), run.output(), null);
        }
        if (!CHANGES.contains(action)) {
            throw new OperationRefusedException("services: unknown action " + action
                    + " (list, status, start, stop, restart, reload, enable, disable)");
        }
        return tools.run("systemctl", List.of(action, "--no-ask-password", "--", unit))
                .result();
    }

    /**
     * {@code systemctl list-units} with the filters, in the plain form {@link #parse} reads (also the agent's
     * inventory of failed units).
     */
    public static Tools.Run listUnits(Tools tools, List<String> filters) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>();
        arguments.add("list-units");
        arguments.addAll(filters);
        arguments.addAll(List.of("--no-legend", "--plain", "--no-pager", "--full"));
        return tools.run("systemctl", arguments);
    }

    /** Lines of {@code UNIT LOAD ACTIVE SUB DESCRIPTION}; a leading bullet is dropped. */
    public static List<Unit> parse(String output) {
        List<Unit> units = new ArrayList<>();
        for (String line : output.split("\n")) {
            String l = line.strip();
            if (l.startsWith("●") || l.startsWith("*")) {
                l = l.substring(1).strip();
            }
            String[] parts = l.split("\\s+", 5);
            if (parts.length >= 4) {
                units.add(new Unit(parts[0], parts[1], parts[2], parts[3], parts.length > 4 ? parts[4] : ""));
            }
        }
        return units;
    }
}
