package de.kontor.security.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
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

/** Create or edit a user. Fires {@link SaveEvent}; the view does the saving. */
class UserForm extends Dialog {

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

    static final class SaveEvent extends ComponentEvent<UserForm> {
        private final Draft draft;
        private final @Nullable UserAccount existing;

        SaveEvent(UserForm source, Draft draft, @Nullable UserAccount existing) {
            super(source, false);
            this.draft = draft;
            this.existing = existing;
        }

        Draft draft() {
            return draft;
        }

        @Nullable
        UserAccount existing() {
            return existing;
        }
    }

    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final EmailField email = new EmailField();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final RadioButtonGroup<Boolean> generate = new RadioButtonGroup<>();
    private final PasswordField password = new PasswordField();
    private final BeanValidationBinder<Draft> binder = new BeanValidationBinder<>(Draft.class);
    private final Button save = new Button();
    private final @Nullable UserAccount existing;
    private final Draft draft = new Draft();

    UserForm(@Nullable UserAccount existing) {
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

        save.setText(getTranslation("action.save"));
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setEnabled(false);
        binder.addStatusChangeListener(e -> save.setEnabled(binder.isValid() && binder.hasChanges()));
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("user-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        try {
            binder.writeBean(draft);
            if (Boolean.TRUE.equals(generate.getValue())) {
                draft.setPassword("");
            }
            fireEvent(new SaveEvent(this, draft, existing));
        } catch (ValidationException e) {
            // the binder already marks the invalid fields
        }
    }

    Map<String, HasValidation> fields() {
        return Map.of(
                "username", username, "displayName", displayName, "email", email, "roles", roles, "password", password);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
