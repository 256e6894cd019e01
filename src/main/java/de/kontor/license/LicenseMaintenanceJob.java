package de.kontor.license;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Background work of the license server: devices without heartbeats become inactive (every five
 * minutes); heartbeat partitions are added ahead and old ones rolled up and dropped (at start and
 * every six hours). Clustered Quartz runs each on one node at a time.
 */
@DisallowConcurrentExecution
class LicenseMaintenanceJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(LicenseMaintenanceJob.class);
    static final String TASK = "task";

    private final LicenseService licenses;

    LicenseMaintenanceJob(LicenseService licenses) {
        this.licenses = licenses;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String task = context.getMergedJobDataMap().getString(TASK);
        if ("partitions".equals(task)) {
            licenses.maintainHeartbeatPartitions();
        } else {
            int inactive = licenses.markInactiveActivations();
            if (inactive > 0) {
                log.info("{} license activations became inactive (no heartbeat)", inactive);
            }
            licenses.checkAnomalies();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail licenseInactivityJob() {
            return JobBuilder.newJob(LicenseMaintenanceJob.class)
                    .withIdentity("inactivity", "license")
                    .usingJobData(new JobDataMap(Map.of(TASK, "inactivity")))
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger licenseInactivityTrigger(JobDetail licenseInactivityJob) {
            return TriggerBuilder.newTrigger()
                    .forJob(licenseInactivityJob)
                    .withIdentity("inactivity", "license")
                    .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(5)
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }

        @Bean
        JobDetail licensePartitionJob() {
            return JobBuilder.newJob(LicenseMaintenanceJob.class)
                    .withIdentity("partitions", "license")
                    .usingJobData(new JobDataMap(Map.of(TASK, "partitions")))
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger licensePartitionTrigger(JobDetail licensePartitionJob) {
            return TriggerBuilder.newTrigger()
                    .forJob(licensePartitionJob)
                    .withIdentity("partitions", "license")
                    .startNow()
                    .withSchedule(SimpleScheduleBuilder.repeatHourlyForever(6).withMisfireHandlingInstructionFireNow())
                    .build();
        }
    }
}
