package de.kontor.base.crypto;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Random tokens: as many random bytes as asked for, written base64url without padding, never twice alike. */
class TokensTest {

    @Test
    void aTokenCarriesTheAskedBytesInUrlSafeCharactersWithoutPadding() {
        String token = Tokens.random(32);

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(Tokens.random(24)).hasSize(32);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(Tokens.random(16));
        }
        assertThat(seen).hasSize(1000);
    }
}
