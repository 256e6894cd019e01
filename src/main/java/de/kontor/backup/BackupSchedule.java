package de.kontor.backup;

import org.quartz.CronExpression;
import org.springframework.stereotype.Component;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

/** When the scheduled backup is due, read from the same cron expression the Quartz trigger runs on. */
@Component
class BackupSchedule {

    /** A scheduled backup may start late (misfire, a busy node) and take a while before it counts as missing. */
    static final Duration GRACE = Duration.ofHours(1);

    private final BackupProperties properties;
    private final ZoneId zone;
    private final Instant started;

    BackupSchedule(BackupProperties properties, ZoneId zone, Clock clock) {
        this.properties = properties;
        this.zone = zone;
        this.started = clock.instant();
    }

    /**
     * Whether the schedule should have made a backup after {@code newest} (or after this node started, when
     * there is none) more than {@link #GRACE} before {@code now}. Never, when scheduled backups are off.
     */
    boolean overdue(Instant newest, Instant now) {
        if (!properties.scheduled()) {
            return false;
        }
        try {
            CronExpression cron = new CronExpression(properties.schedule());
            cron.setTimeZone(TimeZone.getTimeZone(zone));
            Instant after = newest.isAfter(started) ? newest : started;
            Date due = cron.getNextValidTimeAfter(Date.from(after));
            return due != null && due.toInstant().plus(GRACE).isBefore(now);
        } catch (ParseException e) {
            // the trigger refuses the same expression at start-up
            return false;
        }
    }
}
