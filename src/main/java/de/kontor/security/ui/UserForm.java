package de.kontor.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.ui.EditorDialog;
import de.kontor.security.Role;
import de.kontor.security.UserAccount;
import de.kontor.security.UserService;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Create or edit a user. Fires a save event with {@link Saved}; the view does the saving. The fields are
 * package-private for the form's own test.
 */
class UserForm extends EditorDialog<UserForm.Draft, UserForm.Saved> {

    /** The form's bean: Jakarta constraints drive the field validation. */
    public static final class Draft {
        @NotBlank
        @Size(max = UserAccount.USERNAME_MAX)
        @Pattern(regexp = UserService.USERNAME_PATTERN, message = "{user.username.pattern}")
        private String username = "";

        @NotBlank
        @Size(max = UserAccount.DISPLAY_NAME_MAX)
        private String displayName = "";

        @Email
        @Size(max = UserAccount.EMAIL_MAX)
        private String email = "";

        @NotEmpty(message = "{user.error.roleRequired}")
        private Set<Role> roles = EnumSet.of(Role.MEMBER);

        private String password = "";

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username == null ? "" : username;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName == null ? "" : displayName;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email == null ? "" : email;
        }

        public Set<Role> getRoles() {
            return roles;
        }

        public void setRoles(Set<Role> roles) {
            this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password == null ? "" : password;
        }
    }

    /** What a save hands over: the entered draft and the account it edits (null for a new user). */
    record Saved(Draft draft, @Nullable UserAccount existing) {}

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final EmailField email = new EmailField();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final RadioButtonGroup<Boolean> generate = new RadioButtonGroup<>();
    final PasswordField password = new PasswordField();
    private final @Nullable UserAccount existing;
    private final Draft draft = new Draft();

    UserForm(@Nullable UserAccount existing) {
        super(Draft.class, "user");
        this.existing = existing;
        setId("user-form");
        setHeaderTitle(getTranslation(existing == null ? "users.new" : "users.edit"));
        setWidth("34rem");

        username.setLabel(getTranslation("users.username"));
        username.setId("user-username");
        username.setMaxLength(UserAccount.USERNAME_MAX);
        username.setHelperText(getTranslation("users.username.help"));
        displayName.setLabel(getTranslation("users.displayName"));
        displayName.setId("user-display-name");
        displayName.setMaxLength(UserAccount.DISPLAY_NAME_MAX);
        email.setLabel(getTranslation("users.email"));
        email.setId("user-email");
        email.setMaxLength(UserAccount.EMAIL_MAX);
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(getTranslation("validation.email")));
        roles.setLabel(getTranslation("users.roles"));
        roles.setId("user-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));

        // Bound by property name, so the Jakarta constraints on Draft validate each field.
        binder.forField(username).bind("username");
        binder.forField(displayName).bind("displayName");
        binder.forField(email).bind("email");
        binder.forField(roles).bind("roles");

        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        layout.add(username, displayName, email, roles);

        if (existing == null) {
            generate.setLabel(getTranslation("users.password"));
            generate.setId("user-password-mode");
            generate.setItems(true, false);
            generate.setItemLabelGenerator(g -> getTranslation(g ? "users.password.generate" : "users.password.set"));
            generate.setValue(true);
            password.setLabel(getTranslation("users.password.new"));
            password.setId("user-password");
            password.setHelperText(getTranslation("password.help", UserService.PASSWORD_MIN));
            password.setVisible(false);
            generate.addValueChangeListener(e -> password.setVisible(!e.getValue()));
            binder.forField(password)
                    .withValidator(
                            p -> Boolean.TRUE.equals(generate.getValue()) || p.length() >= UserService.PASSWORD_MIN,
                            getTranslation("password.error.tooShort", UserService.PASSWORD_MIN))
                    .bind("password");
            layout.add(generate, password);
        } else {
            username.setReadOnly(true);
            draft.setUsername(existing.getUsername());
            draft.setDisplayName(existing.getDisplayName());
            draft.setEmail(existing.getEmail() == null ? "" : existing.getEmail());
            draft.setRoles(existing.getRoles());
        }
        binder.readBean(draft);
        add(layout);

        addFooterButtons();
    }

    /** The form's own draft, as read into the fields: a read-only field keeps its value. */
    @Override
    protected Draft newBean() {
        return draft;
    }

    @Override
    protected Saved toData(Draft written) {
        if (Boolean.TRUE.equals(generate.getValue())) {
            written.setPassword("");
        }
        return new Saved(written, existing);
    }

    @Override
    public Map<String, HasValidation> fields() {
        return Map.of(
                "username", username, "displayName", displayName, "email", email, "roles", roles, "password", password);
    }
}
