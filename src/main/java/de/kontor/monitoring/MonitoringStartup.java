package de.kontor.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure today's partitions exist as soon as Kontor runs (the hourly job might be an hour away, and
 * until then samples would all go to the catch-all partition).
 */
@Component
class MonitoringStartup {

    private static final Logger log = LoggerFactory.getLogger(MonitoringStartup.class);

    private final MonitoringService monitoring;

    MonitoringStartup(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @EventListener(ApplicationReadyEvent.class)
    void partitions() {
        try {
            monitoring.maintainPartitions();
        } catch (RuntimeException e) {
            log.warn("Monitoring partitions could not be prepared now; the hourly job tries again: {}", e.toString());
        }
    }
}
