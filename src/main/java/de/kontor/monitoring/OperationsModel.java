package de.kontor.monitoring;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Server operations through the agent: what a node allows, requested actions and their results. */
public final class OperationsModel {

    private OperationsModel() {}

    /** Every capability Kontor knows, in the order the node page shows them. */
    public static final List<String> CAPABILITIES =
            List.of("processes", "services", "containers", "logs", "ports", "files", "terminal", "updates", "users");

    /**
     * Actions that only read. Every other action changes the node and needs a reason; this is a list of
     * readers rather than of writers so that an action nobody thought of counts as destructive.
     */
    public static final Set<String> READ_ACTIONS = Set.of(
            "list",
            "status",
            "journal",
            "files",
            "tail",
            "firewall",
            "keys",
            "groups",
            "inspect",
            "logs",
            "stats",
            "images",
            "volumes",
            "networks",
            "read",
            "download",
            "browse",
            "pending");

    public static boolean destructive(String action) {
        return !READ_ACTIONS.contains(action);
    }

    /**
     * @param allowed what the node's agent reports as allowed (empty when it allows nothing or never said)
     * @param known every capability Kontor knows
     */
    public record NodeCapabilities(long nodeId, List<String> allowed, List<String> known) {

        public boolean allows(String capability) {
            return allowed.contains(capability);
        }
    }

    /** What an admin asks a node to do. */
    public record ActionRequest(
            @Nullable String capability,
            @Nullable String action,
            @Nullable String target,
            @Nullable Map<String, String> arguments,
            @Nullable String reason) {}

    public enum ActionState {
        PENDING,
        SENT,
        DONE,
        FAILED,
        REFUSED,
        EXPIRED;

        public boolean finished() {
            return this != PENDING && this != SENT;
        }
    }

    /**
     * A requested action and, once the agent answered, its result.
     *
     * @param data the structured answer of a listing as JSON, or null
     */
    public record ActionStatus(
            long id,
            long nodeId,
            String capability,
            String action,
            String target,
            Map<String, String> arguments,
            @Nullable String reason,
            String requestedBy,
            ActionState state,
            Instant createdAt,
            @Nullable Instant finishedAt,
            @Nullable Integer exitCode,
            @Nullable String output,
            @Nullable String data) {}
}
