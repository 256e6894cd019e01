package de.kontor.monitoring.ui;

import com.vaadin.flow.component.Component;
import de.kontor.base.ui.ViewRefreshers;
import de.kontor.monitoring.NodeReported;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Server push for the dashboard and node pages: after a node's report is stored, open views refresh
 * themselves — at most once per {@link #INTERVAL_SECONDS}, however many agents report (a thousand
 * agents at 15 s would otherwise redraw every open dashboard 70 times a second).
 */
@org.springframework.stereotype.Component
class DashboardBroadcaster {

    static final int INTERVAL_SECONDS = 3;
    private static final Logger log = LoggerFactory.getLogger(DashboardBroadcaster.class);

    private final ViewRefreshers views = new ViewRefreshers();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "monitoring-push");
        t.setDaemon(true);
        return t;
    });

    DashboardBroadcaster() {
        timer.scheduleWithFixedDelay(this::flush, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    /** Refreshes {@code view} while it is attached. */
    void whileAttached(Component view, Runnable refresh) {
        views.whileAttached(view, refresh);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void reported(NodeReported event) {
        changed.set(true);
    }

    /** Refreshes the open views if a node reported since the last time. */
    void flush() {
        if (changed.getAndSet(false)) {
            try {
                views.refreshAll();
            } catch (RuntimeException e) {
                // a view that went away mid-refresh must not stop the timer for the others
                log.debug("Refreshing monitoring views failed", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
