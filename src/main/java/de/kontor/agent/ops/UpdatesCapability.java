package de.kontor.agent.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code updates}: pending package updates and installing them, through apt (Debian, Ubuntu) or dnf
 * (Fedora, RHEL). {@code list} answers the pending packages; {@code install} installs all of them, or with
 * {@code security=true} only security updates (dnf's {@code --security}; on apt through
 * {@code unattended-upgrade}, which installs exactly the security origins it is configured for).
 */
public final class UpdatesCapability implements Capability {

    private final Tools tools;

    /** @param tools with a timeout long enough for an upgrade (tens of minutes) */
    public UpdatesCapability(Tools tools) {
        this.tools = tools;
    }

    /** A package with an update: its name, the installed and the new version, where it comes from. */
    public record Update(String name, String installed, String available, String source) {}

    @Override
    public String name() {
        return "updates";
    }

    @Override
    public OperationResult run(Operation operation) throws Exception {
        boolean apt = tools.has("apt-get");
        boolean dnf = !apt && tools.has("dnf");
        if (!apt && !dnf) {
            throw new OperationRefusedException("updates: neither apt-get nor dnf is on this node");
        }
        boolean security = Boolean.parseBoolean(operation.argument("security", "false"));
        return switch (operation.action()) {
            case "list" -> apt ? aptList() : dnfList();
            case "install" -> apt ? aptInstall(security) : dnfInstall(security);
            default ->
                throw new OperationRefusedException(
                        "updates: unknown action " + operation.action() + " (list, install)");
        };
    }

    private OperationResult aptList() throws Exception {
        Tools.Run refreshed = tools.run("apt-get", List.of("update", "-q"));
        if (refreshed.exitCode() != 0) {
            return refreshed.result();
        }
        Tools.Run run = tools.run("apt", List.of("list", "--upgradable", "-q"));
        return run.exitCode() == 0 ? new OperationResult(0, "", parseApt(run.output())) : run.result();
    }

    /** Lines of {@code name/suite new-version arch [upgradable from: old-version]}. */
    static List<Update> parseApt(String output) {
        List<Update> updates = new ArrayList<>();
        for (String line : output.split("\n")) {
            int slash = line.indexOf('/');
            int from = line.indexOf("[upgradable from: ");
            if (slash <= 0 || from < 0) {
                continue;
            }
            String[] parts = line.substring(slash + 1, from).strip().split("\\s+");
            String installed = line.substring(from + "[upgradable from: ".length())
                    .replace("]", "")
                    .strip();
            updates.add(new Update(line.substring(0, slash), installed, parts.length > 1 ? parts[1] : "", parts[0]));
        }
        return updates;
    }

    private OperationResult aptInstall(boolean security) throws Exception {
        if (security) {
            if (!tools.has("unattended-upgrade")) {
                throw new OperationRefusedException("updates: security-only installs on apt need unattended-upgrades "
                        + "(apt-get install unattended-upgrades); install all updates instead or add it");
            }
            return tools.run("unattended-upgrade", List.of("-v")).result();
        }
        return tools.run(
                        "apt-get",
                        List.of(
                                "-y",
                                "-q",
                                "-o",
                                "Dpkg::Options::=--force-confdef",
                                "-o",
                                "Dpkg::Options::=--force-confold",
                                "upgrade"))
                .result();
    }

    private OperationResult dnfList() throws Exception {
        Tools.Run run = tools.run("dnf", List.of("-q", "check-update"));
        // check-update exits 100 when updates are pending and 0 when none are
        if (run.exitCode() != 0 && run.exitCode() != 100) {
            return run.result();
        }
        List<Update> updates = new ArrayList<>();
        for (String line : run.output().split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 3 && parts[0].contains(".")) {
                updates.add(new Update(parts[0], "", parts[1], parts[2]));
            }
        }
        return new OperationResult(0, "", updates);
    }

    private OperationResult dnfInstall(boolean security) throws Exception {
        return tools.run("dnf", security ? List.of("-y", "upgrade", "--security") : List.of("-y", "upgrade"))
                .result();
    }
}
