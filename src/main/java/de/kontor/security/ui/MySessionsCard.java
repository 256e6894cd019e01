package de.kontor.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.Notifications;
import de.kontor.security.SessionInfo;
import de.kontor.security.UserService;

import java.time.ZoneId;

/** "My sessions" on the account page: where I am signed in, end one, or sign out all the others. */
class MySessionsCard extends Div {

    private final UserService users;
    private final Grid<SessionInfo> grid = new Grid<>();

    MySessionsCard(UserService users, ZoneId zone) {
        this.users = users;
        addClassName("kontor-card");
        setId("my-sessions");
        Paragraph intro = new Paragraph(getTranslation("session.mine.intro"));
        intro.addClassName("kontor-muted");
        grid.setId("my-sessions-grid");
        grid.setAllRowsVisible(true);
        SessionGrids.addColumns(grid, zone);
        grid.addComponentColumn(s -> {
                    Button end = new Button(getTranslation("session.end"), e -> end(s));
                    end.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    end.setVisible(!s.current());
                    return end;
                })
                .setKey("end")
                .setFlexGrow(0)
                .setAutoWidth(true)
                .setFrozenToEnd(true);
        grid.setItems(LazyGrids.pages(users::mySessions));
        Grids.counted(grid, getTranslation("session.mine.empty"));
        Button others = new Button(getTranslation("session.mine.signOutOthers"), e -> confirmSignOutOthers());
        others.setId("my-sessions-sign-out-others");
        add(new H2(getTranslation("session.mine.title")), intro, grid, others);
    }

    private void end(SessionInfo session) {
        try {
            users.endSession(session.id());
            Notifications.success(getTranslation("session.ended"));
        } catch (DomainException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
        }
        grid.getDataProvider().refreshAll();
    }

    private void confirmSignOutOthers() {
        Confirmations.ask(
                "my-sessions-sign-out-others-confirm",
                getTranslation("session.mine.signOutOthers"),
                getTranslation("session.mine.signOutOthers.confirm"),
                getTranslation("session.mine.signOutOthers"),
                true,
                this::signOutOthers);
    }

    void signOutOthers() {
        int ended = users.endMyOtherSessions();
        Notifications.success(getTranslation("session.endedCount", ended));
        grid.getDataProvider().refreshAll();
    }
}
