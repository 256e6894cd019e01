package de.kontor.security.ui;

import com.vaadin.flow.server.VaadinSession;
import de.kontor.security.SecurityProperties;
import de.kontor.security.UserService;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This node's web sessions, kept in step with the session registry: a session that ends here (sign-out,
 * timeout) is marked ended there; a session ended in the registry (by its user elsewhere, an admin, or a
 * disabled account, on any node) has its open pages sent to the login page by push within the check
 * interval. {@link EndedSessionFilter} then invalidates it at the browser's next request.
 */
@Component
class UiSessionListener implements HttpSessionListener, HttpSessionIdListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UiSessionListener.class);
    /** Looks back this far for endings, so clocks of nodes a little apart miss none. */
    private static final Duration OVERLAP = Duration.ofMinutes(1);

    private final UserService users;
    private final Clock clock;
    private final Duration checkInterval;
    private final Map<String, HttpSession> local = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;
    private volatile Instant lastSweep;

    UiSessionListener(UserService users, Clock clock, SecurityProperties properties) {
        this.users = users;
        this.clock = clock;
        this.checkInterval = properties.sessions().checkInterval();
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        local.put(UserService.sessionKey(event.getSession().getId()), event.getSession());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        local.remove(UserService.sessionKey(oldSessionId));
        local.put(UserService.sessionKey(event.getSession().getId()), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        String id = event.getSession().getId();
        local.remove(UserService.sessionKey(id));
        try {
            users.uiSessionClosed(id);
        } catch (RuntimeException e) {
            log.debug("Could not mark the closed session in the registry: {}", e.toString());
        }
    }

    /** One round: send the pages of this node's sessions that were ended elsewhere to the login page. */
    void sweep() {
        Instant now = clock.instant();
        Instant since = (lastSweep == null ? now : lastSweep).minus(OVERLAP);
        lastSweep = now;
        for (String key : users.endedUiSessionsSince(since)) {
            HttpSession session = local.remove(key);
            if (session != null) {
                toLoginPage(session);
            }
        }
    }

    private static void toLoginPage(HttpSession session) {
        try {
            for (VaadinSession vaadin : VaadinSession.getAllSessions(session)) {
                vaadin.access(() -> vaadin.getUIs()
                        .forEach(ui -> ui.getPage().setLocation("login?" + EndedSessionFilter.ENDED_PARAMETER)));
            }
        } catch (IllegalStateException e) {
            // already invalidated: nothing left to send anywhere
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Checking for ended sessions failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kontor-session-sweeper");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(checkInterval.toMillis(), 200);
        started.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
