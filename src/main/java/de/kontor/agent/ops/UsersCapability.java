package de.kontor.agent.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code users}: users and groups from {@code /etc/passwd} and {@code /etc/group}; create ({@code useradd}),
 * lock and unlock ({@code usermod --lock}, {@code --unlock}) and delete ({@code userdel}) a user; list, add and remove the lines of a user's
 * {@code ~/.ssh/authorized_keys}. A key is one line of a known type and base64; an entry is removed by its
 * exact key text, so no pattern of the user's reaches a tool.
 */
public final class UsersCapability implements Capability {

    private static final Pattern KEY = Pattern.compile(
            "(?:[a-z0-9-]+(?:=\"[^\"\\n]*\")?(?:,[a-z0-9-]+(?:=\"[^\"\\n]*\")?)* )?(ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp(?:256|384|521)"
                    + "|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\\.com) [A-Za-z0-9+/=]{16,8192}(?: [^\\n]{0,200})?");

    private final Tools tools;
    private final Path etc;

    /** @param etc where {@code passwd} and {@code group} are ({@code /etc}, or under the host root) */
    public UsersCapability(Tools tools, Path etc) {
        this.tools = tools;
        this.etc = etc;
    }

    public record User(String name, int uid, int gid, String home, String shell) {}

    public record Group(String name, int gid, List<String> members) {}

    @Override
    public String name() {
        return "users";
    }

    @Override
    public OperationResult run(Operation operation) throws Exception {
        return switch (operation.action()) {
            case "list" -> OperationResult.data(users());
            case "groups" -> OperationResult.data(groups());
            case "create" ->
                tools.run(
                                "useradd",
                                List.of(
                                        "--create-home",
                                        "--shell",
                                        "/bin/bash",
                                        "--",
                                        Names.user(name(), operation.target())))
                        .result();
            case "lock" ->
                tools.run("usermod", List.of("--lock", "--", Names.user(name(), operation.target())))
                        .result();
            case "unlock" ->
                tools.run("usermod", List.of("--unlock", "--", Names.user(name(), operation.target())))
                        .result();
            case "delete" -> delete(operation);
            case "keys" -> {
                List<String> keys = keys(home(operation.target())).stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .toList();
                yield new OperationResult(0, String.join("\n", keys), keys);
            }
            case "add-key" -> addKey(operation);
            case "remove-key" -> removeKey(operation);
            default ->
                throw new OperationRefusedException("users: unknown action " + operation.action()
                        + " (list, groups, create, lock, unlock, delete, keys, add-key, remove-key)");
        };
    }

    private OperationResult delete(Operation operation) throws Exception {
        String user = Names.user(name(), operation.target());
        if (user.equals("root")) {
            throw new OperationRefusedException("users: the agent does not delete root");
        }
        boolean removeHome = Boolean.parseBoolean(operation.argument("removeHome", "false"));
        return tools.run("userdel", removeHome ? List.of("--remove", "--", user) : List.of("--", user))
                .result();
    }

    List<User> users() throws IOException {
        List<User> users = new ArrayList<>();
        for (String line : Files.readAllLines(etc.resolve("passwd"), StandardCharsets.UTF_8)) {
            String[] f = line.split(":", -1);
            if (f.length >= 7) {
                users.add(new User(f[0], number(f[2]), number(f[3]), f[5], f[6]));
            }
        }
        return users;
    }

    private List<Group> groups() throws IOException {
        List<Group> groups = new ArrayList<>();
        for (String line : Files.readAllLines(etc.resolve("group"), StandardCharsets.UTF_8)) {
            String[] f = line.split(":", -1);
            if (f.length >= 4) {
                groups.add(new Group(f[0], number(f[2]), f[3].isBlank() ? List.of() : List.of(f[3].split(","))));
            }
        }
        return groups;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Path home(String target) throws IOException {
        String user = Names.user(name(), target);
        Optional<User> found =
                users().stream().filter(u -> u.name().equals(user)).findFirst();
        if (found.isEmpty() || found.get().home().isBlank()) {
            throw new OperationRefusedException("users: no user " + user + " with a home directory");
        }
        return Path.of(found.get().home());
    }

    private static List<String> keys(Path home) throws IOException {
        Path file = home.resolve(".ssh/authorized_keys");
        return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    private static String key(Operation operation) {
        String key = operation.argument("key", "").strip();
        if (!KEY.matcher(key).matches()) {
            throw new OperationRefusedException(
                    "users: not one public key line (ssh-ed25519, ssh-rsa, ecdsa-sha2-…, sk-…; one line)");
        }
        return key;
    }

    private OperationResult addKey(Operation operation) throws IOException {
        Path home = home(operation.target());
        String key = key(operation);
        List<String> keys = new ArrayList<>(keys(home));
        if (keys.contains(key)) {
            return OperationResult.ok("The key is there already");
        }
        keys.add(key);
        write(home, keys);
        return OperationResult.ok("Key added for " + operation.target());
    }

    private OperationResult removeKey(Operation operation) throws IOException {
        Path home = home(operation.target());
        String key = key(operation);
        List<String> keys = new ArrayList<>(keys(home));
        if (!keys.remove(key)) {
            return new OperationResult(1, "No such key for " + operation.target(), null);
        }
        write(home, keys);
        return OperationResult.ok("Key removed for " + operation.target());
    }

    /** Writes the file as sshd wants it: the directory 700, the file 600, owned like the home directory. */
    private static void write(Path home, List<String> keys) throws IOException {
        Path ssh = home.resolve(".ssh");
        if (Files.isSymbolicLink(ssh) || Files.isSymbolicLink(ssh.resolve("authorized_keys"))) {
            throw new OperationRefusedException("users: ~/.ssh or authorized_keys is a symbolic link; not followed");
        }
        Files.createDirectories(ssh);
        Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
        Path file = ssh.resolve("authorized_keys");
        Path temp = ssh.resolve("authorized_keys.kontor-tmp");
        Files.write(temp, keys, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        var owner = Files.getOwner(home);
        Files.setOwner(ssh, owner);
        Files.setOwner(temp, owner);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
