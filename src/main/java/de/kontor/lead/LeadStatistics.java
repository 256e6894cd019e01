package de.kontor.lead;

import de.kontor.lead.LeadModel.MonthCount;
import de.kontor.lead.LeadModel.Stats;
import de.kontor.lead.LeadModel.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of active leads: by status, tag, source and owner, new ones per month, tasks. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LeadStatistics {

    private static final String OPEN_TASKS = "select count(*) from lead_activity a join lead_institution i "
            + "on i.id = a.institution_id where a.kind = 'TASK' and not a.done and i.archived_at is null";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    LeadStatistics(JdbcClient jdbc, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /** One group of a count by some column. */
    private record Group(String label, long count) {}

    Stats stats() {
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            byStatus.put(s, 0L);
        }
        counts("select status as label, count(*) as count from lead_institution where archived_at is null "
                        + "group by status")
                .forEach((status, count) -> byStatus.put(Status.valueOf(status), count));
        Map<String, Long> byTag = counts("select t.name as label, count(*) as count from lead_institution_tag it "
                + "join lead_tag t on t.id = it.tag_id join lead_institution i on i.id = it.institution_id "
                + "where i.archived_at is null group by t.name order by count(*) desc, t.name");
        Map<String, Long> bySource = counts("select coalesce(source, '–') as label, count(*) as count "
                + "from lead_institution where archived_at is null group by coalesce(source, '–') "
                + "order by count(*) desc");
        Map<String, Long> byOwner = counts("select coalesce(owner, '–') as label, count(*) as count "
                + "from lead_institution where archived_at is null group by coalesce(owner, '–') "
                + "order by count(*) desc");
        long won = byStatus.get(Status.WON);
        long lost = byStatus.get(Status.LOST);
        Double rate = won + lost == 0 ? null : (double) won / (won + lost);
        long open = jdbc.sql(OPEN_TASKS).query(Long.class).single();
        long overdue = jdbc.sql(OPEN_TASKS + " and a.due_date < ?")
                .param(LocalDate.ofInstant(clock.instant(), zone))
                .query(Long.class)
                .single();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Stats(total, byStatus, byTag, bySource, byOwner, perMonth(), won, lost, rate, open, overdue);
    }

    /** New active leads in each of the last twelve months (in the display zone), the oldest first. */
    private List<MonthCount> perMonth() {
        YearMonth now = YearMonth.from(clock.instant().atZone(zone));
        Map<String, Long> months = new LinkedHashMap<>();
        for (int k = 11; k >= 0; k--) {
            months.put(now.minusMonths(k).toString(), 0L);
        }
        jdbc.sql("select created_at from lead_institution where archived_at is null and created_at >= ?")
                .param(now.minusMonths(11).atDay(1).atStartOfDay(zone).toInstant())
                .query(Instant.class)
                .list()
                .forEach(created -> months.computeIfPresent(
                        YearMonth.from(created.atZone(zone)).toString(), (m, c) -> c + 1));
        return months.entrySet().stream()
                .map(e -> new MonthCount(e.getKey(), e.getValue()))
                .toList();
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).query(Group.class).list().forEach(g -> counts.put(g.label(), g.count()));
        return counts;
    }
}
