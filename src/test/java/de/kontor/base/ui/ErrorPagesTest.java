package de.kontor.base.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import de.kontor.HttpClientSupport;
import de.kontor.KaribuTest;
import de.kontor.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Addresses that lead nowhere or are not allowed show a page in the layout, in the user's language. */
class ErrorPagesTest extends KaribuTest {

    @Override
    protected boolean showsKontorErrorPages() {
        return true;
    }

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void watchTheLog() {
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void stopWatching() {
        root().detachAppender(logged);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers", "licenses", "leads", "tally/person", "printers", "products"})
    void aRecordThatDoesNotExistIsANotFoundPageWithoutAnErrorInTheLog(String route) {
        loginAsAdmin();

        navigate(route + "/99999999");

        ErrorPages.assertShown("Not found");
        assertThat(_get(Paragraph.class, spec -> spec.withId("error-page-text")).getText())
                .isNotBlank()
                .doesNotContain("Exception");
        assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    @Test
    void anUnknownAddressIsAPageNotFoundWithAWayBackToTheStart() {
        loginAsAdmin();

        openAddress("no-such-page/at-all");

        ErrorPages.assertShown("Page not found");
        assertThat(_get(Paragraph.class, spec -> spec.withId("error-page-text")).getText())
                .contains("no-such-page/at-all");
        _click(_get(Button.class, spec -> spec.withId("error-page-home")));
        HomeViewAccess.assertShown();
    }

    @Test
    void aMalformedRecordAddressIsAPageNotFound() {
        loginAsAdmin();

        openAddress("customers/not-a-number");

        ErrorPages.assertShown("Page not found");
    }

    @Test
    void aMemberOnAnAdminPageIsToldItIsNotAllowed() {
        login(unique("member"), Role.MEMBER);

        navigate("customers");

        ErrorPages.assertShown("Not allowed");
        assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    @Test
    void theErrorPagesSpeakGerman() {
        setUpUi(Locale.GERMAN);
        loginAsAdmin();

        navigate("customers/99999999");
        ErrorPages.assertShown("Nicht gefunden");

        openAddress("nirgendwo");
        ErrorPages.assertShown("Seite nicht gefunden");
    }

    @Test
    void aSignedInBrowserGetsTheUiForAnUnknownAddressNotABare403() {
        var http = new HttpClientSupport(baseUrl());
        assertThat(http.submitLoginForm(ADMIN, ADMIN_PASSWORD).status()).isEqualTo(302);

        var page = http.get("/no-such-page", null);

        assertThat(page.status()).isNotEqualTo(403);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<html");
        forgetLoginFailures();
    }

    /**
     * Opens an address as a page load does. {@code UI.navigate} hands addresses without a server route to
     * the browser's router, which the mock UI does not have.
     */
    private static void openAddress(String path) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location(path), NavigationTrigger.PAGE_LOAD);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
