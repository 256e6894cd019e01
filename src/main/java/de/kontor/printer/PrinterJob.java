package de.kontor.printer;

import de.kontor.base.jobs.Jobs;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Polls the plugs (every {@code kontor.printer.poll-interval}, default 30 s) and purges old power samples
 * (hourly). Only triggers service methods; clustered Quartz runs each on one node at a time.
 */
@DisallowConcurrentExecution
class PrinterJob implements Job {

    private final PrinterService printers;

    PrinterJob(PrinterService printers) {
        this.printers = printers;
    }

    @Override
    public void execute(JobExecutionContext context) {
        if ("purge".equals(Jobs.task(context))) {
            printers.purgeSamples();
        } else {
            printers.poll();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail printerPollJob() {
            return Jobs.job(PrinterJob.class, "printer", "poll");
        }

        @Bean
        Trigger printerPollTrigger(JobDetail printerPollJob, PrinterProperties properties) {
            return Jobs.every(printerPollJob, properties.pollInterval());
        }

        @Bean
        JobDetail printerPurgeJob() {
            return Jobs.job(PrinterJob.class, "printer", "purge");
        }

        @Bean
        Trigger printerPurgeTrigger(JobDetail printerPurgeJob) {
            return Jobs.every(printerPurgeJob, Duration.ofHours(1));
        }
    }
}
