package de.kontor.agent;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What the agent and Kontor say to each other. The agent only connects out: it posts a {@link Report}
 * to {@link #REPORT_PATH} with {@code Authorization: Bearer <node token>} and gets an {@link Answer}
 * with its settings. Both sides ignore fields they do not know, so either can be newer.
 */
public final class Protocol {

    /** Version of this exchange; Kontor answers older agents as long as it can. */
    public static final int VERSION = 1;

    public static final String REPORT_PATH = "/api/monitoring/agent/v1/report";

    private Protocol() {}

    /**
     * @param sentAt the agent's clock when sending (milliseconds since the epoch): Kontor shifts the
     *     samples by the difference to its own clock when the two disagree by more than a few seconds
     * @param samples oldest first; after an outage the agent sends its buffer in several reports
     * @param inventory the latest inventory not yet delivered, if any
     */
    public record Report(
            AgentInfo agent,
            long sentAt,
            List<Sample> samples,
            @Nullable Inventory inventory) {}

    /**
     * @param capabilities what the node's owner allows Kontor to do on it (none so far)
     */
    public record AgentInfo(String version, int protocol, String hostname, List<String> capabilities) {}

    /**
     * @param accepted samples stored (repeated ones are not stored twice)
     * @param pendingCommands commands waiting for this node; the agent fetches them separately
     */
    public record Answer(int accepted, Settings settings, int pendingCommands) {}

    /**
     * @param intervalSeconds the collection interval Kontor wants, or null to keep the agent's own
     * @param inventorySeconds how often to collect and send the inventory
     * @param maxSamplesPerReport how many buffered samples one report may carry
     */
    public record Settings(@Nullable Integer intervalSeconds, int inventorySeconds, int maxSamplesPerReport) {}
}
