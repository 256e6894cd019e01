package de.kontor.monitoring;

import de.kontor.base.jobs.Jobs;
import org.quartz.CronScheduleBuilder;
import org.quartz.DateBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;
import java.util.TimeZone;

/**
 * Sends the weekly monitoring report on Monday mornings (07:00 in Kontor's time zone). Only triggers the
 * service method, which is idempotent: a misfired run caught up later still sends each week once.
 */
@DisallowConcurrentExecution
class WeeklyReportJob implements Job {

    private final MonitoringService monitoring;

    WeeklyReportJob(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void execute(JobExecutionContext context) {
        monitoring.sendWeeklyReports();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail monitoringWeeklyReportJob() {
            return Jobs.job(WeeklyReportJob.class, "monitoring", "weekly-report");
        }

        @Bean
        Trigger monitoringWeeklyReportTrigger(JobDetail monitoringWeeklyReportJob, ZoneId zone) {
            return Jobs.trigger(
                    monitoringWeeklyReportJob,
                    CronScheduleBuilder.weeklyOnDayAndHourAndMinute(DateBuilder.MONDAY, 7, 0)
                            .inTimeZone(TimeZone.getTimeZone(zone))
                            .withMisfireHandlingInstructionFireAndProceed());
        }
    }
}
