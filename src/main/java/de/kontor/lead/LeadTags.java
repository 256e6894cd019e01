package de.kontor.lead;

import de.kontor.base.Texts;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.lead.LeadModel.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tags with a colour, shared by all institutions: renaming one renames it everywhere. Callers hold the
 * transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LeadTags {

    static final int NAME_MAX = 50;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final JdbcClient jdbc;
    private final LeadTimeline timeline;
    private final AuditService audit;

    LeadTags(JdbcClient jdbc, LeadTimeline timeline, AuditService audit) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.audit = audit;
    }

    List<Tag> all() {
        return jdbc.sql("select id, name, color from lead_tag order by name")
                .query(Tag.class)
                .list();
    }

    /** The tags of one institution, by name. */
    List<Tag> of(long institutionId) {
        return jdbc.sql("select t.id, t.name, t.color from lead_tag t join lead_institution_tag it "
                        + "on it.tag_id = t.id where it.institution_id = ? order by t.name")
                .param(institutionId)
                .query(Tag.class)
                .list();
    }

    private record Usage(long tagId, long leads) {}

    /** How many institutions carry each tag. */
    Map<Long, Long> usage() {
        Map<Long, Long> usage = new LinkedHashMap<>();
        jdbc.sql("select tag_id, count(*) as leads from lead_institution_tag group by tag_id")
                .query(Usage.class)
                .list()
                .forEach(u -> usage.put(u.tagId(), u.leads()));
        return usage;
    }

    Tag create(String name, String color) {
        String n = name(name);
        String c = color(color);
        try {
            long id = LeadRows.insert(
                    jdbc.sql("insert into lead_tag (name, color) values (?, ?)").params(n, c));
            audit.record(LeadService.MODULE, "Tag", id, "CREATE", "Lead tag " + n + " created");
            return new Tag(id, n, c);
        } catch (DuplicateKeyException e) {
            throw taken(n);
        }
    }

    /** Renames or recolours a tag; every institution with it shows the new name at once. */
    Tag update(long id, String name, String color) {
        String n = name(name);
        String c = color(color);
        try {
            int changed = jdbc.sql("update lead_tag set name = ?, color = ? where id = ?")
                    .params(n, c, id)
                    .update();
            if (changed == 0) {
                throw DomainException.notFound("TAG_NOT_FOUND", "lead.tag.notFound", id);
            }
        } catch (DuplicateKeyException e) {
            throw taken(n);
        }
        audit.record(LeadService.MODULE, "Tag", id, "UPDATE", "Lead tag renamed to " + n);
        return new Tag(id, n, c);
    }

    void delete(long id) {
        jdbc.sql("delete from lead_tag where id = ?").param(id).update();
        audit.record(LeadService.MODULE, "Tag", id, "DELETE", "Lead tag #" + id + " deleted");
    }

    /**
     * Gives the institution exactly these tags (creating unknown ones); a change of existing tags goes
     * to the timeline.
     */
    void link(long institutionId, @Nullable Set<String> names) {
        Set<Long> before = linked(institutionId);
        jdbc.sql("delete from lead_institution_tag where institution_id = ?")
                .param(institutionId)
                .update();
        if (names == null) {
            return;
        }
        for (String name : names) {
            long tagId = jdbc.sql("select id from lead_tag where name = ?")
                    .param(name)
                    .query(Long.class)
                    .optional()
                    .orElseGet(() -> LeadRows.insert(
                            jdbc.sql("insert into lead_tag (name) values (?)").param(name)));
            jdbc.sql("insert ignore into lead_institution_tag (institution_id, tag_id) values (?, ?)")
                    .params(institutionId, tagId)
                    .update();
        }
        if (!before.isEmpty() && !before.equals(linked(institutionId))) {
            timeline.change(institutionId, "lead.change.tags", String.join(", ", names));
        }
    }

    private Set<Long> linked(long institutionId) {
        return new TreeSet<>(jdbc.sql("select tag_id from lead_institution_tag where institution_id = ?")
                .param(institutionId)
                .query(Long.class)
                .list());
    }

    private static String name(@Nullable String name) {
        String n = Texts.blankToNull(name);
        if (n == null || n.length() > NAME_MAX) {
            throw DomainException.invalidField("name", "TAG_NAME_REQUIRED", "lead.tag.name", NAME_MAX);
        }
        return n;
    }

    private static String color(@Nullable String color) {
        String c = color == null || color.isBlank() ? "#64748b" : color.strip();
        if (!COLOR.matcher(c).matches()) {
            throw DomainException.invalidField("color", "INVALID_COLOR", "lead.tag.color");
        }
        return c.toLowerCase(Locale.ROOT);
    }

    private static DomainException taken(String name) {
        return DomainException.conflict("TAG_TAKEN", "lead.tag.taken", name).onField("name");
    }
}
