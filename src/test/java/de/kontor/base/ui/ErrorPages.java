package de.kontor.base.ui;

import com.vaadin.flow.component.html.H2;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Lets UI tests in every package check which error page is shown, inside the main layout. */
public final class ErrorPages {

    private ErrorPages() {}

    /** The error page with this title is shown inside the main layout. */
    public static void assertShown(String title) {
        _get(MainLayout.class);
        assertThat(_get(H2.class, spec -> spec.withId("error-page-title")).getText())
                .isEqualTo(title);
    }
}
