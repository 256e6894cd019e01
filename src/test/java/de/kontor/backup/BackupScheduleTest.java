package de.kontor.backup;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A scheduled backup counts as missing once its schedule should have made one more than an hour ago. */
class BackupScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // 2026-12-01 00:00 in Berlin
    private static final Instant START = Instant.parse("2026-11-30T23:00:00Z");

    private static BackupProperties daily(boolean scheduled) {
        return new BackupProperties(null, scheduled, "0 30 2 * * ?", 7, null, null, null, Duration.ofHours(1));
    }

    @Test
    void aDailyBackupIsOverdueAnHourAfterItsTimePassedWithoutOne() {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        BackupSchedule schedule = new BackupSchedule(daily(true), BERLIN, clock);
        Instant newest = START.minus(Duration.ofHours(3));

        // due at 02:30 Berlin (01:30 UTC); an hour of grace
        assertThat(schedule.overdue(newest, Instant.parse("2026-12-01T02:29:00Z")))
                .isFalse();
        assertThat(schedule.overdue(newest, Instant.parse("2026-12-01T02:31:00Z")))
                .isTrue();
        // the backup of that night arrived: due again the next night
        Instant made = Instant.parse("2026-12-01T01:31:00Z");
        assertThat(schedule.overdue(made, Instant.parse("2026-12-02T02:29:00Z")))
                .isFalse();
        assertThat(schedule.overdue(made, Instant.parse("2026-12-02T02:31:00Z")))
                .isTrue();
    }

    @Test
    void withoutAnyBackupTheScheduleCountsFromTheStartOfThisNode() {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        BackupSchedule schedule = new BackupSchedule(daily(true), BERLIN, clock);

        assertThat(schedule.overdue(Instant.EPOCH, Instant.parse("2026-12-01T02:00:00Z")))
                .isFalse();
        assertThat(schedule.overdue(Instant.EPOCH, Instant.parse("2026-12-01T02:31:00Z")))
                .isTrue();
    }

    @Test
    void nothingIsOverdueWhenScheduledBackupsAreOff() {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        BackupSchedule schedule = new BackupSchedule(daily(false), BERLIN, clock);

        assertThat(schedule.overdue(Instant.EPOCH, START.plus(Duration.ofDays(30))))
                .isFalse();
    }
}
