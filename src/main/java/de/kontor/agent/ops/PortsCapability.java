package de.kontor.agent.ops;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code ports}: the listening sockets with their processes; the firewall's rules from whichever of ufw,
 * firewalld, nftables or iptables is present; opening and closing a port through ufw or firewalld (with
 * nftables or iptables alone the agent does not edit rule sets it did not write, and says so).
 */
public final class PortsCapability implements Capability {

    private final Tools tools;
    private final Supplier<? extends List<?>> listening;

    /** @param listening the node's listening sockets, as the inventory collects them */
    public PortsCapability(Tools tools, Supplier<? extends List<?>> listening) {
        this.tools = tools;
        this.listening = listening;
    }

    @Override
    public String name() {
        return "ports";
    }

    @Override
    public OperationResult run(Operation operation) throws Exception {
        return switch (operation.action()) {
            case "list" -> OperationResult.data(listening.get());
            case "firewall" -> firewall();
            case "open", "close" -> change(operation.action().equals("open"), operation);
            default ->
                throw new OperationRefusedException(
                        "ports: unknown action " + operation.action() + " (list, firewall, open, close)");
        };
    }

    private OperationResult firewall() throws Exception {
        if (tools.has("ufw")) {
            return withTool("ufw", tools.run("ufw", List.of("status", "verbose")));
        }
        if (tools.has("firewall-cmd")) {
            return withTool("firewalld", tools.run("firewall-cmd", List.of("--list-all")));
        }
        if (tools.has("nft")) {
            return withTool("nftables", tools.run("nft", List.of("list", "ruleset")));
        }
        if (tools.has("iptables")) {
            return withTool("iptables", tools.run("iptables", List.of("-S")));
        }
        throw new OperationRefusedException("ports: no firewall tool (ufw, firewall-cmd, nft, iptables) on this node");
    }

    private static OperationResult withTool(String tool, Tools.Run run) {
        return new OperationResult(run.exitCode(), "[" + tool + "]\n" + run.output(), null);
    }

    private OperationResult change(boolean open, Operation operation) throws Exception {
        int port = Names.number(name(), "port", operation.target(), 1, 65535);
        String protocol = operation.argument("protocol", "tcp").strip().toLowerCase(Locale.ROOT);
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new OperationRefusedException("ports: protocol must be tcp or udp: " + protocol);
        }
        String spec = port + "/" + protocol;
        if (tools.has("ufw")) {
            return tools.run("ufw", open ? List.of("allow", spec) : List.of("delete", "allow", spec))
                    .result();
        }
        if (tools.has("firewall-cmd")) {
            Tools.Run changed =
                    tools.run("firewall-cmd", List.of("--permanent", (open ? "--add-port=" : "--remove-port=") + spec));
            if (changed.exitCode() != 0) {
                return changed.result();
            }
            Tools.Run reload = tools.run("firewall-cmd", List.of("--reload"));
            return new OperationResult(reload.exitCode(), changed.output() + reload.output(), null);
        }
        throw new OperationRefusedException("ports: opening and closing ports needs ufw or firewalld on this node; "
                + "the agent does not edit nftables or iptables rule sets it did not write");
    }
}
