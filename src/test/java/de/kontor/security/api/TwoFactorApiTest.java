package de.kontor.security.api;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.TestTotp;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two-factor sign-in over real HTTP: enrolment under /api/me/totp and the token endpoint's second factor. */
class TwoFactorApiTest extends IntegrationTest {

    private static final String PASSWORD = "Api-TwoFactor-Pw-7";

    @Autowired
    UserService users;

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
    }

    @AfterEach
    void forget() {
        forgetLoginFailures();
    }

    @Test
    void enrolmentStartsWithAKeyAndIsConfirmedWithACode() {
        String user = createMember();
        String token = http.token(user, PASSWORD);

        var started = http.postJson("/api/me/totp", Map.of(), token);
        assertThat(started.status()).isEqualTo(200);
        String secret = started.json().get("secret").asString();
        assertThat(started.json().get("otpauthUri").asString()).contains("secret=" + secret);

        var wrong =
                http.postJson("/api/me/totp/confirm", Map.of("code", TestTotp.wrong(secret, clock.instant())), token);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().get("code").asString()).isEqualTo("TOTP_INVALID");

        var confirmed = http.postJson("/api/me/totp/confirm", Map.of("code", TestTotp.next(secret, clock)), token);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("recoveryCodes")).hasSize(10);

        var again = http.postJson("/api/me/totp", Map.of(), token);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("TOTP_ALREADY_ENABLED");
    }

    @Test
    void theTokenEndpointAsksForTheCodeRefusesAWrongOneAndAnyCodeTwice() {
        String user = createMember();
        String secret = enrol(user);

        var without = http.postJson("/api/auth/token", Map.of("username", user, "password", PASSWORD), null);
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.contentType()).startsWith("application/problem+json");
        assertThat(without.json().get("code").asString()).isEqualTo("TOTP_REQUIRED");

        var wrong = http.postJson(
                "/api/auth/token",
                Map.of("username", user, "password", PASSWORD, "totp", TestTotp.wrong(secret, clock.instant())),
                null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asString()).isEqualTo("TOTP_INVALID");

        var wrongPassword = http.postJson(
                "/api/auth/token",
                Map.of("username", user, "password", "not-it", "totp", TestTotp.code(secret, clock.instant())),
                null);
        assertThat(wrongPassword.json().get("code").asString()).isEqualTo("INVALID_CREDENTIALS");

        String code = TestTotp.next(secret, clock);
        var ok = http.postJson("/api/auth/token", Map.of("username", user, "password", PASSWORD, "totp", code), null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(http.get("/api/auth/me", ok.json().get("token").asString()).status())
                .isEqualTo(200);

        var replay =
                http.postJson("/api/auth/token", Map.of("username", user, "password", PASSWORD, "totp", code), null);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("code").asString()).isEqualTo("TOTP_INVALID");
    }

    @Test
    void wrongCodesLockTheTokenEndpointLikeWrongPasswords() {
        String user = createMember();
        String secret = enrol(user);
        for (int i = 0; i < 4; i++) {
            var wrong = http.postJson(
                    "/api/auth/token",
                    Map.of("username", user, "password", PASSWORD, "totp", TestTotp.wrong(secret, clock.instant())),
                    null);
            assertThat(wrong.json().get("code").asString()).isEqualTo("TOTP_INVALID");
        }
        var fifth = http.postJson(
                "/api/auth/token",
                Map.of("username", user, "password", PASSWORD, "totp", TestTotp.wrong(secret, clock.instant())),
                null);
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.json().get("code").asString()).isEqualTo("LOGIN_LOCKED");

        var right = http.postJson(
                "/api/auth/token",
                Map.of("username", user, "password", PASSWORD, "totp", TestTotp.next(secret, clock)),
                null);
        assertThat(right.status()).isEqualTo(429);
    }

    @Test
    void switchingOffNeedsPasswordAndCode() {
        String user = createMember();
        String secret = enrol(user);
        String token = tokenWithCode(user, secret);

        var wrongPassword = http.deleteJson(
                "/api/me/totp", Map.of("password", "nope", "code", TestTotp.next(secret, clock)), token);
        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.json().get("code").asString()).isEqualTo("WRONG_PASSWORD");
        var missing = http.deleteJson("/api/me/totp", Map.of("password", PASSWORD), token);
        assertThat(missing.status()).isEqualTo(400);

        var off = http.deleteJson(
                "/api/me/totp", Map.of("password", PASSWORD, "code", TestTotp.next(secret, clock)), token);

        assertThat(off.status()).isEqualTo(204);
        assertThat(http.postJson("/api/auth/token", Map.of("username", user, "password", PASSWORD), null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theOwnTwoFactorEndpointsNeedASignedInCaller() {
        assertThat(http.postJson("/api/me/totp", Map.of(), null).status()).isEqualTo(401);
        assertThat(http.postJson("/api/me/totp/confirm", Map.of("code", "123456"), null)
                        .status())
                .isEqualTo(401);
    }

    private String tokenWithCode(String user, String secret) {
        var response = http.postJson(
                "/api/auth/token",
                Map.of("username", user, "password", PASSWORD, "totp", TestTotp.next(secret, clock)),
                null);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("token").asString();
    }

    private String enrol(String user) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority(Role.MEMBER.authority()))));
        try {
            return TestTotp.enrolCurrentUser(users, clock);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String createMember() {
        String name = unique("api-tf");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        users.createUser(new NewUser(name, name, null, EnumSet.of(Role.MEMBER), PASSWORD));
        SecurityContextHolder.clearContext();
        return name;
    }
}
