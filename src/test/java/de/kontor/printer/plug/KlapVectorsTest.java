package de.kontor.printer.plug;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.BadPaddingException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The KLAP v2 cryptography byte for byte against the published test vectors (src/test/resources/tapo). */
class KlapVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static JsonNode vectors() throws Exception {
        try (InputStream in = KlapVectorsTest.class.getResourceAsStream("/tapo/klap_vectors.json")) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static byte[] hex(JsonNode node, String field) {
        return HEX.parseHex(node.get(field).asString());
    }

    @Test
    void everyVectorMatchesByteForByte() throws Exception {
        int exchanges = 0;
        for (JsonNode v : vectors().get("klap")) {
            String name = v.get("name").asString();
            byte[] auth = Klap.authHash(
                    v.get("username").asString(), v.get("password").asString());
            assertThat(HEX.formatHex(auth))
                    .as(name)
                    .isEqualTo(v.get("auth_hash_hex").asString());
            byte[] local = hex(v, "local_seed_hex");
            byte[] remote = hex(v, "remote_seed_hex");
            assertThat(Klap.serverHash(local, remote, auth)).as(name).isEqualTo(hex(v, "handshake1_server_hash_hex"));
            assertThat(Klap.clientHash(local, remote, auth)).as(name).isEqualTo(hex(v, "handshake2_request_body_hex"));

            Klap.Session session = Klap.Session.derive(local, remote, auth);
            assertThat(session.key()).as(name).isEqualTo(hex(v, "key_hex"));
            assertThat(session.ivPrefix()).as(name).isEqualTo(hex(v, "iv_prefix12_hex"));
            assertThat(session.initialSeq())
                    .as(name)
                    .isEqualTo(v.get("initial_seq").asInt());
            assertThat(session.sig()).as(name).isEqualTo(hex(v, "sig_hex"));

            int seq = session.initialSeq();
            for (JsonNode x : v.get("exchanges")) {
                seq++;
                assertThat(seq).as(name).isEqualTo(x.get("seq").asInt());
                assertThat(session.iv(seq)).isEqualTo(hex(x, "iv_hex"));
                byte[] request =
                        session.seal(seq, x.get("request_plaintext").asString().getBytes(StandardCharsets.UTF_8));
                assertThat(HEX.formatHex(request))
                        .as(name + " request " + seq)
                        .isEqualTo(x.get("request_body_hex").asString());
                byte[] response = hex(x, "response_body_hex");
                assertThat(new String(session.open(seq, response, true), StandardCharsets.UTF_8))
                        .isEqualTo(x.get("response_plaintext").asString());
                assertThat(session.seal(
                                seq, x.get("response_plaintext").asString().getBytes(StandardCharsets.UTF_8)))
                        .isEqualTo(response);
                exchanges++;
            }
        }
        assertThat(exchanges).isEqualTo(5);
    }

    @Test
    void theFallbackHashesAreTheKnownSetupAccounts() throws Exception {
        JsonNode fallbacks = vectors().get("klap_fallback_auth_hashes");
        assertThat(HEX.formatHex(Klap.fallbackAuthHashes().get(0)))
                .isEqualTo(fallbacks
                        .get("tapo_default_test_account")
                        .get("klap_v2_auth_hash_hex")
                        .asString());
        assertThat(HEX.formatHex(Klap.fallbackAuthHashes().get(1)))
                .isEqualTo(fallbacks
                        .get("blank_credentials")
                        .get("klap_v2_auth_hash_hex")
                        .asString());
        assertThat(HEX.formatHex(Klap.fallbackAuthHashes().get(2)))
                .isEqualTo(fallbacks
                        .get("kasa_default_setup_account")
                        .get("klap_v2_auth_hash_hex")
                        .asString());
    }

    @Test
    void aTamperedBodyIsRefused() {
        Klap.Session session = Klap.Session.derive(new byte[16], new byte[16], Klap.authHash("a", "b"));
        byte[] sealed = session.seal(5, "{\"method\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        sealed[40] ^= 1;
        Assertions.assertThatThrownBy(() -> session.open(5, sealed, true)).isInstanceOf(BadPaddingException.class);
        Assertions.assertThatThrownBy(() ->
                        session.open(6, session.seal(5, "{}".getBytes(StandardCharsets.UTF_8)), true))
                .isInstanceOf(BadPaddingException.class);
    }
}
