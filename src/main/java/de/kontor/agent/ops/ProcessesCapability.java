package de.kontor.agent.ops;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code processes}: the node's processes, and signals to one of them. TERM and KILL go through the JDK's
 * process handles, HUP through {@code kill -s HUP}; the agent never signals PID 1 or itself.
 */
public final class ProcessesCapability implements Capability {

    static final Set<String> SIGNALS = Set.of("TERM", "KILL", "HUP");

    private final Tools tools;

    public ProcessesCapability(Tools tools) {
        this.tools = tools;
    }

    /** One process: its PID, parent, owner, command line and start. */
    public record ProcessInfo(long pid, long parent, String user, String command, String startedAt, long cpuMillis) {}

    @Override
    public String name() {
        return "processes";
    }

    @Override
    public OperationResult run(Operation operation) throws Exception {
        return switch (operation.action()) {
            case "list" -> OperationResult.data(list());
            case "signal" -> signal(operation);
            default ->
                throw new OperationRefusedException(
                        "processes: unknown action " + operation.action() + " (list, signal)");
        };
    }

    private static List<ProcessInfo> list() {
        return ProcessHandle.allProcesses()
                .map(p -> {
                    ProcessHandle.Info info = p.info();
                    return new ProcessInfo(
                            p.pid(),
                            p.parent().map(ProcessHandle::pid).orElse(0L),
                            info.user().orElse(""),
                            info.commandLine().or(info::command).orElse(""),
                            info.startInstant().map(Instant::toString).orElse(""),
                            info.totalCpuDuration().map(d -> d.toMillis()).orElse(0L));
                })
                .sorted(Comparator.comparingLong(ProcessInfo::pid))
                .toList();
    }

    private OperationResult signal(Operation operation) throws Exception {
        long pid;
        try {
            pid = Long.parseLong(operation.target().strip());
        } catch (NumberFormatException e) {
            throw new OperationRefusedException("processes: the target must be a process id: " + operation.target());
        }
        String signal = operation.argument("signal", "TERM").strip().toUpperCase(Locale.ROOT);
        if (!SIGNALS.contains(signal)) {
            throw new OperationRefusedException("processes: signal must be one of TERM, KILL, HUP: " + signal);
        }
        if (pid <= 1 || pid == ProcessHandle.current().pid()) {
            throw new OperationRefusedException("processes: the agent does not signal PID 1 or itself");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return new OperationResult(1, "No process " + pid, null);
        }
        String command = process.get().info().commandLine().orElse("");
        boolean sent = switch (signal) {
            case "TERM" -> process.get().destroy();
            case "KILL" -> process.get().destroyForcibly();
            default ->
                tools.run("kill", List.of("-s", "HUP", "--", Long.toString(pid)))
                                .exitCode()
                        == 0;
        };
        return sent
                ? OperationResult.ok("Sent " + signal + " to " + pid + " (" + command + ")")
                : new OperationResult(1, "Could not send " + signal + " to " + pid + " (not permitted?)", null);
    }
}
