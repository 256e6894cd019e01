package de.kontor.base.mail;

import de.kontor.base.jobs.Jobs;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Every minute, on one node of the cluster: retry failed mail deliveries that are due. */
@DisallowConcurrentExecution
class MailRetryJob implements Job {

    private final MailOutbox outbox;

    MailRetryJob(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(JobExecutionContext context) {
        outbox.retryDue();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailProperties.class)
    static class Schedule {
        @Bean
        JobDetail mailRetryJobDetail() {
            return Jobs.job(MailRetryJob.class, "base", "mail-retry");
        }

        @Bean
        Trigger mailRetryTrigger(JobDetail mailRetryJobDetail) {
            return Jobs.every(mailRetryJobDetail, Duration.ofMinutes(1));
        }
    }
}
