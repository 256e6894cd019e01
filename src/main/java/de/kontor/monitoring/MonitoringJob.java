package de.kontor.monitoring;

import de.kontor.base.jobs.Jobs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Rolls samples up every minute and keeps the partitions (hourly). Only triggers service methods;
 * clustered Quartz runs each on one Kontor instance at a time.
 */
@DisallowConcurrentExecution
class MonitoringJob implements Job {

    private final MonitoringService monitoring;
    private final Timer rollups;

    MonitoringJob(MonitoringService monitoring, MeterRegistry meters) {
        this.monitoring = monitoring;
        this.rollups = Timer.builder("kontor.monitoring.rollup")
                .description("Time of one rollup run")
                .register(meters);
    }

    @Override
    public void execute(JobExecutionContext context) {
        if ("partitions".equals(Jobs.task(context))) {
            monitoring.maintainPartitions();
        } else {
            rollups.record(monitoring::rollUp);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail monitoringRollupJob() {
            return Jobs.job(MonitoringJob.class, "monitoring", "rollup");
        }

        @Bean
        Trigger monitoringRollupTrigger(JobDetail monitoringRollupJob) {
            return Jobs.every(monitoringRollupJob, Duration.ofMinutes(1));
        }

        @Bean
        JobDetail monitoringPartitionJob() {
            return Jobs.job(MonitoringJob.class, "monitoring", "partitions");
        }

        @Bean
        Trigger monitoringPartitionTrigger(JobDetail monitoringPartitionJob) {
            return Jobs.every(monitoringPartitionJob, Duration.ofHours(1));
        }
    }
}
