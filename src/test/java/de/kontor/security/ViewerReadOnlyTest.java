package de.kontor.security;

import de.kontor.IntegrationTest;
import de.kontor.base.error.DomainException;
import de.kontor.base.prefs.ColorScheme;
import de.kontor.base.prefs.PreferenceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read-only role at the service layer: every change refused, the viewer's own account excepted. */
class ViewerReadOnlyTest extends IntegrationTest {

    private static final String PASSWORD = "Viewer-Passw0rd-42";

    @Autowired
    UserService users;

    @Autowired
    PreferenceService preferences;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aViewerReadsButEveryChangeIsRefused() {
        String viewer = create(EnumSet.of(Role.VIEWER));
        String member = create(EnumSet.of(Role.MEMBER));
        long memberId = users.findByUsername(member).orElseThrow().getId();
        actAs(viewer, Role.VIEWER);

        assertThat(users.find(new UserQuery(member, null, true), PageRequest.of(0, 10))
                        .getContent())
                .extracting(UserAccount::getUsername)
                .containsExactly(member);
        assertThatThrownBy(() -> users.setEnabled(memberId, false)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("VIEWER_READ_ONLY");
            assertThat(e.status()).isEqualTo(403);
        });
        assertThatThrownBy(() -> users.resetPassword(memberId)).isInstanceOf(DomainException.class);
        assertThatThrownBy(
                        () -> users.createUser(new NewUser("x" + member, "X", null, EnumSet.of(Role.ADMIN), PASSWORD)))
                .isInstanceOf(DomainException.class);

        assertThat(users.get(memberId).isEnabled()).isTrue();
        assertThat(users.findByUsername("x" + member)).isEmpty();
    }

    @Test
    void aViewerStillLooksAfterTheirOwnAccountAndPreferences() {
        String viewer = create(EnumSet.of(Role.VIEWER));
        actAs(viewer, Role.VIEWER);

        users.changeOwnPassword(PASSWORD, "Viewer-New-Passw0rd-43");
        preferences.saveColorScheme(viewer, ColorScheme.DARK);
        users.startTotpEnrolment();

        assertThat(preferences.colorScheme(viewer)).isEqualTo(ColorScheme.DARK);
    }

    @Test
    void aViewerHasNoOtherRole() {
        actAs(ADMIN, Role.ADMIN);

        assertThatThrownBy(() -> users.createUser(
                        new NewUser(unique("mixed"), "Mixed", null, EnumSet.of(Role.VIEWER, Role.MEMBER), PASSWORD)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("VIEWER_ALONE");
                    assertThat(e.field()).isEqualTo("roles");
                });
        String viewer = create(EnumSet.of(Role.VIEWER));
        actAs(ADMIN, Role.ADMIN);
        UserAccount account = users.findByUsername(viewer).orElseThrow();
        assertThat(users.setAdmin(account.getId(), true).getRoles()).containsExactly(Role.ADMIN);
    }

    private String create(EnumSet<Role> roles) {
        String name = unique("viewer");
        actAs(ADMIN, Role.ADMIN);
        users.createUser(new NewUser(name, name, null, roles, PASSWORD));
        SecurityContextHolder.clearContext();
        return name;
    }

    private static void actAs(String user, Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }
}
