package de.kontor.license;

import de.kontor.base.jobs.Jobs;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Background work of the license server: devices without heartbeats become inactive (every five
 * minutes); heartbeat partitions are added ahead and old ones rolled up and dropped (at start and
 * every six hours). Clustered Quartz runs each on one node at a time.
 */
@DisallowConcurrentExecution
class LicenseMaintenanceJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(LicenseMaintenanceJob.class);
    private final LicenseService licenses;

    LicenseMaintenanceJob(LicenseService licenses) {
        this.licenses = licenses;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String task = Jobs.task(context);
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
            return Jobs.job(LicenseMaintenanceJob.class, "license", "inactivity");
        }

        @Bean
        Trigger licenseInactivityTrigger(JobDetail licenseInactivityJob) {
            return Jobs.every(licenseInactivityJob, Duration.ofMinutes(5));
        }

        @Bean
        JobDetail licensePartitionJob() {
            return Jobs.job(LicenseMaintenanceJob.class, "license", "partitions");
        }

        @Bean
        Trigger licensePartitionTrigger(JobDetail licensePartitionJob) {
            return Jobs.trigger(
                    licensePartitionJob,
                    SimpleScheduleBuilder.repeatHourlyForever(6).withMisfireHandlingInstructionFireNow());
        }
    }
}
