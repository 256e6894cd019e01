package de.kontor.backup;

import de.kontor.base.jobs.Jobs;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;
import java.util.TimeZone;

/**
 * The scheduled backup: a Quartz trigger on {@code kontor.backup.schedule} (in Kontor's time zone); in a
 * cluster one node runs it. The job only calls the service, which checks whether schedules are on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
class BackupConfiguration {

    @Bean
    JobDetail backupJob() {
        return Jobs.job(BackupJob.class, "backup", "scheduled-backup");
    }

    @Bean
    Trigger backupTrigger(JobDetail backupJob, BackupProperties properties, ZoneId zone) {
        return Jobs.trigger(
                backupJob,
                CronScheduleBuilder.cronSchedule(properties.schedule())
                        .inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed());
    }

    @DisallowConcurrentExecution
    static class BackupJob implements Job {

        private final BackupService backups;

        BackupJob(BackupService backups) {
            this.backups = backups;
        }

        @Override
        public void execute(JobExecutionContext context) {
            backups.runScheduled();
        }
    }
}
