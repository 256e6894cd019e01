package de.kontor.security;

import de.kontor.base.jobs.Jobs;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.quartz.CronScheduleBuilder.dailyAtHourAndMinute;

/** Nightly: forget session tokens that expired more than a day ago. */
@DisallowConcurrentExecution
class TokenCleanupJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(TokenCleanupJob.class);

    private final UserService users;

    TokenCleanupJob(UserService users) {
        this.users = users;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int removed = users.purgeExpiredSessionTokens();
        log.info("Removed {} expired API session tokens", removed);
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        JobDetail tokenCleanupJobDetail() {
            return Jobs.job(TokenCleanupJob.class, "security", "token-cleanup");
        }

        @Bean
        Trigger tokenCleanupTrigger(JobDetail tokenCleanupJobDetail) {
            return Jobs.trigger(tokenCleanupJobDetail, dailyAtHourAndMinute(3, 17));
        }
    }
}
