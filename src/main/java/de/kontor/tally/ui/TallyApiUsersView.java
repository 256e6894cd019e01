package de.kontor.tally.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.SecretDialog;
import de.kontor.base.ui.ViewHeader;
import de.kontor.tally.TallyModel.ApiKeyInfo;
import de.kontor.tally.TallyModel.ApiUserInfo;
import de.kontor.tally.TallyModel.IssuedKey;
import de.kontor.tally.TallyModel.Scope;
import de.kontor.tally.TallyService;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.Map;

/** Terminals and other clients of the terminal API: API users, their keys (shown once), scopes. */
@Route("tally/api-users")
@RolesAllowed({"ADMIN", "VIEWER"})
class TallyApiUsersView extends Div implements HasDynamicTitle {

    private final TallyService tally;
    private final ZoneId zone;
    private final Grid<ApiUserInfo> grid = new Grid<>();

    TallyApiUsersView(TallyService tally, ZoneId zone) {
        this.tally = tally;
        this.zone = zone;
        addClassName("kontor-view");
        setId("tally-api-users-view");
        add(TallyUi.nav(this, "tally/api-users"));
        Paragraph intro = new Paragraph(getTranslation("tally.apiUsers.intro"));
        intro.addClassName("kontor-muted");
        TextField name = new TextField();
        name.setPlaceholder(getTranslation("tally.apiUsers.name"));
        name.setId("tally-api-user-name");
        Button create = new Button(getTranslation("tally.apiUsers.create"), VaadinIcon.PLUS.create(), e -> {
            try {
                tally.createApiUser(name.getValue());
                name.clear();
                load();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("name", name));
            }
        });
        create.setId("tally-api-user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(intro, new ViewHeader(name, create));

        grid.setId("tally-api-users");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        Grids.name(grid.addColumn(ApiUserInfo::name).setHeader(getTranslation("tally.column.name")), "10rem");
        grid.addColumn(u -> Formats.dateTime(u.createdAt(), zone))
                .setHeader(getTranslation("tally.column.created"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(u -> u.lastUsedAt() == null ? "–" : Formats.dateTime(u.lastUsedAt(), zone))
                .setHeader(getTranslation("tally.column.lastUsed"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::keys)
                .setHeader(getTranslation("tally.apiUsers.keys"))
                .setWidth("12em")
                .setFlexGrow(1);
        Grids.actions(grid.addComponentColumn(this::actions).setKey("actions"));
        Grids.counted(grid, getTranslation("tally.apiUsers.empty"));
        grid.setAllRowsVisible(true);
        add(grid);
        load();
    }

    private void load() {
        grid.setItems(tally.apiUsers());
    }

    private Component keys(ApiUserInfo user) {
        Div keys = new Div();
        for (ApiKeyInfo key : tally.apiKeys(user.id())) {
            Span text = new Span(key.prefix() + "… · " + key.scope().name().toLowerCase() + " · "
                    + (key.lastUsedAt() == null
                            ? getTranslation("tally.apiUsers.neverUsed")
                            : getTranslation("tally.apiUsers.lastUsed", Formats.dateTime(key.lastUsedAt(), zone))));
            text.addClassName("kontor-mono");
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                tally.deleteApiKey(user.id(), key.id());
                Notifications.success(getTranslation("tally.apiUsers.keyDeleted", key.prefix()));
                load();
            });
            delete.setId("tally-key-delete-" + key.id());
            delete.setAriaLabel(getTranslation("tally.apiUsers.deleteKey"));
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout row = new HorizontalLayout(text, delete);
            row.setAlignItems(HorizontalLayout.Alignment.CENTER);
            keys.add(row);
        }
        return keys;
    }

    private Component actions(ApiUserInfo user) {
        Select<Scope> scope = new Select<>();
        scope.setItems(Scope.values());
        scope.setValue(Scope.BOOK);
        scope.setItemLabelGenerator(s -> getTranslation("tally.scope." + s.name()));
        scope.setId("tally-key-scope-" + user.id());
        scope.setWidth("9em");
        Button generate = new Button(getTranslation("tally.apiUsers.generate"), VaadinIcon.KEY.create(), e -> {
            IssuedKey key = tally.generateKey(user.id(), scope.getValue());
            new SecretDialog(
                            getTranslation("tally.apiUsers.keyTitle", user.name()),
                            getTranslation("tally.apiUsers.keyExplanation"),
                            key.value())
                    .open();
            load();
        });
        generate.setId("tally-key-generate-" + user.id());
        generate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        // an icon with the words as tooltip: the row's actions stay in sight beside the key list
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(user));
        delete.setAriaLabel(getTranslation("tally.apiUsers.delete"));
        delete.setTooltipText(getTranslation("tally.apiUsers.delete"));
        delete.setId("tally-api-user-delete-" + user.id());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(scope, generate, delete);
        actions.setAlignItems(HorizontalLayout.Alignment.CENTER);
        return actions;
    }

    private void confirmDelete(ApiUserInfo user) {
        Confirmations.ask(
                "tally-api-user-delete-confirm",
                getTranslation("tally.apiUsers.delete"),
                getTranslation("tally.apiUsers.delete.confirm", user.name()),
                getTranslation("tally.apiUsers.delete"),
                true,
                () -> {
                    tally.deleteApiUser(user.id());
                    load();
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tally.nav.apiUsers") + " · " + getTranslation("menu.tally");
    }
}
