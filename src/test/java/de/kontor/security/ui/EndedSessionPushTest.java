package de.kontor.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import de.kontor.KaribuTest;
import de.kontor.security.Role;
import de.kontor.security.SessionInfo;
import de.kontor.security.SessionQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSessionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** An open page of a session ended elsewhere is sent to the login page without waiting for its next request. */
class EndedSessionPushTest extends KaribuTest {

    @Autowired
    UiSessionListener listener;

    @Test
    void theOpenPagesOfAnEndedSessionAreSentToTheLoginPage() {
        String name = unique("pushed");
        login(name, Role.MEMBER);
        UI.getCurrent().navigate("account");
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        listener.sessionCreated(new HttpSessionEvent(request.getSession(false)));
        assertThat(users.uiSessionEnded(request, name, true)).isFalse();
        loginAsAdmin();
        SessionInfo session = users.sessions(new SessionQuery(name, SessionInfo.UI, false), PageRequest.of(0, 5))
                .getContent()
                .getFirst();

        users.endSession(session.id());
        listener.sweep();
        VaadinSession vaadin = VaadinSession.getCurrent();
        vaadin.getService().runPendingAccessTasks(vaadin);

        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anySatisfy(js -> assertThat(js.getInvocation().getParameters()).contains("login?ended"));
        assertThat(users.uiSessionEnded(request, name, true)).isTrue();
    }
}
