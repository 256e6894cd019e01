package de.kontor.agent;

import de.kontor.agent.Protocol.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the agent checks before it runs a command, with commands signed here as Kontor signs them. */
class CommandVerifierTest {

    private static final long NODE = 7;
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final KeyPair kontor = pair();
    private final CommandVerifier verifier =
            new CommandVerifier(kontor.getPublic(), NODE, Clock.fixed(NOW, ZoneOffset.UTC));

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Command command(long node, long issued, long expires, String nonce) {
        return new Command(1, node, "processes", "signal", "123", Map.of("signal", "TERM"), issued, expires, nonce);
    }

    private static Command valid(String nonce) {
        return command(NODE, NOW.getEpochSecond() - 5, NOW.getEpochSecond() + 55, nonce);
    }

    private static String sign(Command command, KeyPair key) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(
                ("{\"alg\":\"EdDSA\",\"typ\":\"" + Protocol.COMMAND_TYPE + "\"}").getBytes(StandardCharsets.UTF_8));
        String input = header + "." + b64.encodeToString(KontorClient.JSON.writeValueAsBytes(command));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key.getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(signature.sign());
    }

    @Test
    void aCommandSignedByKontorForThisNodeInTimeIsAccepted() throws Exception {
        Command accepted = verifier.verify(sign(valid("0123456789abcdef0001"), kontor));
        assertThat(accepted.target()).isEqualTo("123");
        assertThat(accepted.arguments()).containsEntry("signal", "TERM");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        String forged = sign(valid("0123456789abcdef0002"), pair());
        assertThatThrownBy(() -> verifier.verify(forged)).hasMessageContaining("signature does not match");
    }

    @Test
    void aChangedPayloadIsRefused() throws Exception {
        String[] parts = sign(valid("0123456789abcdef0003"), kontor).split("\\.");
        String other = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(KontorClient.JSON.writeValueAsBytes(new Command(
                        1,
                        NODE,
                        "processes",
                        "signal",
                        "1",
                        Map.of("signal", "KILL"),
                        NOW.getEpochSecond(),
                        NOW.getEpochSecond() + 60,
                        "0123456789abcdef0003")));
        assertThatThrownBy(() -> verifier.verify(parts[0] + "." + other + "." + parts[2]))
                .hasMessageContaining("signature does not match");
    }

    @Test
    void anotherNodesCommandIsRefused() throws Exception {
        String elsewhere = sign(
                command(NODE + 1, NOW.getEpochSecond(), NOW.getEpochSecond() + 60, "0123456789abcdef0004"), kontor);
        assertThatThrownBy(() -> verifier.verify(elsewhere)).hasMessageContaining("for node 8, not 7");
    }

    @Test
    void anExpiredCommandIsRefused() throws Exception {
        String expired = sign(
                command(NODE, NOW.getEpochSecond() - 120, NOW.getEpochSecond() - 60, "0123456789abcdef0005"), kontor);
        assertThatThrownBy(() -> verifier.verify(expired)).hasMessageContaining("expired");
    }

    @Test
    void aCommandValidForTooLongIsRefused() throws Exception {
        String tooLong =
                sign(command(NODE, NOW.getEpochSecond(), NOW.getEpochSecond() + 3600, "0123456789abcdef0006"), kontor);
        assertThatThrownBy(() -> verifier.verify(tooLong)).hasMessageContaining("implausible");
    }

    @Test
    void aReplayIsRefused() throws Exception {
        String once = sign(valid("0123456789abcdef0007"), kontor);
        verifier.verify(once);
        assertThatThrownBy(() -> verifier.verify(once)).hasMessageContaining("replay");
    }

    @Test
    void aReplayAfterTheAgentRestartedIsRefused(@TempDir Path state) throws Exception {
        String once = sign(valid("0123456789abcdef0009"), kontor);
        new CommandVerifier(kontor.getPublic(), NODE, Clock.fixed(NOW, ZoneOffset.UTC), state).verify(once);

        CommandVerifier restarted =
                new CommandVerifier(kontor.getPublic(), NODE, Clock.fixed(NOW.plusSeconds(10), ZoneOffset.UTC), state);

        assertThatThrownBy(() -> restarted.verify(once)).hasMessageContaining("replay");
        assertThat(restarted.verify(sign(valid("0123456789abcdef0010"), kontor)).nonce())
                .isEqualTo("0123456789abcdef0010");
    }

    @Test
    void expiredNoncesAreDroppedFromTheStateFile(@TempDir Path state) throws Exception {
        new CommandVerifier(kontor.getPublic(), NODE, Clock.fixed(NOW, ZoneOffset.UTC), state)
                .verify(sign(valid("0123456789abcdef0011"), kontor));
        Instant later = NOW.plusSeconds(300);
        new CommandVerifier(kontor.getPublic(), NODE, Clock.fixed(later, ZoneOffset.UTC), state)
                .verify(sign(
                        command(NODE, later.getEpochSecond(), later.getEpochSecond() + 60, "0123456789abcdef0012"),
                        kontor));

        String kept = Files.readString(state.resolve(SeenNonces.FILE));
        assertThat(kept).contains("0123456789abcdef0012").doesNotContain("0123456789abcdef0011");
    }

    @Test
    void anUnwritableStateDirectoryDoesNotStopCommands(@TempDir Path state) throws Exception {
        Path notADirectory = Files.writeString(state.resolve("file"), "x");
        CommandVerifier v =
                new CommandVerifier(kontor.getPublic(), NODE, Clock.fixed(NOW, ZoneOffset.UTC), notADirectory);
        String once = sign(valid("0123456789abcdef0013"), kontor);

        assertThat(v.verify(once).target()).isEqualTo("123");
        assertThatThrownBy(() -> v.verify(once)).hasMessageContaining("replay");
    }

    @Test
    void refusalsCarryTheClaimedIdSoTheUserSeesThemAndGarbageCarriesNone() throws Exception {
        String forged = sign(valid("0123456789abcdef0008"), pair());
        assertThatThrownBy(() -> verifier.verify(forged))
                .isInstanceOfSatisfying(
                        CommandVerifier.Refused.class, e -> assertThat(e.id).isEqualTo(1L));
        assertThatThrownBy(() -> verifier.verify("not.a.command"))
                .isInstanceOfSatisfying(
                        CommandVerifier.Refused.class, e -> assertThat(e.id).isNull());
    }
}
