package de.kontor.lead;

import de.kontor.base.db.Like;
import de.kontor.base.db.Rows;
import de.kontor.lead.LeadModel.LeadQuery;
import de.kontor.lead.LeadModel.LeadRow;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The leads list: search across institutions, their contacts and notes, filters, sort and paging, and
 * the distinct values the filters offer.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LeadSearch {

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "name", "i.name",
            "city", "i.city",
            "status", "i.status",
            "owner", "i.owner",
            "source", "i.source",
            "createdAt", "i.created_at",
            "type", "i.type");

    private final JdbcClient jdbc;
    private final ZoneId zone;

    LeadSearch(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    Slice<LeadRow> find(LeadQuery query, Pageable page) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        String order = Rows.orderBy(page.getSort(), SORT_COLUMNS, "i.name asc");
        String primary = "from lead_contact c where c.institution_id = i.id order by c.is_primary desc, c.id limit 1";
        List<LeadRow> rows = jdbc.sql("select i.id, i.name, i.type, i.city, i.status, i.source, i.owner, "
                        + "coalesce((select group_concat(t.name order by t.name separator ', ') "
                        + "from lead_institution_tag it join lead_tag t on t.id = it.tag_id "
                        + "where it.institution_id = i.id), '') as tags, "
                        + "(select c.name " + primary + ") as primary_contact, "
                        + "(select c.email " + primary + ") as primary_email, "
                        + "i.created_at from lead_institution i " + where + " order by " + order
                        + ", i.id limit ? offset ?")
                .params(args)
                .params(page.getPageSize() + 1, page.getOffset())
                .query(LeadRow.class)
                .list();
        return Rows.slice(rows, page);
    }

    long count(LeadQuery query) {
        List<Object> args = new ArrayList<>();
        return jdbc.sql("select count(*) from lead_institution i " + where(query, args))
                .params(args)
                .query(Long.class)
                .single();
    }

    private String where(LeadQuery q, List<Object> args) {
        StringBuilder w =
                new StringBuilder(q.archived() ? "where i.archived_at is not null" : "where i.archived_at is null");
        if (q.text() != null && !q.text().isBlank()) {
            String like = Like.contains(q.text());
            w.append(" and (lower(i.name) like ? or lower(i.city) like ? or lower(i.email) like ? "
                    + "or lower(i.website) like ? or exists (select 1 from lead_contact c where c.institution_id = i.id "
                    + "and (lower(c.name) like ? or lower(c.email) like ?)) or exists (select 1 from lead_note n "
                    + "where n.institution_id = i.id and n.archived_at is null and lower(n.text) like ?))");
            for (int k = 0; k < 7; k++) {
                args.add(like);
            }
        }
        if (!q.statuses().isEmpty()) {
            w.append(" and i.status in (")
                    .append(String.join(",", q.statuses().stream().map(s -> "?").toList()))
                    .append(")");
            q.statuses().forEach(s -> args.add(s.name()));
        }
        for (String tag : q.tags()) {
            w.append(" and exists (select 1 from lead_institution_tag it join lead_tag t on t.id = it.tag_id "
                    + "where it.institution_id = i.id and t.name = ?)");
            args.add(tag);
        }
        equal(w, args, "i.owner", q.owner());
        equal(w, args, "i.city", q.city());
        equal(w, args, "i.source", q.source());
        if (q.createdFrom() != null) {
            w.append(" and i.created_at >= ?");
            args.add(q.createdFrom().atStartOfDay(zone).toInstant());
        }
        if (q.createdTo() != null) {
            w.append(" and i.created_at < ?");
            args.add(q.createdTo().plusDays(1).atStartOfDay(zone).toInstant());
        }
        return w.toString();
    }

    private static void equal(StringBuilder where, List<Object> args, String column, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value.strip());
        }
    }

    /** Cities of active leads, for the filter. */
    List<String> cities() {
        return distinct("city", " and archived_at is null");
    }

    List<String> sources() {
        return distinct("source", "");
    }

    List<String> owners() {
        return distinct("owner", "");
    }

    private List<String> distinct(String column, String condition) {
        return jdbc.sql("select distinct " + column + " from lead_institution where " + column + " is not null"
                        + condition + " order by " + column)
                .query(String.class)
                .list();
    }
}
