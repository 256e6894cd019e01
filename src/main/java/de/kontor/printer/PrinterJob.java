package de.kontor.printer;

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
 * Polls the plugs (every {@code kontor.printer.poll-interval}, default 30 s) and purges old power samples
 * (hourly). Only triggers service methods; clustered Quartz runs each on one node at a time.
 */
@DisallowConcurrentExecution
class PrinterJob implements Job {

    static final String TASK = "task";

    private final PrinterService printers;

    PrinterJob(PrinterService printers) {
        this.printers = printers;
    }

    @Override
    public void execute(JobExecutionContext context) {
        if ("purge".equals(context.getMergedJobDataMap().getString(TASK))) {
            printers.purgeSamples();
        } else {
            printers.poll();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail printerPollJob() {
            return JobBuilder.newJob(PrinterJob.class)
                    .withIdentity("poll", "printer")
                    .usingJobData(new JobDataMap(Map.of(TASK, "poll")))
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger printerPollTrigger(JobDetail printerPollJob, PrinterProperties properties) {
            return TriggerBuilder.newTrigger()
                    .forJob(printerPollJob)
                    .withIdentity("poll", "printer")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(
                                    properties.pollInterval().toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }

        @Bean
        JobDetail printerPurgeJob() {
            return JobBuilder.newJob(PrinterJob.class)
                    .withIdentity("purge", "printer")
                    .usingJobData(new JobDataMap(Map.of(TASK, "purge")))
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger printerPurgeTrigger(JobDetail printerPurgeJob) {
            return TriggerBuilder.newTrigger()
                    .forJob(printerPurgeJob)
                    .withIdentity("purge", "printer")
                    .withSchedule(SimpleScheduleBuilder.repeatHourlyForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
