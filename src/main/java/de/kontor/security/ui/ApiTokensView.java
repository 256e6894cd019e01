package de.kontor.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.SecretDialog;
import de.kontor.base.ui.ViewHeader;
import de.kontor.security.ApiToken;
import de.kontor.security.IssuedToken;
import de.kontor.security.Role;
import de.kontor.security.StepUpDialog;
import de.kontor.security.UserService;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Named personal API tokens: created here, shown once, revocable. */
@Route("api-tokens")
@Menu(title = "menu.apiTokens", order = 920, icon = "vaadin:key")
@RolesAllowed(Role.ADMIN_NAME)
class ApiTokensView extends Div implements HasDynamicTitle {

    private final UserService users;
    private final Clock clock;
    private final Grid<ApiToken> grid = new Grid<>();

    ApiTokensView(UserService users, ZoneId zone, Clock clock) {
        this.users = users;
        this.clock = clock;
        addClassName("kontor-view");
        Paragraph intro = new Paragraph(getTranslation("tokens.intro"));
        intro.addClassName("kontor-muted");
        Button create = new Button(getTranslation("tokens.new"), VaadinIcon.PLUS.create(), e -> openCreate());
        create.setId("tokens-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ViewHeader toolbar = new ViewHeader(intro).actions(create);

        grid.setId("tokens-grid");
        Grids.name(grid.addColumn(t -> t.getName() == null ? "" : t.getName()), "8rem")
                .setHeader(getTranslation("tokens.name"))
                .setSortProperty("name");
        Grids.text(grid, t -> t.getUser().getUsername(), "6rem").setHeader(getTranslation("tokens.owner"));
        Grids.key(grid.addColumn(t -> t.getTokenPrefix() + "…").setHeader(getTranslation("tokens.prefix")));
        Grids.key(grid.addColumn(t -> Formats.dateTime(t.getCreatedAt(), zone))
                .setHeader(getTranslation("tokens.created"))
                .setSortProperty("createdAt"));
        Grids.key(grid.addColumn(t -> Formats.dateTime(t.getLastUsedAt(), zone))
                .setHeader(getTranslation("tokens.lastUsed"))
                .setSortProperty("lastUsedAt"));
        Grids.key(grid.addColumn(t -> t.getExpiresAt() == null
                        ? getTranslation("tokens.never")
                        : Formats.dateTime(t.getExpiresAt(), zone))
                .setHeader(getTranslation("tokens.expires"))
                .setSortProperty("expiresAt"));
        Grids.key(grid.addComponentColumn(t -> t.isActive(clock.instant())
                        ? Badges.of(getTranslation("tokens.active"), Badges.Tone.SUCCESS)
                        : Badges.of(
                                getTranslation(t.getRevokedAt() != null ? "tokens.revoked" : "tokens.expired"),
                                Badges.Tone.ERROR))
                .setHeader(getTranslation("tokens.status")));
        Grids.actions(grid.addComponentColumn(t -> {
                    Button revoke = new Button(getTranslation("tokens.revoke"), e -> confirmRevoke(t));
                    revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    revoke.setEnabled(t.getRevokedAt() == null);
                    return revoke;
                })
                .setKey("revoke"));
        grid.setItems(LazyGrids.pages(users::personalTokens));
        Grids.counted(grid, getTranslation("tokens.empty"));
        add(toolbar, grid);
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setId("token-form");
        dialog.setHeaderTitle(getTranslation("tokens.new"));
        TextField name = new TextField(getTranslation("tokens.name"));
        name.setId("token-name");
        name.setRequired(true);
        name.setMaxLength(ApiToken.NAME_MAX);
        name.setHelperText(getTranslation("tokens.name.help"));
        Select<Optional<Duration>> validity = new Select<>();
        validity.setLabel(getTranslation("tokens.validity"));
        validity.setId("token-validity");
        validity.setItems(List.of(
                Optional.of(Duration.ofDays(30)),
                Optional.of(Duration.ofDays(90)),
                Optional.of(Duration.ofDays(365)),
                Optional.empty()));
        validity.setItemLabelGenerator(
                d -> d.map(v -> getTranslation("tokens.days", v.toDays())).orElse(getTranslation("tokens.never")));
        validity.setValue(Optional.of(Duration.ofDays(90)));
        FormLayout form = new FormLayout(name, validity);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        Button create = new Button(getTranslation("tokens.create"), e -> create(dialog, name, validity));
        create.setId("token-create");
        Dialogs.footer(dialog, create);
        dialog.open();
    }

    /** Creating a token is a dangerous action: it asks for a recent second-factor confirmation. */
    private void create(Dialog dialog, TextField name, Select<Optional<Duration>> validity) {
        try {
            IssuedToken issued = users.createPersonalToken(
                    name.getValue(), validity.getValue().orElse(null));
            dialog.close();
            grid.getDataProvider().refreshAll();
            new SecretDialog(getTranslation("tokens.created"), getTranslation("tokens.created.explain"), issued.value())
                    .open();
        } catch (DomainException ex) {
            if (!StepUpDialog.handle(ex, users, () -> create(dialog, name, validity))) {
                FieldErrors.show(this, ex, Map.of("name", name));
            }
        }
    }

    private void confirmRevoke(ApiToken token) {
        Confirmations.ask(
                "token-revoke-confirm",
                getTranslation("tokens.revoke"),
                getTranslation("tokens.revoke.confirm", token.getName()),
                getTranslation("tokens.revoke"),
                true,
                () -> {
                    users.revokeToken(token.getId());
                    grid.getDataProvider().refreshAll();
                    Notifications.success(getTranslation("tokens.revokedDone"));
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.apiTokens");
    }
}
