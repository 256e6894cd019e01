package de.kontor.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Rolls samples up every minute and keeps the partitions (hourly). Only triggers service methods;
 * clustered Quartz runs each on one Kontor instance at a time.
 */
@DisallowConcurrentExecution
class MonitoringJob implements Job {

    static final String TASK = "task";

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
        if ("partitions".equals(context.getMergedJobDataMap().getString(TASK))) {
            monitoring.maintainPartitions();
        } else {
            rollups.record(monitoring::rollUp);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail monitoringRollupJob() {
            return JobBuilder.newJob(MonitoringJob.class)
                    .withIdentity("rollup", "monitoring")
                    .usingJobData(new JobDataMap(Map.of(TASK, "rollup")))
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger monitoringRollupTrigger(JobDetail monitoringRollupJob) {
            return TriggerBuilder.newTrigger()
                    .forJob(monitoringRollupJob)
                    .withIdentity("rollup", "monitoring")
                    .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }

        @Bean
        JobDetail monitoringPartitionJob() {
            return JobBuilder.newJob(MonitoringJob.class)
                    .withIdentity("partitions", "monitoring")
                    .usingJobData(new JobDataMap(Map.of(TASK, "partitions")))
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger monitoringPartitionTrigger(JobDetail monitoringPartitionJob) {
            return TriggerBuilder.newTrigger()
                    .forJob(monitoringPartitionJob)
                    .withIdentity("partitions", "monitoring")
                    .withSchedule(SimpleScheduleBuilder.repeatHourlyForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
