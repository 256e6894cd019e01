package de.kontor.agent.ops;

import de.kontor.agent.ops.FilesCapability.Entry;
import de.kontor.agent.ops.FilesCapability.FileContent;
import de.kontor.agent.ops.FilesCapability.Listing;
import de.kontor.agent.ops.FilesCapability.Written;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** File operations in a temporary root, and every way out of it refused. */
class FilesCapabilityTest {

    @TempDir
    Path dir;

    private Path root;
    private Path outside;
    private FilesCapability files;

    @BeforeEach
    void createRoot() throws Exception {
        root = Files.createDirectory(dir.resolve("srv"));
        outside = Files.createDirectory(dir.resolve("etc"));
        Files.writeString(outside.resolve("secret.txt"), "root:x:0:0\n");
        files = new FilesCapability(List.of(root), 64, 32);
    }

    private OperationResult run(String action, Path target, Map<String, String> arguments) throws Exception {
        return files.run(new Operation(action, target.toString(), arguments));
    }

    private OperationResult run(String action, Path target) throws Exception {
        return run(action, target, Map.of());
    }

    private OperationResult run(String action, String target, Map<String, String> arguments) throws Exception {
        return files.run(new Operation(action, target, arguments));
    }

    @Test
    void listShowsFoldersFirstWithModeOwnerAndLinkTargets() throws Exception {
        Files.createDirectory(root.resolve("conf.d"));
        Path index = Files.writeString(root.resolve("index.html"), "<h1>hi</h1>");
        Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rw-r-----"));
        Files.createSymbolicLink(root.resolve("current"), root.resolve("index.html"));

        Listing listing = (Listing) run("list", root).data();

        assertThat(listing.path()).isEqualTo(root.toRealPath().toString());
        assertThat(listing.entries()).extracting(Entry::name).containsExactly("conf.d", "current", "index.html");
        assertThat(listing.entries()).extracting(Entry::type).containsExactly("folder", "link", "file");
        Entry file = listing.entries().get(2);
        assertThat(file.size()).isEqualTo(11);
        assertThat(file.mode()).isEqualTo("rw-r-----");
        assertThat(file.owner()).isEqualTo(System.getProperty("user.name"));
        assertThat(listing.entries().get(1).linkTarget())
                .isEqualTo(root.resolve("index.html").toString());
    }

    @Test
    void aTextFileIsReadAndEditedAtomicallyKeepingItsMode() throws Exception {
        Path conf = Files.writeString(root.resolve("app.conf"), "port=80\n");
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r-----"));

        FileContent read = (FileContent) run("read", conf).data();
        assertThat(read.content()).isEqualTo("port=80\n");
        assertThat(read.encoding()).isEqualTo("utf-8");

        OperationResult written = run("write", conf, Map.of("content", "port=8080\n", "ifSha256", read.sha256()));

        assertThat(written.output()).isEqualTo("Wrote " + conf.toRealPath() + " (10 bytes).");
        assertThat(Files.readString(conf)).isEqualTo("port=8080\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf)))
                .isEqualTo("rw-r-----");
        assertThat(((Written) written.data()).sha256())
                .isEqualTo(((FileContent) run("read", conf).data()).sha256());
        try (Stream<Path> left = Files.list(root)) {
            assertThat(left).as("no temporary file stays behind").containsExactly(conf);
        }
    }

    @Test
    void anEditOfAFileThatChangedSinceItWasReadIsRefused() throws Exception {
        Path conf = Files.writeString(root.resolve("app.conf"), "port=80\n");
        String hash = ((FileContent) run("read", conf).data()).sha256();
        Files.writeString(conf, "port=81\n");

        assertThatThrownBy(() -> run("write", conf, Map.of("content", "port=8080\n", "ifSha256", hash)))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage(conf + " has changed since it was read; nothing was written. Read it again.");
        assertThat(Files.readString(conf)).isEqualTo("port=81\n");
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAsked() throws Exception {
        Path conf = Files.writeString(root.resolve("app.conf"), "old\n");

        assertThatThrownBy(() -> run("write", conf, Map.of("content", "new\n")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage(conf + " exists; overwrite=true replaces it.");
        assertThat(Files.readString(conf)).isEqualTo("old\n");

        run("write", conf, Map.of("content", "new\n", "overwrite", "true"));
        assertThat(Files.readString(conf)).isEqualTo("new\n");
    }

    @Test
    void aBinaryUploadAndItsDownloadRoundTripWithTheGivenMode() throws Exception {
        byte[] binary = {0, (byte) 0xff, 0x10, (byte) 0xc3, 0x28};
        Path upload = root.resolve("logo.bin");

        run(
                "write",
                upload,
                Map.of("content", Base64.getEncoder().encodeToString(binary), "encoding", "base64", "mode", "0600"));

        assertThat(Files.readAllBytes(upload)).isEqualTo(binary);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(upload)))
                .isEqualTo("rw-------");
        FileContent download = (FileContent) run("download", upload).data();
        assertThat(Base64.getDecoder().decode(download.content())).isEqualTo(binary);
        assertThatThrownBy(() -> run("read", upload))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage(upload + " is not a UTF-8 text file: download it instead.");
    }

    @Test
    void filesOverTheLimitsAreRefusedAndNothingIsWritten() throws Exception {
        Path big = Files.writeString(root.resolve("big.log"), "x".repeat(65));
        Path target = root.resolve("new.txt");

        assertThatThrownBy(() -> run("read", big))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage(big + " is larger than the 64 bytes the agent reads at once.");
        assertThatThrownBy(() -> run("write", target, Map.of("content", "y".repeat(33))))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("The content is larger than the 32 bytes the agent writes at once; nothing was written.");
        assertThat(target).doesNotExist();
        assertThat(run("write", target, Map.of("content", "y".repeat(32))).succeeded())
                .isTrue();
    }

    @Test
    void dotDotCannotLeaveTheRoot() throws Exception {
        String escape = root + "/../etc/secret.txt";

        assertThatThrownBy(() -> run("read", escape, Map.of()))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage(escape + " leads to " + outside.toRealPath().resolve("secret.txt")
                        + ", which is outside the folders this node allows (" + root + ").");
        assertThatThrownBy(() -> run("write", root + "/../etc/new.txt", Map.of("content", "x")))
                .isInstanceOf(OperationRefusedException.class);
        assertThatThrownBy(() -> run("list", root + "/..", Map.of())).isInstanceOf(OperationRefusedException.class);
        assertThatThrownBy(() -> run("write", root + "/..", Map.of("content", "x")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage(root + "/.. does not name a file.");
        assertThat(outside.resolve("new.txt")).doesNotExist();
    }

    @Test
    void symbolicLinksCannotLeaveTheRootEvenForFilesThatDoNotExistYet() throws Exception {
        Files.createSymbolicLink(root.resolve("etc"), outside);
        Files.createSymbolicLink(root.resolve("passwd"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("planted.txt"));

        assertThatThrownBy(() -> run("read", root.resolve("etc/secret.txt")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("outside the folders this node allows");
        assertThatThrownBy(() -> run("list", root.resolve("etc"))).isInstanceOf(OperationRefusedException.class);
        assertThatThrownBy(() -> run("read", root.resolve("passwd"))).isInstanceOf(OperationRefusedException.class);
        assertThatThrownBy(() -> run("write", root.resolve("etc/new.txt"), Map.of("content", "x")))
                .isInstanceOf(OperationRefusedException.class);
        assertThatThrownBy(() -> run("write", root.resolve("passwd"), Map.of("content", "x", "overwrite", "true")))
                .isInstanceOf(OperationRefusedException.class);
        assertThatThrownBy(() -> run("write", root.resolve("dangling"), Map.of("content", "x")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage(root.resolve("dangling") + " is a link to " + outside.resolve("planted.txt")
                        + ", which does not exist.");
        assertThatThrownBy(() -> run("chmod", root.resolve("passwd"), Map.of("mode", "777")))
                .isInstanceOf(OperationRefusedException.class);

        assertThat(outside.resolve("new.txt")).doesNotExist();
        assertThat(outside.resolve("planted.txt")).doesNotExist();
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("root:x:0:0\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outside.resolve("secret.txt"))))
                .isNotEqualTo("rwxrwxrwx");
    }

    @Test
    void aLinkThatStaysInsideTheRootIsFollowed() throws Exception {
        Path real = Files.writeString(root.resolve("v2.conf"), "a\n");
        Path link = Files.createSymbolicLink(root.resolve("current.conf"), real);

        run("write", link, Map.of("content", "b\n", "overwrite", "true"));

        assertThat(Files.isSymbolicLink(link)).as("the link stays a link").isTrue();
        assertThat(Files.readString(real)).isEqualTo("b\n");
    }

    @Test
    void pathsOutsideEveryRootOrRelativeAreRefused() throws Exception {
        Path sibling = Files.createDirectory(dir.resolve("srv2"));
        Files.writeString(sibling.resolve("a.txt"), "a");

        assertThatThrownBy(() -> run("read", sibling.resolve("a.txt")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage(sibling.resolve("a.txt") + " is outside the folders this node allows (" + root + ").");
        assertThatThrownBy(() -> run("list", "/", Map.of())).isInstanceOf(OperationRefusedException.class);
        assertThatThrownBy(() -> run("read", "srv/a.txt", Map.of()))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("'srv/a.txt' is not an absolute path.");
        assertThatThrownBy(() -> new FilesCapability(List.of()).run(new Operation("list", "/", Map.of())))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("This node allows no folders for file operations.");
    }

    @Test
    void chmodSetsOctalModesAndRefusesSpecialBits() throws Exception {
        Path script = Files.writeString(root.resolve("run.sh"), "#!/bin/sh\n");

        assertThat(run("chmod", script, Map.of("mode", "0750")).output())
                .isEqualTo("The mode of " + script + " is now rwxr-x---.");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script)))
                .isEqualTo("rwxr-x---");
        assertThatThrownBy(() -> run("chmod", script, Map.of("mode", "4755")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageStartingWith("Setuid, setgid and sticky bits cannot be set");
        assertThatThrownBy(() -> run("chmod", script, Map.of("mode", "u+x")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("'u+x' is not a mode: give it in octal, e.g. 644 or 0750.");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script)))
                .isEqualTo("rwxr-x---");
    }

    @Test
    void chownTakesNamesOrNumericIdsAndRefusesUnknownOnes() throws Exception {
        Path file = Files.writeString(root.resolve("owned.txt"), "x");
        int uid = (Integer) Files.getAttribute(file, "unix:uid");
        int gid = (Integer) Files.getAttribute(file, "unix:gid");
        String user = Files.getOwner(file).getName();

        assertThat(run("chown", file, Map.of("owner", String.valueOf(uid), "group", String.valueOf(gid)))
                        .output())
                .startsWith(file + " now belongs to " + user + ":");
        assertThat(run("chown", file, Map.of("owner", user)).succeeded()).isTrue();
        assertThatThrownBy(() -> run("chown", file, Map.of("owner", "no-such-user-kontor")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("There is no user 'no-such-user-kontor' on this node.");
        assertThatThrownBy(() -> run("chown", file, Map.of("owner", user, "group", "no-such-group-kontor")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("There is no group 'no-such-group-kontor' on this node.");
        assertThat((Integer) Files.getAttribute(file, "unix:uid")).isEqualTo(uid);
    }

    @Test
    void asRootAReplacedFileKeepsItsOwnerAndChownGivesFilesAway() throws Exception {
        assumeTrue(System.getProperty("user.name").equals("root"), "only root may give files to other users");
        Path conf = Files.writeString(root.resolve("service.conf"), "a\n");
        run("chown", conf, Map.of("owner", "1", "group", "1"));
        assertThat(Files.getAttribute(conf, "unix:uid")).isEqualTo(1);

        run("write", conf, Map.of("content", "b\n", "overwrite", "true"));

        assertThat(Files.readString(conf)).isEqualTo("b\n");
        assertThat(Files.getAttribute(conf, "unix:uid")).isEqualTo(1);
        assertThat(Files.getAttribute(conf, "unix:gid")).isEqualTo(1);
    }

    @Test
    void mkdirCreatesAFolderInsideTheRootOnly() throws Exception {
        run("mkdir", root.resolve("uploads"), Map.of("mode", "750"));

        assertThat(root.resolve("uploads")).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("uploads"))))
                .isEqualTo("rwxr-x---");
        assertThatThrownBy(() -> run("mkdir", root + "/../etc/uploads", Map.of()))
                .isInstanceOf(OperationRefusedException.class);
        assertThat(outside.resolve("uploads")).doesNotExist();
    }

    @Test
    void writtenTextIsUtf8() throws Exception {
        Path note = root.resolve("note.txt");

        run("write", note, Map.of("content", "Grüße"));

        assertThat(Files.readString(note, StandardCharsets.UTF_8)).isEqualTo("Grüße");
    }
}
