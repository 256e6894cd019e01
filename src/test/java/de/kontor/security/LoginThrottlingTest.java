package de.kontor.security;

import de.kontor.IntegrationTest;
import de.kontor.base.audit.AuditQuery;
import de.kontor.base.audit.AuditService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Throttling through the real authentication manager, with client addresses of our choosing. */
class LoginThrottlingTest extends IntegrationTest {

    private static final String PASSWORD = "Throttle-Passw0rd";

    @Autowired
    AuthenticationManager manager;

    @Autowired
    UserService users;

    @Autowired
    AuditService audit;

    @AfterEach
    void forget() {
        forgetLoginFailures();
    }

    @Test
    void fiveFailuresForOneAccountLockItFromEveryAddressForFifteenMinutes() {
        String user = createUser();
        for (int i = 0; i < 5; i++) {
            int attempt = i;
            assertThatThrownBy(() -> login(user, "wrong", "10.0.0." + attempt))
                    .isInstanceOf(attempt < 4 ? BadCredentialsException.class : LoginLockedException.class);
        }

        assertThatThrownBy(() -> login(user, PASSWORD, "10.0.1.1"))
                .isInstanceOfSatisfying(
                        LoginLockedException.class,
                        e -> assertThat(e.minutesLeft()).isEqualTo(15));

        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> login(user, PASSWORD, "10.0.1.1")).isInstanceOf(LoginLockedException.class);
        clock.advance(Duration.ofMinutes(2));
        assertThat(login(user, PASSWORD, "10.0.1.1").getName()).isEqualTo(user);
    }

    @Test
    void userNameAndEmailAddressOfOneAccountShareOneCounter() {
        asAdmin();
        String user = unique("both");
        String email = user + "@example.org";
        users.createUser(new NewUser(user, "Both Ways", email, EnumSet.of(Role.MEMBER), PASSWORD));
        SecurityContextHolder.clearContext();
        for (int i = 0; i < 4; i++) {
            String address = "10.6.0." + i;
            assertThatThrownBy(() -> login(user, "wrong", address)).isInstanceOf(BadCredentialsException.class);
        }

        // The fifth failure, typed with the e-mail address (in other letter case), locks the account.
        assertThatThrownBy(() -> login(email.toUpperCase(Locale.ROOT), "wrong", "10.6.1.1"))
                .isInstanceOf(LoginLockedException.class);
        assertThatThrownBy(() -> login(user, PASSWORD, "10.6.1.2")).isInstanceOf(LoginLockedException.class);
        assertThatThrownBy(() -> login(email, PASSWORD, "10.6.1.3")).isInstanceOf(LoginLockedException.class);
    }

    @Test
    void fiveFailuresFromOneAddressLockThatAddressForEveryAccount() {
        String victim = createUser();
        for (int i = 0; i < 5; i++) {
            String guessed = unique("guess");
            assertThatThrownBy(() -> login(guessed, "wrong", "10.1.0.9"))
                    .isInstanceOfAny(BadCredentialsException.class, LoginLockedException.class);
        }

        assertThatThrownBy(() -> login(victim, PASSWORD, "10.1.0.9")).isInstanceOf(LoginLockedException.class);
        assertThat(login(victim, PASSWORD, "10.1.0.10").getName()).isEqualTo(victim);
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        String user = createUser();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login(user, "wrong", "10.2.0.1")).isInstanceOf(BadCredentialsException.class);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login(user, "wrong", "10.2.0.2")).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(login(user, PASSWORD, "10.2.0.3").getName()).isEqualTo(user);
    }

    @Test
    void successfulLoginClearsTheAccountsFailures() {
        String user = createUser();
        for (int i = 0; i < 4; i++) {
            String address = "10.3.0." + i;
            assertThatThrownBy(() -> login(user, "wrong", address)).isInstanceOf(BadCredentialsException.class);
        }
        login(user, PASSWORD, "10.3.1.1");
        for (int i = 0; i < 4; i++) {
            String address = "10.3.2." + i;
            assertThatThrownBy(() -> login(user, "wrong", address)).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(login(user, PASSWORD, "10.3.3.1").getName()).isEqualTo(user);
    }

    @Test
    void failuresAndLocksAreAudited() {
        String user = createUser();
        for (int i = 0; i < 5; i++) {
            try {
                login(user, "wrong", "10.4.0.1");
            } catch (RuntimeException expected) {
                // counted
            }
        }

        var entries = audit.find(new AuditQuery(user, "security", null, null, null), PageRequest.of(0, 10))
                .getContent();
        assertThat(entries)
                .extracting(e -> e.getAction())
                .containsExactly("LOGIN_LOCKED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED");
        assertThat(entries.getFirst().getSummary()).contains(user).contains("10.4.0.1");
    }

    @Test
    void disabledAccountsCannotSignIn() {
        String user = createUser();
        asAdmin();
        users.setEnabled(users.findByUsername(user).orElseThrow().getId(), false);
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> login(user, PASSWORD, "10.5.0.1")).isInstanceOf(BadCredentialsException.class);
    }

    private Authentication login(String username, String password, String address) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return manager.authenticate(attempt);
    }

    private String createUser() {
        asAdmin();
        String username = unique("throttle");
        users.createUser(new NewUser(username, "Throttled", null, EnumSet.of(Role.MEMBER), PASSWORD));
        SecurityContextHolder.clearContext();
        return username;
    }

    private static void asAdmin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
    }
}
