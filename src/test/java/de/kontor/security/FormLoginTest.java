package de.kontor.security;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.TestTotp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The login form over real HTTP, as a browser posts it. */
class FormLoginTest extends IntegrationTest {

    @Autowired
    UserService users;

    @AfterEach
    void forget() {
        forgetLoginFailures();
    }

    @Test
    void correctPasswordSignsInAndOpensTheApp() {
        var http = new HttpClientSupport(baseUrl());
        assertThat(http.get("/", null).header("Location")).endsWith("/login");

        var login = http.submitLoginForm(ADMIN, ADMIN_PASSWORD);

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).doesNotContain("error").doesNotContain("login");
        var home = http.get("/", null);
        assertThat(home.status()).isEqualTo(200);
    }

    @Test
    void withTwoFactorSignInTheRightPasswordLeadsToTheCodePageAndSignsNobodyInYet() {
        String user = unique("form-2fa");
        String password = "Form-TwoFactor-Pw-3";
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        users.createUser(new NewUser(user, user, null, EnumSet.of(Role.MEMBER), password));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority(Role.MEMBER.authority()))));
        TestTotp.enrolCurrentUser(users, clock);
        SecurityContextHolder.clearContext();
        var http = new HttpClientSupport(baseUrl());

        var login = http.submitLoginForm(user, password);

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/login/code");
        assertThat(http.get("/", null).header("Location")).endsWith("/login");
        assertThat(http.get("/account", null).header("Location")).endsWith("/login");
        assertThat(http.get("/login/code", null).status()).isEqualTo(200);
    }

    @Test
    void aLoginFormWithoutItsCsrfTokenSignsNobodyIn() {
        var http = new HttpClientSupport(baseUrl());
        http.get("/login", null);

        var forged = http.postForm("/login", Map.of("username", ADMIN, "password", ADMIN_PASSWORD));
        var wrongToken =
                http.postForm("/login", Map.of("username", ADMIN, "password", ADMIN_PASSWORD, "_csrf", "forged"));

        assertThat(forged.status()).isEqualTo(302);
        assertThat(forged.header("Location")).endsWith("/login?expired");
        assertThat(wrongToken.header("Location")).endsWith("/login?expired");
        assertThat(http.get("/", null).header("Location")).endsWith("/login");
    }

    @Test
    void wrongPasswordReturnsToTheLoginPageWithAnError() {
        var http = new HttpClientSupport(baseUrl());

        var login = http.submitLoginForm(ADMIN, "not-the-password");

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/login?error");
        assertThat(http.get("/", null).header("Location")).endsWith("/login");
    }

    @Test
    void fiveFailuresLockTheLoginEvenForTheRightPassword() {
        var http = new HttpClientSupport(baseUrl());
        for (int i = 0; i < 4; i++) {
            assertThat(http.submitLoginForm(ADMIN, "guess-" + i).header("Location"))
                    .endsWith("/login?error");
        }
        assertThat(http.submitLoginForm(ADMIN, "guess-5").header("Location")).endsWith("/login?locked=15");

        var correct = http.submitLoginForm(ADMIN, ADMIN_PASSWORD);

        assertThat(correct.header("Location")).contains("/login?locked=");
        assertThat(http.get("/", null).header("Location")).endsWith("/login");
    }
}
