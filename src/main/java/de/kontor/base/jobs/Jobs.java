package de.kontor.base.jobs;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import java.time.Duration;

/**
 * Declares a module's recurring jobs the one way: a durable job in the module's group (so switching a
 * module off can pause the group), named after its task, and a trigger with the job's own name. A job
 * class that runs several tasks reads which one with {@link #task}.
 */
public final class Jobs {

    /** The job data key that names the task a job runs. */
    public static final String TASK = "task";

    private Jobs() {}

    /** A durable job of {@code type} named {@code task} in {@code group}; the job reads the task with {@link #task}. */
    public static JobDetail job(Class<? extends Job> type, String group, String task) {
        return JobBuilder.newJob(type)
                .withIdentity(task, group)
                .usingJobData(TASK, task)
                .storeDurably()
                .build();
    }

    /** Fires every {@code interval} forever; runs missed while no node was up are skipped, not made up. */
    public static Trigger every(JobDetail job, Duration interval) {
        return trigger(
                job,
                SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount());
    }

    /** Fires {@code job} on {@code schedule}, under the job's own name. */
    public static Trigger trigger(JobDetail job, ScheduleBuilder<? extends Trigger> schedule) {
        return TriggerBuilder.newTrigger()
                .forJob(job)
                .withIdentity(job.getKey().getName(), job.getKey().getGroup())
                .withSchedule(schedule)
                .build();
    }

    /** The task the running job was declared with. */
    public static String task(JobExecutionContext context) {
        String task = context.getMergedJobDataMap().getString(TASK);
        return task == null ? context.getJobDetail().getKey().getName() : task;
    }
}
