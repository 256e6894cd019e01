package de.kontor.agent.ops;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** authorized_keys entries of a user whose home is a temporary directory (real files, real permissions). */
class UsersCapabilityTest {

    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@example";

    @TempDir
    Path dir;

    private UsersCapability users;
    private Path home;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(dir.resolve("home/deploy"));
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(
                etc.resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\ndeploy:x:1001:1001:Deploy:" + home + ":/bin/bash\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nsudo:x:27:deploy\n");
        users = new UsersCapability(new Tools(Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(10)), etc);
    }

    private OperationResult run(String action, String target, Map<String, String> args) throws Exception {
        return users.run(new Operation(action, target, args));
    }

    @Test
    void aKeyIsAddedOnceWithSshdsPermissionsAndRemovedByItsExactText() throws Exception {
        assertThat(run("add-key", "deploy", Map.of("key", KEY)).succeeded()).isTrue();
        assertThat(run("add-key", "deploy", Map.of("key", KEY)).output()).contains("there already");
        Path file = home.resolve(".ssh/authorized_keys");
        assertThat(Files.readAllLines(file)).containsExactly(KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".ssh"))))
                .isEqualTo("rwx------");
        assertThat(run("keys", "deploy", Map.of()).output()).isEqualTo(KEY);

        assertThat(run("remove-key", "deploy", Map.of("key", KEY)).succeeded()).isTrue();
        assertThat(Files.readAllLines(file)).isEmpty();
        assertThat(run("remove-key", "deploy", Map.of("key", KEY)).exitCode()).isEqualTo(1);
    }

    @Test
    void aSecondLineOrSomethingElseThanAKeyIsRefused() {
        assertThatThrownBy(() -> run("add-key", "deploy", Map.of("key", KEY + "\nssh-rsa AAAAB3Nza attacker")))
                .isInstanceOf(OperationRefusedException.class);
        assertThatThrownBy(() -> run("add-key", "deploy", Map.of("key", "command=\"rm -rf /\"")))
                .isInstanceOf(OperationRefusedException.class);
        assertThat(home.resolve(".ssh")).doesNotExist();
    }

    @Test
    void usersAndGroupsAreReadFromPasswdAndGroup() throws Exception {
        assertThat(users.users()).extracting(UsersCapability.User::name).containsExactly("root", "deploy");
        @SuppressWarnings("unchecked")
        var groups = (List<UsersCapability.Group>) run("groups", "", Map.of()).data();
        assertThat(groups)
                .filteredOn(g -> g.name().equals("sudo"))
                .singleElement()
                .satisfies(g -> assertThat(g.members()).containsExactly("deploy"));
    }

    @Test
    void rootIsNeverDeletedAndUnknownUsersHaveNoKeys() {
        assertThatThrownBy(() -> run("delete", "root", Map.of())).hasMessageContaining("does not delete root");
        assertThatThrownBy(() -> run("keys", "nobody-here", Map.of())).hasMessageContaining("no user");
    }
}
