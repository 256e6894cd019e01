package de.kontor.security;

import de.kontor.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Stay signed in": off unless configured; when the login page's box was ticked, a password sign-in leaves a
 * persistent token that signs the browser back in, a sign-in still waiting for its second factor leaves none,
 * and ending the user's sessions forgets the token.
 */
class RememberMeTest extends IntegrationTest {

    @Autowired
    SecurityProperties properties;

    @Autowired
    AbstractRememberMeServices rememberMe;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void offByDefault() {
        assertThat(properties.rememberMe()).isFalse();
    }

    private static MockHttpServletRequest loginPost(boolean ticked) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        if (ticked) {
            request.getSession(true).setAttribute(SecurityProperties.REMEMBER_ME_REQUESTED, true);
        }
        return request;
    }

    private long rows(String username) {
        return jdbc.sql("select count(*) from persistent_logins where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    @Test
    void aTickedBoxLeavesATokenThatSignsTheBrowserBackInUntilTheSessionsAreEnded() {
        String name = unique("remembered");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        long id = users.createUser(new NewUser(name, name, null, EnumSet.of(Role.MEMBER), "Remember-Me-Passw0rd"))
                .account()
                .getId();
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(name, null, List.of());

        MockHttpServletResponse unticked = new MockHttpServletResponse();
        rememberMe.loginSuccess(loginPost(false), unticked, signedIn);
        assertThat(unticked.getCookie("remember-me")).isNull();
        MockHttpServletResponse pending = new MockHttpServletResponse();
        rememberMe.loginSuccess(loginPost(true), pending, new PendingSignIn(name, null, clock.instant()));
        assertThat(pending.getCookie("remember-me")).isNull();
        assertThat(rows(name)).isZero();

        MockHttpServletResponse ticked = new MockHttpServletResponse();
        rememberMe.loginSuccess(loginPost(true), ticked, signedIn);

        Cookie cookie = ticked.getCookie("remember-me");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getMaxAge()).isEqualTo(7 * 24 * 3600);
        assertThat(rows(name)).isOne();
        MockHttpServletRequest later = new MockHttpServletRequest("GET", "/");
        later.setCookies(cookie);
        var back = rememberMe.autoLogin(later, new MockHttpServletResponse());
        assertThat(back).isNotNull();
        assertThat(back.getName()).isEqualTo(name);

        users.endSessionsOf(id);

        assertThat(rows(name)).isZero();
    }
}
