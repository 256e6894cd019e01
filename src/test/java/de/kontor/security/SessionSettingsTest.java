package de.kontor.security;

import de.kontor.IntegrationTest;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

class SessionSettingsTest extends IntegrationTest {

    @Autowired
    ServletContext servletContext;

    @Autowired
    Environment environment;

    @Test
    void sessionsEndAfterThirtyMinutesWithoutActivity() {
        assertThat(servletContext.getSessionTimeout()).isEqualTo(30);
        // Vaadin's heartbeat alone must not keep an idle session alive.
        assertThat(environment.getProperty("vaadin.close-idle-sessions", Boolean.class))
                .isTrue();
    }

    @Test
    void sessionCookieIsHttpOnly() {
        assertThat(servletContext.getSessionCookieConfig().isHttpOnly()).isTrue();
    }
}
