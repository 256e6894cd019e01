package de.kontor.agent.ops;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files inside the folders the node's owner allowed ({@code --allow files:/srv:/etc/nginx}), and nowhere
 * else: every path is resolved ({@code ..}, symbolic links) before it is checked, see {@link AllowedRoots}.
 *
 * <p>Actions ({@code target} is an absolute path):
 *
 * <ul>
 *   <li>{@code list} target folder — data is a {@link Listing}: entries with type ({@code file},
 *       {@code folder}, {@code link}, {@code other}), size, modification time, mode, owner and group;
 *       links are shown, not followed (browsing into one is checked like any path).
 *   <li>{@code read} target — a UTF-8 text file up to the read limit, for viewing and editing: data is a
 *       {@link FileContent} with {@code encoding=utf-8}; its {@code sha256} goes back with the edit.
 *   <li>{@code download} target — any file up to the read limit, {@code encoding=base64}.
 *   <li>{@code write} target — creates or replaces a file up to the write limit: {@code content}, and
 *       {@code encoding} ({@code utf-8}, the default, or {@code base64} for uploads). An existing file is
 *       replaced only with {@code ifSha256} (the hash it had when it was read: refused if it changed
 *       since) or {@code overwrite=true}. The content goes to a temporary file in the same folder that
 *       then replaces the target in one atomic rename, so readers never see half a file; a replaced
 *       file keeps its mode, owner and group, a new one gets {@code mode} (octal, default {@code 644}).
 *   <li>{@code mkdir} target — creates one folder ({@code mode}, default {@code 755}).
 *   <li>{@code chmod} target {@code mode} — octal {@code 0}–{@code 777} ({@code 640}, {@code 0755});
 *       setuid, setgid and sticky bits are refused.
 *   <li>{@code chown} target {@code owner} and/or {@code group} — names or numeric ids. Only root may
 *       give a file to another user; anyone may give their own file to a group they belong to.
 * </ul>
 *
 * <p>Outputs are short summaries for the audit log; contents travel in {@code data} only.
 */
public final class FilesCapability implements Capability {

    /** The read and write limit when none is given: 10 MiB. */
    public static final long DEFAULT_LIMIT = 10L * 1024 * 1024;

    private static final int MAX_ENTRIES = 5000;
    private static final Pattern OCTAL_MODE = Pattern.compile("0?[0-7]{3}");
    private static final Pattern ANY_OCTAL = Pattern.compile("[0-7]{3,4}");

    private final AllowedRoots roots;
    private final long maxReadBytes;
    private final long maxWriteBytes;

    /**
     * @param roots the allowed folders (absolute; they need not exist yet)
     * @param maxReadBytes the largest file {@code read} and {@code download} give back
     * @param maxWriteBytes the largest content {@code write} accepts
     */
    public FilesCapability(List<Path> roots, long maxReadBytes, long maxWriteBytes) {
        this.roots = new AllowedRoots(roots);
        this.maxReadBytes = maxReadBytes;
        this.maxWriteBytes = maxWriteBytes;
    }

    /** With the {@link #DEFAULT_LIMIT} for reading and writing. */
    public FilesCapability(List<Path> roots) {
        this(roots, DEFAULT_LIMIT, DEFAULT_LIMIT);
    }

    @Override
    public String name() {
        return "files";
    }

    @Override
    public OperationResult run(Operation operation) throws IOException {
        if (roots.roots().isEmpty()) {
            throw new OperationRefusedException("This node allows no folders for file operations.");
        }
        String target = operation.target();
        try {
            return switch (operation.action()) {
                case "list" -> list(target);
                case "read" -> read(target, false);
                case "download" -> read(target, true);
                case "write" -> write(target, operation);
                case "mkdir" -> mkdir(target, operation);
                case "chmod" -> chmod(target, operation.argument("mode", ""));
                case "chown" -> chown(target, operation.argument("owner", ""), operation.argument("group", ""));
                default ->
                    throw new OperationRefusedException("The files capability has no action '" + operation.action()
                            + "' (list, read, download, write, mkdir, chmod, chown).");
            };
        } catch (AccessDeniedException e) {
            throw new OperationRefusedException("The agent's user may not do that with " + e.getFile()
                    + " (permission denied): give it the rights on that folder, or run the agent as a user that"
                    + " has them.");
        }
    }

    /**
     * A folder's entries, folders first.
     *
     * @param truncated true when the folder had more entries than a listing carries
     */
    public record Listing(String path, List<Entry> entries, boolean truncated) {}

    /**
     * One entry of a folder.
     *
     * @param modified milliseconds since the epoch
     * @param mode e.g. {@code rw-r--r--}
     * @param linkTarget where a link points, as written in the link
     */
    public record Entry(
            String name,
            String type,
            long size,
            long modified,
            String mode,
            String owner,
            String group,
            @Nullable String linkTarget) {}

    /** @param encoding {@code utf-8} or {@code base64}, how {@code content} is written */
    public record FileContent(
            String path, long size, long modified, String mode, String sha256, String encoding, String content) {}

    /** What a write left on disk. */
    public record Written(String path, long size, String sha256, String mode) {}

    private OperationResult list(String target) throws IOException {
        Path folder = roots.existing(target);
        if (!Files.isDirectory(folder)) {
            throw new OperationRefusedException(target + " is not a folder.");
        }
        List<Entry> entries = new ArrayList<>();
        boolean truncated = false;
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (entries.size() == MAX_ENTRIES) {
                    truncated = true;
                    break;
                }
                try {
                    entries.add(entry(child));
                } catch (NoSuchFileException removedMeanwhile) {
                    // deleted between listing and reading its attributes: not there any more
                }
            }
        }
        entries.sort(
                Comparator.comparing((Entry e) -> !e.type().equals("folder")).thenComparing(Entry::name));
        return new OperationResult(
                0,
                "Listed " + folder + " (" + entries.size() + " entries" + (truncated ? ", cut" : "") + ").",
                new Listing(folder.toString(), entries, truncated));
    }

    private static Entry entry(Path child) throws IOException {
        PosixFileAttributes attributes =
                Files.readAttributes(child, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String type = attributes.isSymbolicLink()
                ? "link"
                : attributes.isDirectory() ? "folder" : attributes.isRegularFile() ? "file" : "other";
        return new Entry(
                child.getFileName().toString(),
                type,
                attributes.size(),
                attributes.lastModifiedTime().toMillis(),
                PosixFilePermissions.toString(attributes.permissions()),
                attributes.owner().getName(),
                attributes.group().getName(),
                attributes.isSymbolicLink() ? Files.readSymbolicLink(child).toString() : null);
    }

    private OperationResult read(String target, boolean base64) throws IOException {
        Path file = roots.existing(target);
        if (!Files.isRegularFile(file)) {
            throw new OperationRefusedException(target + " is not a file.");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            // reading one byte more than allowed tells a file that grew past the limit
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxReadBytes + 1));
        }
        if (bytes.length > maxReadBytes) {
            throw new OperationRefusedException(
                    target + " is larger than the " + size(maxReadBytes) + " the agent reads at once.");
        }
        String content;
        if (base64) {
            content = Base64.getEncoder().encodeToString(bytes);
        } else {
            try {
                content = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new OperationRefusedException(target + " is not a UTF-8 text file: download it instead.");
            }
        }
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
        return new OperationResult(
                0,
                (base64 ? "Downloaded " : "Read ") + file + " (" + bytes.length + " bytes).",
                new FileContent(
                        file.toString(),
                        bytes.length,
                        attributes.lastModifiedTime().toMillis(),
                        PosixFilePermissions.toString(attributes.permissions()),
                        sha256(bytes),
                        base64 ? "base64" : "utf-8",
                        content));
    }

    private OperationResult write(String target, Operation operation) throws IOException {
        byte[] bytes = content(operation);
        if (bytes.length > maxWriteBytes) {
            throw new OperationRefusedException("The content is larger than the " + size(maxWriteBytes)
                    + " the agent writes at once; nothing was written.");
        }
        Path file = roots.writable(target);
        boolean exists = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        String ifSha256 = operation.argument("ifSha256", "").strip();
        if (exists) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new OperationRefusedException(target + " is not a file.");
            }
            if (!ifSha256.isEmpty()) {
                if (Files.size(file) > maxReadBytes
                        || !sha256(Files.readAllBytes(file)).equalsIgnoreCase(ifSha256)) {
                    throw new OperationRefusedException(
                            target + " has changed since it was read; nothing was written. Read it again.");
                }
            } else if (!operation.argument("overwrite", "false").equals("true")) {
                throw new OperationRefusedException(target + " exists; overwrite=true replaces it.");
            }
        } else if (!ifSha256.isEmpty()) {
            throw new OperationRefusedException(target + " no longer exists; nothing was written.");
        }
        Set<PosixFilePermission> mode =
                exists ? Files.getPosixFilePermissions(file) : permissions(operation.argument("mode", "644"));
        Path folder = file.getParent();
        // a short name of its own: the target's name may already be as long as a name can be
        Path temporary = Files.createTempFile(folder, ".kontor-", ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.setPosixFilePermissions(temporary, mode);
            String note = exists ? keepOwner(file, temporary) : "";
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new OperationRefusedException(
                        "The file system of " + folder + " cannot replace files atomically; nothing was written.");
            }
            return new OperationResult(
                    0,
                    "Wrote " + file + " (" + bytes.length + " bytes)." + note,
                    new Written(file.toString(), bytes.length, sha256(bytes), PosixFilePermissions.toString(mode)));
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Gives the new content the old file's owner and group where the agent may; says so where not. */
    private static String keepOwner(Path file, Path temporary) throws IOException {
        PosixFileAttributes old = Files.readAttributes(file, PosixFileAttributes.class);
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        try {
            if (!view.readAttributes().group().equals(old.group())) {
                view.setGroup(old.group());
            }
            if (!view.readAttributes().owner().equals(old.owner())) {
                view.setOwner(old.owner());
            }
            return "";
        } catch (FileSystemException e) {
            return " It now belongs to the agent's user instead of "
                    + old.owner().getName() + ":" + old.group().getName() + ".";
        }
    }

    private static byte[] content(Operation operation) {
        String content = operation.argument("content", "");
        return switch (operation.argument("encoding", "utf-8")) {
            case "utf-8" -> content.getBytes(StandardCharsets.UTF_8);
            case "base64" -> {
                try {
                    yield Base64.getMimeDecoder().decode(content);
                } catch (IllegalArgumentException e) {
                    throw new OperationRefusedException("The content is not valid base64; nothing was written.");
                }
            }
            default -> throw new OperationRefusedException("'encoding' must be utf-8 or base64.");
        };
    }

    private OperationResult mkdir(String target, Operation operation) throws IOException {
        Path folder = roots.writable(target);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new OperationRefusedException(target + " exists.");
        }
        Set<PosixFilePermission> mode = permissions(operation.argument("mode", "755"));
        Files.createDirectory(folder);
        Files.setPosixFilePermissions(folder, mode);
        return OperationResult.ok("Created the folder " + folder + ".");
    }

    private OperationResult chmod(String target, String mode) throws IOException {
        Set<PosixFilePermission> permissions = permissions(mode);
        Path path = roots.existing(target);
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (FileSystemException e) {
            throw notPermitted("change the mode of", path, e);
        }
        return OperationResult.ok(
                "The mode of " + path + " is now " + PosixFilePermissions.toString(permissions) + ".");
    }

    private OperationResult chown(String target, String owner, String group) throws IOException {
        if (owner.isBlank() && group.isBlank()) {
            throw new OperationRefusedException("Give an owner, a group or both (names or numeric ids).");
        }
        Path path = roots.existing(target);
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        // both looked up before either is changed, so an unknown group leaves the owner as it was
        @Nullable UserPrincipal user = null;
        @Nullable GroupPrincipal users = null;
        try {
            if (!owner.isBlank()) {
                user = lookup.lookupPrincipalByName(owner.strip());
            }
        } catch (UserPrincipalNotFoundException e) {
            throw new OperationRefusedException("There is no user '" + owner.strip() + "' on this node.");
        }
        try {
            if (!group.isBlank()) {
                users = lookup.lookupPrincipalByGroupName(group.strip());
            }
        } catch (UserPrincipalNotFoundException e) {
            throw new OperationRefusedException("There is no group '" + group.strip() + "' on this node.");
        }
        try {
            if (users != null) {
                view.setGroup(users);
            }
            if (user != null) {
                view.setOwner(user);
            }
        } catch (FileSystemException e) {
            throw notPermitted("change the owner of", path, e);
        }
        PosixFileAttributes now = view.readAttributes();
        return OperationResult.ok(path + " now belongs to " + now.owner().getName() + ":"
                + now.group().getName() + ".");
    }

    private static OperationRefusedException notPermitted(String what, Path path, FileSystemException e) {
        return new OperationRefusedException("The agent's user may not " + what + " " + path + " (" + e.getReason()
                + "): only the file's owner may change its mode and only root may give it away.");
    }

    private static Set<PosixFilePermission> permissions(String mode) {
        String octal = mode.strip();
        if (!OCTAL_MODE.matcher(octal).matches()) {
            throw new OperationRefusedException(
                    ANY_OCTAL.matcher(octal).matches()
                            ? "Setuid, setgid and sticky bits cannot be set through Kontor; give a mode from 000 to 777."
                            : "'" + mode + "' is not a mode: give it in octal, e.g. 644 or 0750.");
        }
        int bits = Integer.parseInt(octal, 8);
        StringBuilder text = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            text.append((bits & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
