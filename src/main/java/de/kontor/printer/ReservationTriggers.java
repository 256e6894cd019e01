package de.kontor.printer;

import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * The Quartz side of reservations: a trigger at start − warm-up ("start") and one at the end ("end", and
 * again after a while as long as the printer still draws power), both firing {@link ReservationJob}.
 * Scheduling inside a transaction joins it (Quartz's JDBC store uses Kontor's data source), so a
 * reservation and its triggers are stored or dropped together.
 */
@Component
class ReservationTriggers {

    private final Scheduler scheduler;
    private final Clock clock;

    ReservationTriggers(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Kontor's clock may run ahead in tests; Quartz fires on the system clock. */
    private Date fireTime(Instant at) {
        return Date.from(Instant.now().plus(Duration.between(clock.instant(), at)));
    }

    void schedule(long reservationId, String phase, Instant at) {
        TriggerKey key = TriggerKey.triggerKey(phase + "-" + reservationId, ReservationJob.GROUP);
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(key)
                .forJob(JobKey.jobKey("reservation", ReservationJob.GROUP))
                .usingJobData(
                        new JobDataMap(Map.of(ReservationJob.RESERVATION, reservationId, ReservationJob.PHASE, phase)))
                .startAt(fireTime(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            ensureJob();
            if (scheduler.checkExists(key)) {
                scheduler.rescheduleJob(key, trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule reservation #" + reservationId, e);
        }
    }

    void unschedule(long reservationId, String phase) {
        try {
            scheduler.unscheduleJob(TriggerKey.triggerKey(phase + "-" + reservationId, ReservationJob.GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot unschedule reservation #" + reservationId, e);
        }
    }

    /** When the trigger fires next, if it is scheduled. */
    Optional<Instant> next(long reservationId, String phase) {
        try {
            Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(phase + "-" + reservationId, ReservationJob.GROUP));
            return t == null || t.getNextFireTime() == null
                    ? Optional.empty()
                    : Optional.of(t.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pauses or resumes everything the printers schedule (polling and reservations). */
    void pause(boolean paused) {
        try {
            for (String group : new String[] {ReservationJob.GROUP, "printer"}) {
                if (paused) {
                    scheduler.pauseTriggers(GroupMatcher.triggerGroupEquals(group));
                } else {
                    scheduler.resumeTriggers(GroupMatcher.triggerGroupEquals(group));
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether Quartz runs on this node and the printer triggers are not paused; how many are waiting. */
    record Status(boolean schedulerRunning, boolean paused, int reservationTriggers) {}

    Status status() {
        try {
            boolean running = scheduler.isStarted() && !scheduler.isInStandbyMode();
            boolean paused = scheduler.getPausedTriggerGroups().contains(ReservationJob.GROUP);
            int waiting = scheduler
                    .getTriggerKeys(GroupMatcher.triggerGroupEquals(ReservationJob.GROUP))
                    .size();
            return new Status(running, paused, waiting);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ensureJob() throws SchedulerException {
        JobKey key = JobKey.jobKey("reservation", ReservationJob.GROUP);
        if (!scheduler.checkExists(key)) {
            try {
                scheduler.addJob(
                        JobBuilder.newJob(ReservationJob.class)
                                .withIdentity(key)
                                .storeDurably()
                                .requestRecovery()
                                .build(),
                        false);
            } catch (ObjectAlreadyExistsException raced) {
                // another node or thread added it first
            }
        }
    }
}
