package de.kontor.security.ui;

import de.kontor.security.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The user form on its own: what a new user needs, the password choice, the draft it hands over. */
class UserFormTest {

    @Test
    void aNewUserWithAGeneratedPasswordIsHandedOverWithoutOne() {
        UserForm form = new UserForm(null);
        List<UserForm.Saved> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        assertThat(form.save.isEnabled()).isFalse();

        form.username.setValue("anna.berg");
        form.displayName.setValue("Anna Berg");
        assertThat(form.save.isEnabled()).isTrue();
        form.save.click();

        assertThat(saved).singleElement().satisfies(s -> {
            assertThat(s.existing()).isNull();
            assertThat(s.draft().getUsername()).isEqualTo("anna.berg");
            assertThat(s.draft().getRoles()).containsExactly(Role.MEMBER);
            assertThat(s.draft().getPassword()).isEmpty();
        });
    }

    @Test
    void aChosenPasswordThatIsTooShortKeepsSaveOff() {
        UserForm form = new UserForm(null);
        form.username.setValue("bernd.kurz");
        form.displayName.setValue("Bernd Kurz");

        form.generate.setValue(false);
        form.password.setValue("short");

        assertThat(form.password.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();
    }

    @Test
    void aUserNeedsARoleAndAValidUsername() {
        UserForm form = new UserForm(null);
        form.displayName.setValue("Carla Ohne");
        form.username.setValue("carla ohne");
        assertThat(form.username.isInvalid()).isTrue();

        form.username.setValue("carla.ohne");
        form.roles.clear();
        assertThat(form.roles.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();
    }
}
