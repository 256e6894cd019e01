package de.kontor.agent.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The folders the node's owner allowed for file operations. A path counts as inside only by what it
 * really names: {@code ..} and symbolic links are resolved first ({@link Path#toRealPath}), so neither
 * {@code /srv/../etc/passwd} nor a link under {@code /srv} that points to {@code /etc} gets out. A file
 * that does not exist yet is judged by its real parent folder. Roots are resolved on every check, so a
 * root created after the agent started counts from then on.
 */
final class AllowedRoots {

    private final List<Path> roots;

    AllowedRoots(List<Path> roots) {
        for (Path root : roots) {
            if (!root.isAbsolute()) {
                throw new IllegalArgumentException("An allowed folder must be an absolute path: " + root);
            }
        }
        this.roots = List.copyOf(roots);
    }

    List<Path> roots() {
        return roots;
    }

    /** The real path of an existing file or folder inside a root. */
    Path existing(String target) throws IOException {
        Path path = parse(target);
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new OperationRefusedException(target + " does not exist.");
        }
        requireInside(target, real);
        return real;
    }

    /**
     * Where a file may be written: the real parent folder (inside a root) with the file's name. An existing
     * link there is followed only to a target inside a root; a dangling one is refused, because writing
     * through it would create a file wherever it points.
     */
    Path writable(String target) throws IOException {
        Path path = parse(target);
        Path name = path.getFileName();
        Path parent = path.getParent();
        if (name == null
                || parent == null
                || name.toString().equals("..")
                || name.toString().equals(".")) {
            throw new OperationRefusedException(target + " does not name a file.");
        }
        Path realParent;
        try {
            realParent = parent.toRealPath();
        } catch (NoSuchFileException e) {
            throw new OperationRefusedException("The folder " + parent + " does not exist.");
        }
        requireInside(target, realParent);
        Path candidate = realParent.resolve(name.toString());
        if (Files.isSymbolicLink(candidate)) {
            Path real;
            try {
                real = candidate.toRealPath();
            } catch (NoSuchFileException e) {
                throw new OperationRefusedException(
                        target + " is a link to " + Files.readSymbolicLink(candidate) + ", which does not exist.");
            }
            requireInside(target, real);
            candidate = real;
        }
        if (Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
            throw new OperationRefusedException(target + " is a folder.");
        }
        return candidate;
    }

    private static Path parse(String target) {
        Path path;
        try {
            path = Path.of(target.strip());
        } catch (InvalidPathException e) {
            throw new OperationRefusedException("'" + target + "' is not a path.");
        }
        if (!path.isAbsolute()) {
            throw new OperationRefusedException("'" + target + "' is not an absolute path.");
        }
        return path;
    }

    private void requireInside(String target, Path real) throws IOException {
        for (Path root : realRoots()) {
            // component-wise: /srv2 is not inside /srv
            if (real.startsWith(root)) {
                return;
            }
        }
        String where =
                real.toString().equals(target.strip()) ? target + " is" : target + " leads to " + real + ", which is";
        throw new OperationRefusedException(where + " outside the folders this node allows ("
                + roots.stream().map(Path::toString).collect(Collectors.joining(", ")) + ").");
    }

    private List<Path> realRoots() throws IOException {
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            if (Files.exists(root)) {
                real.add(root.toRealPath());
            }
        }
        return real;
    }
}
