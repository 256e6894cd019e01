package de.kontor.base.jobs;

import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A recurring job and its trigger, declared the one way. */
class JobsTest {

    static class Nothing implements Job {
        @Override
        public void execute(JobExecutionContext context) {}
    }

    @Test
    void aJobIsDurableInItsModulesGroupAndNamedAfterItsTask() {
        JobDetail job = Jobs.job(Nothing.class, "printer", "purge");

        assertThat(job.getKey().getGroup()).isEqualTo("printer");
        assertThat(job.getKey().getName()).isEqualTo("purge");
        assertThat(job.getJobDataMap().getString(Jobs.TASK)).isEqualTo("purge");
        assertThat(job.isDurable()).isTrue();
    }

    @Test
    void everyFiresAtTheIntervalForeverUnderTheJobsNameAndSkipsMissedRuns() {
        JobDetail job = Jobs.job(Nothing.class, "license", "inactivity");

        Trigger trigger = Jobs.every(job, Duration.ofMinutes(5));

        assertThat(trigger.getKey().getGroup()).isEqualTo("license");
        assertThat(trigger.getKey().getName()).isEqualTo("inactivity");
        assertThat(trigger.getJobKey()).isEqualTo(job.getKey());
        assertThat(trigger).isInstanceOf(SimpleTrigger.class);
        SimpleTrigger simple = (SimpleTrigger) trigger;
        assertThat(simple.getRepeatInterval()).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(simple.getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
        assertThat(simple.getMisfireInstruction())
                .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
    }
}
