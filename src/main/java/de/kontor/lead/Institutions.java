package de.kontor.lead;

import de.kontor.base.Emails;
import de.kontor.base.Texts;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Tag;
import de.kontor.lead.LeadModel.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The institutions themselves: read, create, change (optimistically, by version), archive and
 * restore, each with its timeline entries and audit entry. Callers hold the transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Institutions {

    private static final String SELECT = "select id, name, type, street, postal_code, city, country, website, "
            + "phone, email, status, source, owner, customer_id, archived_at, created_at, updated_at, version "
            + "from lead_institution where id = ?";

    private final JdbcClient jdbc;
    private final LeadTags tags;
    private final LeadTimeline timeline;
    private final AuditService audit;
    private final Clock clock;

    Institutions(JdbcClient jdbc, LeadTags tags, LeadTimeline timeline, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.tags = tags;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    Institution get(long id) {
        return read(SELECT, id);
    }

    /** Reads the institution and locks its row until the transaction ends (for check-then-write). */
    Institution lock(long id) {
        return read(SELECT + " for update", id);
    }

    private Institution read(String sql, long id) {
        List<Tag> tagsOf = tags.of(id);
        return jdbc.sql(sql)
                .param(id)
                .query((rs, n) -> institution(rs, tagsOf))
                .optional()
                .orElseThrow(() -> DomainException.notFound("LEAD_NOT_FOUND", "lead.notFound", id));
    }

    private static Institution institution(ResultSet rs, List<Tag> tags) throws SQLException {
        Object customerId = rs.getObject("customer_id");
        return new Institution(
                rs.getLong("id"),
                rs.getString("name"),
                Type.valueOf(rs.getString("type")),
                rs.getString("street"),
                rs.getString("postal_code"),
                rs.getString("city"),
                rs.getString("country"),
                rs.getString("website"),
                rs.getString("phone"),
                rs.getString("email"),
                Status.valueOf(rs.getString("status")),
                rs.getString("source"),
                rs.getString("owner"),
                tags,
                customerId == null ? null : ((Number) customerId).longValue(),
                rs.getObject("archived_at", Instant.class),
                rs.getObject("created_at", Instant.class),
                rs.getObject("updated_at", Instant.class),
                rs.getLong("version"));
    }

    Institution create(InstitutionDraft draft) {
        InstitutionDraft d = validate(draft);
        Instant now = clock.instant();
        long id = LeadRows.insert(jdbc.sql("insert into lead_institution (name, type, street, postal_code, city, "
                        + "country, website, phone, email, status, source, owner, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(columns(d))
                .params(now, now));
        tags.link(id, d.tags());
        timeline.change(id, "lead.change.created", d.name());
        audit.record(LeadService.MODULE, "Institution", id, "CREATE", "Lead " + d.name() + " created");
        return get(id);
    }

    /** Saves the draft over the institution if nobody changed it since {@code expectedVersion}. */
    Institution update(long id, long expectedVersion, InstitutionDraft draft) {
        InstitutionDraft d = validate(draft);
        Institution before = get(id);
        int changed = jdbc.sql("update lead_institution set name = ?, type = ?, street = ?, postal_code = ?, "
                        + "city = ?, country = ?, website = ?, phone = ?, email = ?, status = ?, source = ?, owner = ?, "
                        + "updated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(columns(d))
                .params(clock.instant(), id, expectedVersion)
                .update();
        if (changed == 0) {
            throw new ConcurrentChangeException();
        }
        tags.link(id, d.tags());
        if (before.status() != d.status()) {
            timeline.change(
                    id, "lead.change.status", before.status().name(), d.status().name());
        }
        if (!Objects.equals(before.owner(), d.owner())) {
            timeline.change(id, "lead.change.owner", String.valueOf(before.owner()), String.valueOf(d.owner()));
        }
        audit.record(LeadService.MODULE, "Institution", id, "UPDATE", "Lead " + d.name() + " changed");
        return get(id);
    }

    private static Object[] columns(InstitutionDraft d) {
        return new Object[] {
            d.name(),
            d.type() == null ? Type.OTHER.name() : d.type().name(),
            d.street(),
            d.postalCode(),
            d.city(),
            d.country(),
            d.website(),
            d.phone(),
            d.email(),
            d.status() == null ? Status.NEW.name() : d.status().name(),
            d.source(),
            d.owner()
        };
    }

    Institution setStatus(long id, Status status) {
        Institution i = get(id);
        return update(id, i.version(), draftOf(i, status));
    }

    /** The institution as a draft, with another status. */
    static InstitutionDraft draftOf(Institution i, Status status) {
        return new InstitutionDraft(
                i.name(),
                i.type(),
                i.street(),
                i.postalCode(),
                i.city(),
                i.country(),
                i.website(),
                i.phone(),
                i.email(),
                status,
                i.source(),
                i.owner(),
                tagNames(i));
    }

    static Set<String> tagNames(Institution i) {
        return new TreeSet<>(i.tags().stream().map(Tag::name).toList());
    }

    Institution archive(long id) {
        return archived(id, clock.instant(), "lead.change.archived", "ARCHIVE", " archived");
    }

    Institution restore(long id) {
        return archived(id, null, "lead.change.restored", "RESTORE", " restored");
    }

    private Institution archived(long id, @Nullable Instant at, String change, String action, String summary) {
        Institution i = get(id);
        jdbc.sql("update lead_institution set archived_at = ?, version = version + 1 where id = ?")
                .params(at, id)
                .update();
        timeline.change(id, change);
        audit.record(LeadService.MODULE, "Institution", id, action, "Lead " + i.name() + summary);
        return get(id);
    }

    /** Links the institution with the customer made from it and marks it won. */
    void markConverted(long id, long customerId) {
        jdbc.sql("update lead_institution set customer_id = ?, status = 'WON', updated_at = ?, version = version + 1 "
                        + "where id = ?")
                .params(customerId, clock.instant(), id)
                .update();
    }

    /**
     * Forgets the link of leads converted into a customer that was deleted, so their page no longer points
     * at it and they can be converted again; the timeline says why.
     */
    void unlinkCustomer(long customerId, String customerNumber) {
        List<Long> linked = jdbc.sql("select id from lead_institution where customer_id = ? for update")
                .param(customerId)
                .query(Long.class)
                .list();
        for (long id : linked) {
            jdbc.sql("update lead_institution set customer_id = null, updated_at = ?, version = version + 1 "
                            + "where id = ?")
                    .params(clock.instant(), id)
                    .update();
            timeline.change(id, "lead.change.customerDeleted", customerNumber);
            audit.record(
                    LeadService.MODULE,
                    "Institution",
                    id,
                    "UNLINK",
                    "Lead no longer linked to deleted customer " + customerNumber);
        }
    }

    /** An institution's or contact's name: stripped, required, at most 200 characters; else a field error. */
    static String name(@Nullable String raw) {
        String name = Texts.blankToNull(raw);
        if (name == null || name.length() > 200) {
            throw DomainException.invalidField("name", "NAME_REQUIRED", "lead.name.required");
        }
        return name;
    }

    /** An e-mail address stripped, or null when none was given; a field error when it is no address. */
    static @Nullable String email(@Nullable String raw) {
        String email = Texts.blankToNull(raw);
        if (email != null && !Emails.valid(email)) {
            throw DomainException.invalidField("email", "INVALID_EMAIL", "lead.email.invalid");
        }
        return email;
    }

    /** The draft trimmed, with defaults, or a field error (no database: callers may catch it). */
    static InstitutionDraft validate(InstitutionDraft d) {
        String name = name(d.name());
        String email = email(d.email());
        String country = Texts.blankToNull(d.country());
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw DomainException.invalidField("country", "INVALID_COUNTRY", "lead.country.invalid");
        }
        String website = Texts.blankToNull(d.website());
        if (website != null && (website.length() > 255 || website.contains(" "))) {
            throw DomainException.invalidField("website", "INVALID_WEBSITE", "lead.website.invalid");
        }
        Set<String> tagSet = new TreeSet<>();
        if (d.tags() != null) {
            for (String t : d.tags()) {
                String tag = Texts.blankToNull(t);
                if (tag != null) {
                    if (tag.length() > LeadTags.NAME_MAX) {
                        throw DomainException.invalidField(
                                "tags", "TAG_TOO_LONG", "lead.tag.tooLong", LeadTags.NAME_MAX);
                    }
                    tagSet.add(tag);
                }
            }
        }
        return new InstitutionDraft(
                name,
                d.type() == null ? Type.OTHER : d.type(),
                Texts.blankToNull(d.street()),
                Texts.blankToNull(d.postalCode()),
                Texts.blankToNull(d.city()),
                country == null ? null : country.toUpperCase(Locale.ROOT),
                website,
                Texts.blankToNull(d.phone()),
                email,
                d.status() == null ? Status.NEW : d.status(),
                Texts.blankToNull(d.source()),
                Texts.blankToNull(d.owner()),
                tagSet);
    }
}
