package de.kontor.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.CurrentUser;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.security.Role;
import de.kontor.security.SessionInfo;
import de.kontor.security.SessionQuery;
import de.kontor.security.UserService;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.List;

/**
 * Everyone's web sessions and API tokens on all nodes: filter by user and kind; admins end one or all of a
 * user, viewers only look.
 */
@Route("sessions")
@Menu(title = "menu.sessions", order = 915, icon = "vaadin:connect")
@RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
class SessionsView extends Div implements HasDynamicTitle {

    private static final String ALL = "";

    private final UserService users;
    private final Grid<SessionInfo> grid = new Grid<>();
    private final TextField user = new TextField();
    private final Select<String> kind = new Select<>();
    private final Checkbox includeEnded = new Checkbox();

    SessionsView(UserService users, ZoneId zone) {
        this.users = users;
        addClassName("kontor-view");
        user.setPlaceholder(getTranslation("session.filter.user"));
        user.setId("sessions-user");
        user.setPrefixComponent(VaadinIcon.SEARCH.create());
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        user.addValueChangeListener(e -> refresh());
        kind.setId("sessions-kind");
        kind.setItems(List.of(ALL, SessionInfo.UI, SessionInfo.API));
        kind.setItemLabelGenerator(
                k -> k.isEmpty() ? getTranslation("session.filter.all") : getTranslation("session.kind." + k));
        kind.setValue(ALL);
        kind.addValueChangeListener(e -> refresh());
        includeEnded.setLabel(getTranslation("session.includeEnded"));
        includeEnded.setId("sessions-include-ended");
        includeEnded.addValueChangeListener(e -> refresh());
        Paragraph intro = new Paragraph(getTranslation("session.admin.intro"));
        intro.addClassName("kontor-muted");
        ViewHeader header = new ViewHeader(user, kind, includeEnded);

        grid.setId("sessions-grid");
        Grids.name(
                grid.addColumn(s -> s.displayName() + " (" + s.username() + ")")
                        .setHeader(getTranslation("session.user"))
                        .setKey("user")
                        .setSortProperty("username"),
                "10rem");
        SessionGrids.addColumns(grid, zone);
        // Viewers see the sessions read-only: no ending.
        if (CurrentUser.canWrite()) {
            Grids.actions(grid.addComponentColumn(this::actions).setKey("actions"));
        }
        grid.setItems(LazyGrids.pages(pageable -> users.sessions(query(), pageable)));
        Grids.counted(grid, getTranslation("session.empty"));
        add(header, intro, grid);
    }

    private Div actions(SessionInfo session) {
        Button end = new Button(getTranslation("session.end"), e -> confirmEnd(session));
        end.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        end.setEnabled(session.endedAt() == null);
        Button all = new Button(getTranslation("session.endAll.short"), e -> confirmEndAll(session));
        all.setTooltipText(getTranslation("session.endAll"));
        all.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new Div(end, all);
    }

    private SessionQuery query() {
        String k = kind.getValue();
        return new SessionQuery(user.getValue(), k == null || k.isEmpty() ? null : k, includeEnded.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void confirmEnd(SessionInfo session) {
        confirm(
                getTranslation("session.end"),
                getTranslation("session.end.confirm", session.username()),
                () -> end(session.id()));
    }

    void end(long id) {
        try {
            users.endSession(id);
            Notifications.success(getTranslation("session.ended"));
        } catch (DomainException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
        }
        refresh();
    }

    private void confirmEndAll(SessionInfo session) {
        confirm(
                getTranslation("session.endAll"),
                getTranslation("session.endAll.confirm", session.username()),
                () -> endAllOf(session.userId()));
    }

    void endAllOf(long userId) {
        int ended = users.endSessionsOf(userId);
        Notifications.success(getTranslation("session.endedCount", ended));
        refresh();
    }

    private void confirm(String header, String text, Runnable action) {
        Confirmations.ask("sessions-confirm", header, text, header, true, action);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.sessions");
    }
}
