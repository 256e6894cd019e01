package de.kontor.security;

import de.kontor.IntegrationTest;
import de.kontor.TestTotp;
import de.kontor.base.audit.AuditQuery;
import de.kontor.base.audit.AuditService;
import de.kontor.base.crypto.Hashes;
import de.kontor.base.error.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
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

/**
 * Two-factor sign-in through the real authentication manager and service, with codes computed for the
 * application's (movable) clock by an independent TOTP implementation.
 */
class TwoFactorSignInTest extends IntegrationTest {

    private static final String PASSWORD = "TwoFactor-Passw0rd";

    @Autowired
    AuthenticationManager manager;

    @Autowired
    UserService users;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        forgetLoginFailures();
    }

    @Test
    void enrolmentNeedsACodeOfTheNewKeyAndGivesTenRecoveryCodesStoredHashed() {
        String user = createUser(Role.MEMBER);
        actAs(user, Role.MEMBER);
        TotpEnrolment enrolment = users.startTotpEnrolment();
        assertThat(enrolment.otpauthUri())
                .startsWith("otpauth://totp/Kontor%3A" + user)
                .contains("secret=" + enrolment.secret())
                .contains("issuer=Kontor");

        assertThatThrownBy(() -> users.confirmTotpEnrolment(wrong(enrolment.secret())))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("TOTP_INVALID"));
        assertThat(users.findByUsername(user).orElseThrow().hasTwoFactor()).isFalse();

        List<String> codes = users.confirmTotpEnrolment(TestTotp.code(enrolment.secret(), clock.instant()));

        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        long id = users.findByUsername(user).orElseThrow().getId();
        List<String> stored = jdbc.sql("SELECT code_hash FROM totp_recovery_code WHERE user_id = :id")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(stored).hasSize(10).doesNotContainAnyElementsOf(codes);
        assertThat(stored).contains(Hashes.sha256Hex(codes.getFirst().replace("-", "")));
        assertThat(users.findByUsername(user).orElseThrow().hasTwoFactor()).isTrue();
    }

    @Test
    void thePasswordAloneLeavesTheSignInPendingAndACodeFinishesItOnlyOnce() {
        String user = createUser(Role.MEMBER);
        String secret = enrol(user, Role.MEMBER).secret();

        Authentication first = formLogin(user, PASSWORD, "10.20.0.1");

        assertThat(first).isInstanceOf(PendingSignIn.class);
        assertThat(first.isAuthenticated()).isFalse();
        assertThat(first.getAuthorities()).isEmpty();
        String code = nextCode(secret);
        Authentication done = users.completeSignIn((PendingSignIn) first, code);
        assertThat(done.isAuthenticated()).isTrue();
        assertThat(done.getName()).isEqualTo(user);
        assertThat(done.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_MEMBER");

        PendingSignIn again = (PendingSignIn) formLogin(user, PASSWORD, "10.20.0.1");
        assertThatThrownBy(() -> users.completeSignIn(again, code))
                .isInstanceOfSatisfying(
                        SecondFactorException.class,
                        e -> assertThat(e.reason()).isEqualTo(SecondFactorException.Reason.INVALID));
    }

    @Test
    void wrongCodesCountTowardTheLoginLockLikeWrongPasswords() {
        String user = createUser(Role.MEMBER);
        String secret = enrol(user, Role.MEMBER).secret();
        PendingSignIn pending = (PendingSignIn) formLogin(user, PASSWORD, "10.21.0.1");

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> users.completeSignIn(pending, wrong(secret)))
                    .isInstanceOf(SecondFactorException.class);
        }
        assertThatThrownBy(() -> users.completeSignIn(pending, wrong(secret))).isInstanceOf(LoginLockedException.class);

        assertThatThrownBy(() -> formLogin(user, PASSWORD, "10.21.0.2")).isInstanceOf(LoginLockedException.class);
        assertThatThrownBy(() -> users.completeSignIn(pending, nextCode(secret)))
                .isInstanceOf(LoginLockedException.class);
        assertThat(audit.find(new AuditQuery(user, "security", null, null, null), PageRequest.of(0, 20))
                        .getContent())
                .extracting(e -> e.getAction())
                .contains("LOGIN_FAILED", "LOGIN_LOCKED");
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        String user = createUser(Role.MEMBER);
        List<String> recovery = enrol(user, Role.MEMBER).recoveryCodes();

        PendingSignIn pending = (PendingSignIn) formLogin(user, PASSWORD, "10.22.0.1");
        assertThat(users.completeSignIn(pending, recovery.get(3).toUpperCase(Locale.ROOT))
                        .getName())
                .isEqualTo(user);

        PendingSignIn again = (PendingSignIn) formLogin(user, PASSWORD, "10.22.0.1");
        assertThatThrownBy(() -> users.completeSignIn(again, recovery.get(3)))
                .isInstanceOf(SecondFactorException.class);
        actAs(user, Role.MEMBER);
        assertThat(users.unusedRecoveryCodes()).isEqualTo(9);
    }

    @Test
    void theApiSignInNeedsTheCodeAlongWithThePassword() {
        String user = createUser(Role.MEMBER);
        String secret = enrol(user, Role.MEMBER).secret();

        assertThatThrownBy(() -> apiLogin(user, PASSWORD, null))
                .isInstanceOfSatisfying(
                        SecondFactorException.class,
                        e -> assertThat(e.reason()).isEqualTo(SecondFactorException.Reason.REQUIRED));
        assertThatThrownBy(() -> apiLogin(user, PASSWORD, wrong(secret)))
                .isInstanceOfSatisfying(
                        SecondFactorException.class,
                        e -> assertThat(e.reason()).isEqualTo(SecondFactorException.Reason.INVALID));
        Authentication ok = apiLogin(user, PASSWORD, nextCode(secret));

        assertThat(ok.isAuthenticated()).isTrue();
        assertThat(ok.getName()).isEqualTo(user);
    }

    @Test
    void switchingItOffNeedsThePasswordAndACode() {
        String user = createUser(Role.MEMBER);
        String secret = enrol(user, Role.MEMBER).secret();
        actAs(user, Role.MEMBER);

        assertThatThrownBy(() -> users.disableOwnTotp("wrong-password", nextCode(secret)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> users.disableOwnTotp(PASSWORD, wrong(secret)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThat(users.findByUsername(user).orElseThrow().hasTwoFactor()).isTrue();

        users.disableOwnTotp(PASSWORD, nextCode(secret));

        assertThat(users.findByUsername(user).orElseThrow().hasTwoFactor()).isFalse();
        assertThat(formLogin(user, PASSWORD, "10.23.0.1").isAuthenticated()).isTrue();
    }

    @Test
    void dangerousActionsNeedASecondFactorConfirmationWithinTenMinutes() {
        String user = createUser(Role.MEMBER);
        String secret = enrol(user, Role.MEMBER).secret();
        actAs(user, Role.MEMBER);

        assertThatThrownBy(() -> users.createPersonalToken(unique("script"), null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("STEP_UP_REQUIRED");
                    assertThat(e.status()).isEqualTo(403);
                });
        assertThatThrownBy(() -> users.confirmStepUp(wrong(secret))).isInstanceOf(DomainException.class);

        users.confirmStepUp(nextCode(secret));
        assertThat(users.createPersonalToken(unique("script"), null).value()).startsWith("kt_");
        clock.advance(Duration.ofMinutes(9));
        users.requireStepUp();

        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(users::requireStepUp).isInstanceOf(DomainException.class);
    }

    @Test
    void signingInWithTheCodeCountsAsAConfirmation() {
        String user = createUser(Role.MEMBER);
        String secret = enrol(user, Role.MEMBER).secret();
        PendingSignIn pending = (PendingSignIn) formLogin(user, PASSWORD, "10.24.0.1");
        SecurityContextHolder.getContext().setAuthentication(users.completeSignIn(pending, nextCode(secret)));

        users.requireStepUp();

        SecurityContextHolder.getContext().setAuthentication(apiLogin(user, PASSWORD, nextCode(secret)));
        users.requireStepUp();
    }

    @Test
    void anAdminResetsAnotherUsersSecondFactorAfterConfirmingTheirOwn() {
        String member = createUser(Role.MEMBER);
        enrol(member, Role.MEMBER);
        String admin = createUser(Role.ADMIN);
        String adminSecret = enrol(admin, Role.ADMIN).secret();
        actAs(admin, Role.ADMIN);
        long memberId = users.findByUsername(member).orElseThrow().getId();

        assertThatThrownBy(() -> users.resetTotp(memberId))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("STEP_UP_REQUIRED"));
        assertThat(users.get(memberId).hasTwoFactor()).isTrue();
        users.confirmStepUp(nextCode(adminSecret));
        users.resetTotp(memberId);

        assertThat(users.get(memberId).hasTwoFactor()).isFalse();
        assertThat(formLogin(member, PASSWORD, "10.25.0.1").isAuthenticated()).isTrue();
        assertThat(audit.find(new AuditQuery(admin, "security", null, null, null), PageRequest.of(0, 20))
                        .getContent())
                .anySatisfy(e -> {
                    assertThat(e.getAction()).isEqualTo("RESET_2FA");
                    assertThat(e.getSummary()).contains(member);
                });
    }

    @Test
    void whenAdminsMustHaveASecondFactorThoseWithoutEnrolFirst() {
        String admin = createUser(Role.ADMIN);
        String enrolled = createUser(Role.ADMIN);
        String secret = enrol(enrolled, Role.ADMIN).secret();
        String member = createUser(Role.MEMBER);
        actAs(ADMIN, Role.ADMIN);
        users.requireTwoFactorForAdmins(true);
        try {
            assertThat(users.mustEnrolTwoFactor(users.findByUsername(admin).orElseThrow()))
                    .isTrue();
            assertThat(users.mustEnrolTwoFactor(users.findByUsername(enrolled).orElseThrow()))
                    .isFalse();
            assertThat(users.mustEnrolTwoFactor(users.findByUsername(member).orElseThrow()))
                    .isFalse();
            assertThatThrownBy(() -> apiLogin(admin, PASSWORD, null))
                    .isInstanceOfSatisfying(
                            SecondFactorException.class,
                            e -> assertThat(e.reason()).isEqualTo(SecondFactorException.Reason.ENROLMENT_REQUIRED));
            actAs(enrolled, Role.ADMIN);
            assertThatThrownBy(() -> users.disableOwnTotp(PASSWORD, nextCode(secret)))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo("TOTP_REQUIRED_FOR_ADMINS"));
        } finally {
            actAs(ADMIN, Role.ADMIN);
            users.requireTwoFactorForAdmins(false);
        }
        assertThat(users.twoFactorRequiredForAdmins()).isFalse();
        assertThat(users.mustEnrolTwoFactor(users.findByUsername(admin).orElseThrow()))
                .isFalse();
    }

    // ---- helpers --------------------------------------------------------------------------------

    record Enrolled(String secret, List<String> recoveryCodes) {}

    private Enrolled enrol(String user, Role role) {
        actAs(user, role);
        TotpEnrolment enrolment = users.startTotpEnrolment();
        List<String> codes = users.confirmTotpEnrolment(nextCode(enrolment.secret()));
        SecurityContextHolder.clearContext();
        return new Enrolled(enrolment.secret(), codes);
    }

    /** The code of the next 30-second step: a step's code works only once per account. */
    private String nextCode(String secret) {
        clock.advance(Duration.ofSeconds(30));
        return TestTotp.code(secret, clock.instant());
    }

    private String wrong(String secret) {
        return TestTotp.wrong(secret, clock.instant());
    }

    private Authentication formLogin(String user, String password, String address) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return manager.authenticate(attempt);
    }

    private Authentication apiLogin(String user, String password, String totp) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        attempt.setDetails(new ApiSignInDetails("10.26.0.1", totp));
        return manager.authenticate(attempt);
    }

    private void actAs(String user, Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    private String createUser(Role role) {
        String name = unique("tf");
        actAs(ADMIN, Role.ADMIN);
        users.createUser(new NewUser(name, name, null, EnumSet.of(role), PASSWORD));
        SecurityContextHolder.clearContext();
        return name;
    }
}
