package de.kontor.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.CurrentUser;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.EditorDialog;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.SecretDialog;
import de.kontor.base.ui.ViewHeader;
import de.kontor.security.CreatedUser;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.StepUpDialog;
import de.kontor.security.UserAccount;
import de.kontor.security.UserQuery;
import de.kontor.security.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.Optional;

/** Admins manage accounts: create, edit roles, disable, reset passwords. */
@Route("users")
@Menu(title = "menu.users", order = 910, icon = "vaadin:users")
@RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
class UsersView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    /** "users?search=jana" opens the list searched for that text (as the header search does). */
    static final String SEARCH_PARAMETER = "search";

    private final UserService users;
    private final ZoneId zone;
    private final Grid<UserAccount> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<Optional<Role>> roleFilter = new Select<>();
    private final Checkbox showDisabled = new Checkbox();
    private final Checkbox requireTwoFactor = new Checkbox();

    UsersView(UserService users, ZoneId zone) {
        this.users = users;
        this.zone = zone;
        addClassName("kontor-view");

        search.setPlaceholder(getTranslation("users.search"));
        search.setWidth("18rem");
        search.setId("users-search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        roleFilter.setId("users-role");
        roleFilter.setItems(
                Optional.empty(), Optional.of(Role.ADMIN), Optional.of(Role.MEMBER), Optional.of(Role.VIEWER));
        roleFilter.setItemLabelGenerator(
                r -> r.map(role -> getTranslation("role." + role.name())).orElse(getTranslation("users.allRoles")));
        roleFilter.setValue(Optional.empty());
        roleFilter.addValueChangeListener(e -> refresh());
        showDisabled.setLabel(getTranslation("users.showDisabled"));
        showDisabled.setId("users-show-disabled");
        showDisabled.setValue(true);
        showDisabled.addValueChangeListener(e -> refresh());
        Button create = new Button(getTranslation("users.new"), VaadinIcon.PLUS.create(), e -> openForm(null));
        create.setId("users-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        requireTwoFactor.setLabel(getTranslation("users.requireTwoFactor"));
        requireTwoFactor.setId("users-require-2fa");
        requireTwoFactor.setTooltipText(getTranslation("users.requireTwoFactor.help"));
        requireTwoFactor.setValue(users.twoFactorRequiredForAdmins());
        requireTwoFactor.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                users.requireTwoFactorForAdmins(e.getValue());
                Notifications.success(getTranslation("users.requireTwoFactor.saved"));
            }
        });
        // Viewers see the accounts read-only: no creating, editing or settings.
        boolean canWrite = CurrentUser.canWrite();
        create.setVisible(canWrite);
        requireTwoFactor.setReadOnly(!canWrite);
        ViewHeader toolbar = new ViewHeader(search, roleFilter, showDisabled).actions(requireTwoFactor, create);

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        Grids.text(grid, UserAccount::getUsername, "8rem")
                .setHeader(getTranslation("users.username"))
                .setSortProperty("username")
                .setKey("username");
        Grids.name(grid.addColumn(UserAccount::getDisplayName), "10rem")
                .setHeader(getTranslation("users.displayName"))
                .setSortProperty("displayName")
                .setKey("displayName");
        Grids.text(grid, u -> u.getEmail() == null ? "" : u.getEmail(), "10rem")
                .setHeader(getTranslation("users.email"))
                .setSortProperty("email")
                .setKey("email");
        Grids.key(grid.addComponentColumn(this::rolesOf)
                .setHeader(getTranslation("users.roles"))
                .setKey("roles"));
        Grids.key(grid.addComponentColumn(u -> u.isEnabled()
                        ? Badges.of(getTranslation("users.enabled"), Badges.Tone.SUCCESS)
                        : Badges.of(getTranslation("users.disabled"), Badges.Tone.ERROR))
                .setHeader(getTranslation("users.status"))
                .setKey("status")
                .setSortProperty("enabled"));
        Grids.key(grid.addColumn(u -> Formats.dateTime(u.getLastLoginAt(), zone))
                .setHeader(getTranslation("users.lastLogin"))
                .setSortProperty("lastLoginAt")
                .setKey("lastLogin"));
        if (canWrite) {
            // a menu bar measures too narrow for auto width
            Grids.actions(grid.addComponentColumn(this::actions).setHeader("").setKey("actions"))
                    .setAutoWidth(false)
                    .setWidth("5rem");
            grid.addItemDoubleClickListener(e -> openForm(e.getItem()));
        }
        Grids.lazy(grid, pageable -> users.find(query(), pageable), () -> users.count(query()));
        Grids.counted(grid, getTranslation("users.empty"));

        add(toolbar, grid);
    }

    private UserQuery query() {
        return new UserQuery(
                search.getValue(),
                roleFilter.getValue() == null ? null : roleFilter.getValue().orElse(null),
                showDisabled.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private Div rolesOf(UserAccount user) {
        Div roles = new Div();
        user.getRoles().stream()
                .sorted()
                .forEach(r -> roles.add(Badges.of(
                        getTranslation("role." + r.name()),
                        r == Role.ADMIN ? Badges.Tone.PRIMARY : Badges.Tone.NEUTRAL)));
        return roles;
    }

    private MenuBar actions(UserAccount user) {
        MenuBar bar = new MenuBar();
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        MenuItem more = bar.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        more.setAriaLabel(getTranslation("action.more"));
        more.getSubMenu()
                .addItem(getTranslation("action.edit"), e -> openForm(user))
                .setId("user-edit");
        more.getSubMenu()
                .addItem(
                        getTranslation(user.isEnabled() ? "users.disable" : "users.enable"),
                        e -> confirmEnable(user, !user.isEnabled()))
                .setId("user-toggle");
        more.getSubMenu()
                .addItem(getTranslation("users.resetPassword"), e -> confirmReset(user))
                .setId("user-reset");
        if (user.hasTwoFactor()) {
            more.getSubMenu()
                    .addItem(getTranslation("users.resetTwoFactor"), e -> confirmResetTwoFactor(user))
                    .setId("user-reset-2fa");
        }
        return bar;
    }

    void openForm(@Nullable UserAccount existing) {
        UserAccount fresh = existing == null ? null : users.get(existing.getId());
        UserForm form = new UserForm(fresh);
        form.addSaveListener(e -> save(form, e));
        form.open();
    }

    private void save(UserForm form, EditorDialog.SaveEvent<UserForm.Saved> event) {
        UserForm.Draft draft = event.data().draft();
        try {
            if (event.data().existing() == null) {
                CreatedUser created = users.createUser(new NewUser(
                        draft.getUsername(),
                        draft.getDisplayName(),
                        draft.getEmail(),
                        draft.getRoles(),
                        draft.getPassword().isBlank() ? null : draft.getPassword()));
                form.close();
                if (created.generatedPassword() != null) {
                    new SecretDialog(
                                    getTranslation(
                                            "users.created", created.account().getUsername()),
                                    getTranslation("users.generatedPassword"),
                                    created.generatedPassword())
                            .open();
                } else {
                    Notifications.success(
                            getTranslation("users.created", created.account().getUsername()));
                }
            } else {
                UserAccount existing = event.data().existing();
                users.updateUser(
                        existing.getId(),
                        existing.getVersion(),
                        draft.getDisplayName(),
                        draft.getEmail(),
                        draft.getRoles());
                form.close();
                Notifications.success(getTranslation("users.saved", existing.getUsername()));
            }
            refresh();
        } catch (DomainException e) {
            FieldErrors.show(this, e, form.fields());
        } catch (ConstraintViolationException e) {
            Notifications.error(e.getConstraintViolations().iterator().next().getMessage());
        }
    }

    private void confirmEnable(UserAccount user, boolean enable) {
        Confirmations.ask(
                "user-toggle-confirm",
                getTranslation(enable ? "users.enable" : "users.disable"),
                getTranslation(enable ? "users.enable.confirm" : "users.disable.confirm", user.getUsername()),
                getTranslation(enable ? "users.enable" : "users.disable"),
                !enable,
                () -> {
                    try {
                        users.setEnabled(user.getId(), enable);
                        Notifications.success(getTranslation("users.saved", user.getUsername()));
                        refresh();
                    } catch (DomainException ex) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                    }
                });
    }

    private void confirmReset(UserAccount user) {
        Confirmations.ask(
                "user-reset-confirm",
                getTranslation("users.resetPassword"),
                getTranslation("users.resetPassword.confirm", user.getUsername()),
                getTranslation("users.resetPassword"),
                false,
                () -> {
                    String password = users.resetPassword(user.getId());
                    new SecretDialog(
                                    getTranslation("users.resetPassword"),
                                    getTranslation("users.resetPassword.done", user.getUsername()),
                                    password)
                            .open();
                });
    }

    private void confirmResetTwoFactor(UserAccount user) {
        Confirmations.ask(
                "user-reset-2fa-confirm",
                getTranslation("users.resetTwoFactor"),
                getTranslation("users.resetTwoFactor.confirm", user.getUsername()),
                getTranslation("users.resetTwoFactor"),
                true,
                () -> resetTwoFactor(user));
    }

    /** A dangerous action: asks for a recent second-factor confirmation of the admin first. */
    private void resetTwoFactor(UserAccount user) {
        try {
            users.resetTotp(user.getId());
            Notifications.success(getTranslation("users.resetTwoFactor.done", user.getUsername()));
            refresh();
        } catch (DomainException ex) {
            if (!StepUpDialog.handle(ex, users, () -> resetTwoFactor(user))) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation()
                .getQueryParameters()
                .getSingleParameter(SEARCH_PARAMETER)
                .ifPresent(search::setValue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.users");
    }
}
