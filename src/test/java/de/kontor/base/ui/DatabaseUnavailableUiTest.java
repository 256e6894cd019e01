package de.kontor.base.ui;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.server.ErrorEvent;
import de.kontor.KaribuTest;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** While the database is unavailable, the UI says so and that Kontor keeps trying, instead of a bare error. */
class DatabaseUnavailableUiTest extends KaribuTest {

    @Autowired
    KontorErrorHandler errorHandler;

    @Override
    protected boolean showsKontorErrorPages() {
        return true;
    }

    @Test
    void aPageThatCannotReadItsDataShowsDatabaseUnavailableAndRetriesByItself() {
        login(unique("outage-member"), Role.MEMBER);

        navigate("test-database-down");

        DatabaseUnavailableView view = _get(DatabaseUnavailableView.class);
        assertThat(_get(view, H2.class, spec -> {}).getText()).isEqualTo("Database unavailable");
        assertThat(_get(view, Button.class, spec -> spec.withId("database-unavailable-retry")))
                .isNotNull();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(DatabaseUnavailableView.POLL_MILLIS);
    }

    @Test
    void germanUsersReadItInGerman() {
        setUpUi(Locale.GERMANY);
        login(unique("outage-mitglied"), Role.MEMBER);

        navigate("test-database-down");

        assertThat(_get(_get(DatabaseUnavailableView.class), H2.class, spec -> {})
                        .getText())
                .isEqualTo("Datenbank nicht erreichbar");
    }

    @Test
    void anActionThatFindsTheDatabaseUnavailableIsToldSoNotAnUnexpectedError() {
        errorHandler.error(new ErrorEvent(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLTransientConnectionException("request timed out"))));

        NotificationsKt.expectNotifications(
                "The database cannot be reached at the moment. Kontor keeps trying to reconnect; try again in a"
                        + " moment. Nothing you saved before is lost.");
    }
}
