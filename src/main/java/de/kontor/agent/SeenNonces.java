package de.kontor.agent;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The nonces of commands that have not expired yet, with their expiry (seconds since the epoch), kept in
 * a small file in the agent's state directory. Without it a restart would forget them and a command
 * captured in the last minute could be played again; with it the agent refuses the replay after a
 * restart too. The file is rewritten (atomically) before a command runs, so a crash right after
 * accepting a command cannot lose its nonce. A file that cannot be written is warned about once and the
 * nonces are then kept in memory only: the agent keeps working rather than refuse every command.
 */
final class SeenNonces {

    static final String FILE = "seen-nonces.json";

    private static final System.Logger log = System.getLogger(SeenNonces.class.getName());
    private static final TypeReference<Map<String, Long>> TYPE = new TypeReference<>() {};

    private final @Nullable Path file;
    private final Map<String, Long> seen = new HashMap<>();
    private boolean warned;

    /** @param stateDir the agent's state directory, or null to keep nonces in memory only */
    SeenNonces(@Nullable Path stateDir) {
        this.file = stateDir == null ? null : stateDir.resolve(FILE);
        if (file != null && Files.isRegularFile(file)) {
            try {
                seen.putAll(KontorClient.JSON.readValue(Files.readString(file), TYPE));
            } catch (IOException | RuntimeException e) {
                log.log(
                        Level.WARNING,
                        "Cannot read the seen command nonces in " + file + " (" + e + "); starting empty");
            }
        }
    }

    /**
     * Remembers the nonce until it expires.
     *
     * @param keepAfter nonces whose expiry is before this (seconds since the epoch) are forgotten
     * @return false when the nonce was seen already (a replay)
     */
    synchronized boolean add(String nonce, long expiresAt, long keepAfter) {
        seen.values().removeIf(expires -> expires < keepAfter);
        if (seen.putIfAbsent(nonce, expiresAt) != null) {
            return false;
        }
        store();
        return true;
    }

    synchronized int size() {
        return seen.size();
    }

    private void store() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE + ".tmp");
            Files.writeString(temp, KontorClient.JSON.writeValueAsString(seen), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            warned = false;
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                log.log(
                        Level.WARNING,
                        "Cannot keep the seen command nonces in " + file + " (" + e
                                + "); a restart within a command's validity could accept a replay");
                warned = true;
            }
        }
    }
}
