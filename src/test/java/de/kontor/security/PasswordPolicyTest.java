package de.kontor.security;

import de.kontor.IntegrationTest;
import de.kontor.base.KontorProperties;
import de.kontor.base.db.DatabaseLocks;
import de.kontor.base.error.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a password is set refuses common passwords and repeated characters, not only short ones. */
class PasswordPolicyTest extends IntegrationTest {

    private static final String GOOD = "Werkbank-Kaffee-42";

    @Autowired
    UserService users;

    @Autowired
    MessageSource messages;

    @Autowired
    DatabaseLocks locks;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        for (String common : List.of("1234567890", "qwertzuiop", "Passwort2024", "ICHLIEBEDICH", "password123!")) {
            assertRefused(() -> users.checkPasswordPolicy("someone", common, "password"), "PASSWORD_TOO_COMMON");
        }
        users.checkPasswordPolicy("someone", GOOD, "password");
    }

    @Test
    void oneCharacterRepeatedIsRefused() {
        assertRefused(
                () -> users.checkPasswordPolicy("someone", "zzzzzzzzzzzz", "password"), "PASSWORD_REPEATED_CHARACTER");
        assertRefused(
                () -> users.checkPasswordPolicy("someone", "Kaffee!!!!!Werk", "password"),
                "PASSWORD_REPEATED_CHARACTER");
    }

    @Test
    void creatingAUserWithACommonPasswordIsRefusedOnTheField() {
        asAdmin();
        String name = unique("common");

        assertThatThrownBy(() ->
                        users.createUser(new NewUser(name, "Common", null, EnumSet.of(Role.MEMBER), "iloveyou123")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("PASSWORD_TOO_COMMON");
                    assertThat(e.field()).isEqualTo("password");
                });
        assertThat(users.findByUsername(name)).isEmpty();
    }

    @Test
    void changingOrResettingToACommonPasswordIsRefused() {
        asAdmin();
        String name = unique("changer");
        var account = users.createUser(new NewUser(name, "Changer", null, EnumSet.of(Role.MEMBER), GOOD))
                .account();

        assertRefused(() -> users.setChosenPassword(account.getId(), "letmein123", "password"), "PASSWORD_TOO_COMMON");

        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        name, null, List.of(new SimpleGrantedAuthority(Role.MEMBER.authority()))));
        assertRefused(() -> users.changeOwnPassword(GOOD, "0987654321"), "PASSWORD_TOO_COMMON");
    }

    @Test
    void aCommonFirstAdminPasswordFromTheConfigurationStopsTheStart() {
        var properties = new KontorProperties(
                Path.of("unused"),
                ZoneId.of("Europe/Berlin"),
                null,
                null,
                new KontorProperties.Admin("qwertzuiop1"),
                new KontorProperties.Demo(false, null),
                new KontorProperties.Web(DataSize.ofMegabytes(1), DataSize.ofMegabytes(20), 500));

        assertThatThrownBy(() -> new AdminBootstrap(users, messages, locks, properties).run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KONTOR_ADMIN_PASSWORD")
                .hasMessageContaining("most common");
    }

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static void asAdmin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
    }
}
