package de.kontor.monitoring;

import de.kontor.base.jobs.Jobs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Evaluates the alert rules and delivers notifications every {@code kontor.monitoring.alerts.interval}.
 * Only triggers the service; clustered Quartz runs it on one Kontor instance at a time.
 */
@DisallowConcurrentExecution
class AlertJob implements Job {

    private final MonitoringService monitoring;
    private final Timer timer;

    AlertJob(MonitoringService monitoring, MeterRegistry meters) {
        this.monitoring = monitoring;
        this.timer = Timer.builder("kontor.monitoring.alerts")
                .description("Time of one alert evaluation cycle with its deliveries")
                .register(meters);
    }

    @Override
    public void execute(JobExecutionContext context) {
        timer.record(monitoring::evaluateAlerts);
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        private static final Logger log = LoggerFactory.getLogger(Schedule.class);

        @Bean
        JobDetail monitoringAlertJob() {
            return Jobs.job(AlertJob.class, "monitoring", "alerts");
        }

        @Bean
        Trigger monitoringAlertTrigger(JobDetail monitoringAlertJob, MonitoringProperties properties) {
            return Jobs.every(monitoringAlertJob, properties.alerts().interval());
        }

        /** The shipped rules, on every start: only those never added before are inserted. */
        @EventListener(ApplicationReadyEvent.class)
        void defaultRules(ApplicationReadyEvent event) {
            try {
                event.getApplicationContext().getBean(MonitoringService.class).installDefaultAlertRules();
            } catch (RuntimeException e) {
                log.warn(
                        "The shipped alert rules could not be added now; the next start tries again: {}", e.toString());
            }
        }
    }
}
