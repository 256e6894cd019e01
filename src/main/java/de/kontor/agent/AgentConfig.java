package de.kontor.agent;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the agent runs, from command-line flags or, where a flag is missing, environment variables.
 *
 * @param pins SHA-256 hashes of public keys ({@code sha256/<base64>}) Kontor's certificate must have;
 *     with a pin, a certificate no authority signed (self-signed) is accepted when its key matches
 * @param buffer how much history the agent keeps while Kontor cannot be reached
 * @param hostRoot where the host's {@code /proc}, {@code /sys} and filesystems are mounted (in a container)
 * @param dockerSocket the Docker Engine socket, or null for none
 * @param environment the agent's environment ({@code PATH} for {@code systemctl})
 * @param print collect once, print as JSON and exit (no server needed)
 * @param allowed the capabilities the node's owner allows ({@code --allow}), each with its roots
 *     ({@code files:/srv:/etc/nginx}); empty: the agent takes no commands at all
 * @param serverKey Kontor's command-signing public key (base64 of its X.509 form) given by the owner, or
 *     null to fetch it once from Kontor and keep it in the state directory
 * @param stateDir where the agent keeps Kontor's pinned command key
 */
public record AgentConfig(
        @Nullable URI server,
        @Nullable String token,
        Duration interval,
        Duration inventoryInterval,
        List<String> pins,
        Duration buffer,
        HostPaths hostRoot,
        @Nullable Path dockerSocket,
        Map<String, String> environment,
        boolean print,
        Map<String, List<Path>> allowed,
        @Nullable String serverKey,
        Path stateDir) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_BUFFER = Duration.ofHours(6);
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/kontor-agent");

    /** What {@code --allow} accepts; a capability may carry roots after colons ({@code files:/srv}). */
    public static final List<String> CAPABILITIES =
            List.of("processes", "services", "containers", "logs", "ports", "files", "terminal", "updates", "users");

    static final String USAGE = """
            Usage: java -jar kontor-agent.jar --server https://kontor.example --token <node token> [options]

              --server URL          Kontor's address                      (KONTOR_AGENT_SERVER)
              --token TOKEN         this node's token                     (KONTOR_AGENT_TOKEN)
              --token-file FILE     read the token from a file            (KONTOR_AGENT_TOKEN_FILE)
              --interval DURATION   collection interval, default 15s      (KONTOR_AGENT_INTERVAL)
              --pin sha256/BASE64   pin Kontor's public key (repeatable)  (KONTOR_AGENT_PIN, comma-separated)
              --buffer DURATION     history kept while Kontor is away, default 6h (KONTOR_AGENT_BUFFER)
              --host-root DIR       host's /proc, /sys and / mounted here  (KONTOR_AGENT_HOST_ROOT)
              --docker-socket FILE  Docker Engine socket, default /var/run/docker.sock or DOCKER_HOST
                                    (KONTOR_AGENT_DOCKER_SOCKET; "none" to leave containers out)
              --allow LIST          capabilities Kontor may use, comma-separated, none by default:
                                    processes,services,containers,logs[:ROOT...],ports,
                                    files:ROOT[:ROOT...],terminal,updates,users  (KONTOR_AGENT_ALLOW)
              --server-key KEY      Kontor's command key (base64); default: fetched once and pinned
                                    (KONTOR_AGENT_SERVER_KEY)
              --state-dir DIR       where the pinned command key is kept, default /var/lib/kontor-agent
                                    (KONTOR_AGENT_STATE_DIR)
              --print               collect once, print JSON, exit
              --help, --version
            Durations: 15 (seconds), 15s, 2m, 6h.""";

    public AgentConfig {
        pins = List.copyOf(pins);
        environment = Map.copyOf(environment);
        Map<String, List<Path>> copy = new LinkedHashMap<>();
        allowed.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        allowed = Collections.unmodifiableMap(copy);
    }

    /** A configuration for collecting and sending to a server (tests and embedding). */
    public static AgentConfig of(URI server, String token, Duration interval) {
        return new AgentConfig(
                server,
                token,
                interval,
                Duration.ofSeconds(60),
                List.of(),
                DEFAULT_BUFFER,
                HostPaths.local(),
                null,
                Map.of("PATH", "/usr/bin:/bin"),
                false,
                Map.of(),
                null,
                DEFAULT_STATE_DIR);
    }

    /** The same configuration allowing the capabilities (as {@code --allow} writes them), pinning the key. */
    public AgentConfig withOperations(String allow, @Nullable String key, Path state, Map<String, String> env) {
        return new AgentConfig(
                server,
                token,
                interval,
                inventoryInterval,
                pins,
                buffer,
                hostRoot,
                dockerSocket,
                env,
                print,
                allow(allow),
                key,
                state);
    }

    /** Whether the owner allowed the capability. */
    public boolean allows(String capability) {
        return allowed.containsKey(capability);
    }

    /** The roots given with a capability ({@code files:/srv:/etc/nginx}), empty when none. */
    public List<Path> roots(String capability) {
        return allowed.getOrDefault(capability, List.of());
    }

    /**
     * Parses {@code processes,services,files:/srv:/etc/nginx}.
     *
     * @throws IllegalArgumentException for an unknown capability, a relative root, or files without roots
     */
    static Map<String, List<Path>> allow(@Nullable String text) {
        Map<String, List<Path>> allowed = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return allowed;
        }
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            String[] parts = item.strip().split(":");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!CAPABILITIES.contains(name)) {
                throw new IllegalArgumentException(
                        "--allow: unknown capability " + name + " (" + String.join(", ", CAPABILITIES) + ")");
            }
            List<Path> roots = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].isBlank()) {
                    continue;
                }
                Path root = Path.of(parts[i].strip());
                if (!root.isAbsolute()) {
                    throw new IllegalArgumentException("--allow: " + name + " roots must be absolute paths: " + root);
                }
                roots.add(root.normalize());
            }
            if (name.equals("files") && roots.isEmpty()) {
                throw new IllegalArgumentException("--allow: files needs its roots, e.g. files:/srv:/etc/nginx");
            }
            allowed.computeIfAbsent(name, k -> new ArrayList<>()).addAll(roots);
        }
        return allowed;
    }

    public AgentConfig withPins(List<String> newPins) {
        return new AgentConfig(
                server,
                token,
                interval,
                inventoryInterval,
                newPins,
                buffer,
                hostRoot,
                dockerSocket,
                environment,
                print,
                allowed,
                serverKey,
                stateDir);
    }

    public AgentConfig withInventory(Duration every, @Nullable Path socket, Map<String, String> env) {
        return new AgentConfig(
                server, token, interval, every, pins, buffer, hostRoot, socket, env, print, allowed, serverKey,
                stateDir);
    }

    public AgentConfig withBuffer(Duration newBuffer) {
        return new AgentConfig(
                server,
                token,
                interval,
                inventoryInterval,
                pins,
                newBuffer,
                hostRoot,
                dockerSocket,
                environment,
                print,
                allowed,
                serverKey,
                stateDir);
    }

    /** How many samples the buffer holds. */
    int bufferedSamples() {
        return (int) Math.max(1, buffer.toSeconds() / Math.max(1, interval.toSeconds()));
    }

    /**
     * Reads flags, falling back to the environment.
     *
     * @throws IllegalArgumentException with a message for the user when something is missing or wrong
     */
    public static AgentConfig parse(String[] args, Map<String, String> env) {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        boolean print = list.remove("--print");
        String server = flag(list, "--server", env.get("KONTOR_AGENT_SERVER"));
        String token = flag(list, "--token", env.get("KONTOR_AGENT_TOKEN"));
        String tokenFile = flag(list, "--token-file", env.get("KONTOR_AGENT_TOKEN_FILE"));
        String interval = flag(list, "--interval", env.get("KONTOR_AGENT_INTERVAL"));
        String buffer = flag(list, "--buffer", env.get("KONTOR_AGENT_BUFFER"));
        String hostRoot = flag(list, "--host-root", env.get("KONTOR_AGENT_HOST_ROOT"));
        String docker = flag(list, "--docker-socket", env.get("KONTOR_AGENT_DOCKER_SOCKET"));
        String allow = flag(list, "--allow", env.get("KONTOR_AGENT_ALLOW"));
        String serverKey = flag(list, "--server-key", env.get("KONTOR_AGENT_SERVER_KEY"));
        String stateDir = flag(list, "--state-dir", env.get("KONTOR_AGENT_STATE_DIR"));
        List<String> pins = new ArrayList<>();
        String pin;
        while ((pin = flag(list, "--pin", null)) != null) {
            pins.add(pin);
        }
        if (pins.isEmpty() && env.get("KONTOR_AGENT_PIN") != null) {
            for (String p : env.get("KONTOR_AGENT_PIN").split(",")) {
                if (!p.isBlank()) {
                    pins.add(p.strip());
                }
            }
        }
        if (!list.isEmpty()) {
            throw new IllegalArgumentException("Unknown argument: " + list.getFirst());
        }
        for (String p : pins) {
            if (!p.startsWith("sha256/") || p.length() < 20) {
                throw new IllegalArgumentException("A pin looks like sha256/<base64 of the key's SHA-256>: " + p);
            }
        }
        if (token == null && tokenFile != null) {
            try {
                token = Files.readString(Path.of(tokenFile)).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the token file " + tokenFile, e);
            }
        }
        URI uri = null;
        if (!print) {
            if (server == null || server.isBlank()) {
                throw new IllegalArgumentException("Kontor's address is missing: --server or KONTOR_AGENT_SERVER");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("The node token is missing: --token or KONTOR_AGENT_TOKEN");
            }
            uri = URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("The server address must start with https:// or http://");
            }
        }
        Duration every = interval == null ? DEFAULT_INTERVAL : duration(interval, "--interval");
        if (every.toSeconds() < 1) {
            throw new IllegalArgumentException("The interval must be at least 1 second");
        }
        return new AgentConfig(
                uri,
                token,
                every,
                Duration.ofSeconds(60),
                pins,
                buffer == null ? DEFAULT_BUFFER : duration(buffer, "--buffer"),
                new HostPaths(hostRoot == null ? "" : hostRoot),
                dockerSocket(docker, env.get("DOCKER_HOST"), hostRoot),
                env,
                print,
                allow(allow),
                serverKey,
                stateDir == null ? DEFAULT_STATE_DIR : Path.of(stateDir));
    }

    private static @Nullable Path dockerSocket(
            @Nullable String flag, @Nullable String dockerHost, @Nullable String hostRoot) {
        if (flag != null) {
            return flag.equals("none") ? null : Path.of(flag);
        }
        if (dockerHost != null && dockerHost.startsWith("unix://")) {
            return Path.of(dockerHost.substring("unix://".length()));
        }
        return Path.of((hostRoot == null ? "" : hostRoot) + "/var/run/docker.sock");
    }

    private static @Nullable String flag(List<String> args, String name, @Nullable String fallback) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(name)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args.get(i + 1);
                args.remove(i + 1);
                args.remove(i);
                return value;
            }
            if (a.startsWith(name + "=")) {
                args.remove(i);
                return a.substring(name.length() + 1);
            }
        }
        return fallback == null || fallback.isBlank() ? null : fallback;
    }

    static Duration duration(String text, String what) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            char unit = t.charAt(t.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(t));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + ": not a duration (15, 15s, 2m, 6h): " + text);
        }
    }
}
