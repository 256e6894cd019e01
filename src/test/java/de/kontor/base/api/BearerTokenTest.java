package de.kontor.base.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The token of a bearer header, whatever the case of its scheme; nothing for other headers. */
class BearerTokenTest {

    private static MockHttpServletRequest with(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
        return request;
    }

    @Test
    void theTokenIsReadStrippedWhateverTheCaseOfTheScheme() {
        assertThat(BearerToken.of(with("Bearer abc.def "))).contains("abc.def");
        assertThat(BearerToken.of(with("bearer  abc"))).contains("abc");
        assertThat(BearerToken.of(with("Bearer "))).contains("");
    }

    @Test
    void otherSchemesAndNoHeaderGiveNoToken() {
        assertThat(BearerToken.of(new MockHttpServletRequest())).isEmpty();
        assertThat(BearerToken.of(with("Basic YWRtaW46eA=="))).isEmpty();
        assertThat(BearerToken.of(with("Bearer"))).isEmpty();
    }
}
