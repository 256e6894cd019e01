package de.kontor.agent;

import de.kontor.agent.Protocol.Command;
import de.kontor.agent.Protocol.CommandKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The channel as an agent restart sees it: the pinned key and the seen nonces come from the state
 * directory, so a command captured before the restart is refused after it.
 */
class CommandChannelRestartTest {

    @TempDir
    Path state;

    @Test
    void aCommandReplayedAfterARestartIsRefusedByTheNewChannel() throws Exception {
        KeyPair kontor = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String publicKey = Base64.getEncoder().encodeToString(kontor.getPublic().getEncoded());
        Files.writeString(
                state.resolve("command-key.json"),
                KontorClient.JSON.writeValueAsString(new CommandKey(11, "k1", publicKey)));
        long now = Clock.systemUTC().instant().getEpochSecond();
        String jws = sign(
                new Command(5, 11, "processes", "list", "", Map.of(), now, now + 60, "restart-nonce-0123456789"),
                kontor);

        assertThat(channel().pinKey().verify(jws).id()).isEqualTo(5);
        CommandVerifier afterRestart = channel().pinKey();

        assertThatThrownBy(() -> afterRestart.verify(jws)).hasMessageContaining("replay");
        assertThat(state.resolve(SeenNonces.FILE)).exists();
    }

    private CommandChannel channel() {
        AgentConfig config = AgentConfig.of(URI.create("http://127.0.0.1:9"), "token", Duration.ofSeconds(1))
                .withOperations("processes", null, state, Map.of());
        return new CommandChannel(
                config,
                new KontorClient(URI.create("http://127.0.0.1:9"), "token", List.of()),
                Map.of(),
                Clock.systemUTC());
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
}
