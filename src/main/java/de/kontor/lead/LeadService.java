package de.kontor.lead;

import com.github.difflib.DiffUtils;
import de.kontor.base.CurrentUser;
import de.kontor.base.Emails;
import de.kontor.base.audit.AuditService;
import de.kontor.base.db.Inserts;
import de.kontor.base.db.Like;
import de.kontor.base.db.Rows;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.base.importing.ColumnMapping;
import de.kontor.base.importing.ImportPreview;
import de.kontor.base.importing.ImportSummary;
import de.kontor.base.importing.ImportTable;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerService;
import de.kontor.lead.LeadModel.Activity;
import de.kontor.lead.LeadModel.ActivityDraft;
import de.kontor.lead.LeadModel.ActivityKind;
import de.kontor.lead.LeadModel.Contact;
import de.kontor.lead.LeadModel.ContactDraft;
import de.kontor.lead.LeadModel.DiffKind;
import de.kontor.lead.LeadModel.DiffPart;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.LeadQuery;
import de.kontor.lead.LeadModel.LeadRow;
import de.kontor.lead.LeadModel.MonthCount;
import de.kontor.lead.LeadModel.Note;
import de.kontor.lead.LeadModel.NoteRevision;
import de.kontor.lead.LeadModel.Stats;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Tag;
import de.kontor.lead.LeadModel.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Leads: institutions with contact persons, versioned notes, tags and activities, a timeline that also
 * records changes by itself, conversion to a customer, statistics, import and export.
 */
@Service
public class LeadService {

    static final String MODULE = "lead";
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CustomerService customers;
    private final AuditService audit;
    private final Clock clock;
    private final ZoneId zone;
    private final LeadImporter importer;

    LeadService(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            CustomerService customers,
            AuditService audit,
            Clock clock,
            ZoneId zone) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.importer = new LeadImporter(this, jdbc, tx, clock);
    }

    static String me() {
        return CurrentUser.username().orElse("system");
    }

    // ---- institutions ----------------------------------------------------------------------------------

    private static final String SELECT =
            "select id, name, type, street, postal_code, city, country, website, phone, email, "
                    + "status, source, owner, customer_id, archived_at, created_at, updated_at, version from lead_institution ";

    private RowMapper<Institution> institution() {
        return (rs, i) -> {
            long id = rs.getLong(1);
            return new Institution(
                    id,
                    rs.getString(2),
                    Type.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    Status.valueOf(rs.getString(11)),
                    rs.getString(12),
                    rs.getString(13),
                    List.of(),
                    (Long) rs.getObject(14),
                    Rows.instant(rs.getTimestamp(15)),
                    rs.getTimestamp(16).toInstant(),
                    rs.getTimestamp(17).toInstant(),
                    rs.getLong(18));
        };
    }

    public Institution get(long id) {
        Institution base = jdbc.query(SELECT + "where id = ?", institution(), id).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("LEAD_NOT_FOUND", "lead.notFound", id));
        return withTags(base);
    }

    private Institution withTags(Institution i) {
        List<Tag> tags = jdbc.query(
                "select t.id, t.name, t.color from lead_tag t join lead_institution_tag it "
                        + "on it.tag_id = t.id where it.institution_id = ? order by t.name",
                TAG,
                i.id());
        return new Institution(
                i.id(),
                i.name(),
                i.type(),
                i.street(),
                i.postalCode(),
                i.city(),
                i.country(),
                i.website(),
                i.phone(),
                i.email(),
                i.status(),
                i.source(),
                i.owner(),
                tags,
                i.customerId(),
                i.archivedAt(),
                i.createdAt(),
                i.updatedAt(),
                i.version());
    }

    public Institution create(InstitutionDraft draft) {
        InstitutionDraft d = validate(draft);
        long id = tx.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            long created = Inserts.returningId(
                    jdbc,
                    "insert into lead_institution (name, type, street, postal_code, city, "
                            + "country, website, phone, email, status, source, owner, created_at, updated_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    d.name(),
                    d.type().name(),
                    d.street(),
                    d.postalCode(),
                    d.city(),
                    d.country(),
                    d.website(),
                    d.phone(),
                    d.email(),
                    d.status().name(),
                    d.source(),
                    d.owner(),
                    now,
                    now);
            setTags(created, d.tags());
            change(created, "lead.change.created", d.name());
            audit.record(MODULE, "Institution", created, "CREATE", "Lead " + d.name() + " created");
            return created;
        });
        return get(id);
    }

    public Institution update(long id, long expectedVersion, InstitutionDraft draft) {
        InstitutionDraft d = validate(draft);
        tx.executeWithoutResult(status -> {
            Institution before = get(id);
            int changed = jdbc.update(
                    "update lead_institution set name = ?, type = ?, street = ?, postal_code = ?, city = ?, "
                            + "country = ?, website = ?, phone = ?, email = ?, status = ?, source = ?, owner = ?, updated_at = ?, "
                            + "version = version + 1 where id = ? and version = ?",
                    d.name(),
                    d.type().name(),
                    d.street(),
                    d.postalCode(),
                    d.city(),
                    d.country(),
                    d.website(),
                    d.phone(),
                    d.email(),
                    d.status().name(),
                    d.source(),
                    d.owner(),
                    Timestamp.from(clock.instant()),
                    id,
                    expectedVersion);
            if (changed == 0) {
                throw new ConcurrentChangeException();
            }
            setTags(id, d.tags());
            if (before.status() != d.status()) {
                change(
                        id,
                        "lead.change.status",
                        before.status().name(),
                        d.status().name());
            }
            if (!Objects.equals(before.owner(), d.owner())) {
                change(id, "lead.change.owner", String.valueOf(before.owner()), String.valueOf(d.owner()));
            }
            audit.record(MODULE, "Institution", id, "UPDATE", "Lead " + d.name() + " changed");
        });
        return get(id);
    }

    /** Sets only the status (e.g. from the list), with a timeline entry. */
    public Institution setStatus(long id, Status status) {
        Institution i = get(id);
        return update(
                id,
                i.version(),
                new InstitutionDraft(
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
                        new TreeSet<>(i.tags().stream().map(Tag::name).toList())));
    }

    public Institution archive(long id) {
        Institution i = get(id);
        jdbc.update(
                "update lead_institution set archived_at = ?, version = version + 1 where id = ?",
                Timestamp.from(clock.instant()),
                id);
        change(id, "lead.change.archived");
        audit.record(MODULE, "Institution", id, "ARCHIVE", "Lead " + i.name() + " archived");
        return get(id);
    }

    public Institution restore(long id) {
        Institution i = get(id);
        jdbc.update("update lead_institution set archived_at = null, version = version + 1 where id = ?", id);
        change(id, "lead.change.restored");
        audit.record(MODULE, "Institution", id, "RESTORE", "Lead " + i.name() + " restored");
        return get(id);
    }

    InstitutionDraft validate(InstitutionDraft d) {
        String name = trim(d.name());
        if (name == null || name.length() > 200) {
            throw DomainException.invalidField("name", "NAME_REQUIRED", "lead.name.required");
        }
        String email = trim(d.email());
        if (email != null && !Emails.valid(email)) {
            throw DomainException.invalidField("email", "INVALID_EMAIL", "lead.email.invalid");
        }
        String country = trim(d.country());
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw DomainException.invalidField("country", "INVALID_COUNTRY", "lead.country.invalid");
        }
        String website = trim(d.website());
        if (website != null && (website.length() > 255 || website.contains(" "))) {
            throw DomainException.invalidField("website", "INVALID_WEBSITE", "lead.website.invalid");
        }
        Set<String> tags = new TreeSet<>();
        if (d.tags() != null) {
            for (String t : d.tags()) {
                String tag = trim(t);
                if (tag != null) {
                    if (tag.length() > 50) {
                        throw DomainException.invalidField("tags", "TAG_TOO_LONG", "lead.tag.tooLong", 50);
                    }
                    tags.add(tag);
                }
            }
        }
        return new InstitutionDraft(
                name,
                d.type() == null ? Type.OTHER : d.type(),
                trim(d.street()),
                trim(d.postalCode()),
                trim(d.city()),
                country == null ? null : country.toUpperCase(Locale.ROOT),
                website,
                trim(d.phone()),
                email,
                d.status() == null ? Status.NEW : d.status(),
                trim(d.source()),
                trim(d.owner()),
                tags);
    }

    static @Nullable String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void setTags(long institutionId, @Nullable Set<String> names) {
        List<Long> before = jdbc.queryForList(
                "select tag_id from lead_institution_tag where institution_id = ?", Long.class, institutionId);
        jdbc.update("delete from lead_institution_tag where institution_id = ?", institutionId);
        if (names == null) {
            return;
        }
        for (String name : names) {
            long tagId = jdbc.query("select id from lead_tag where name = ?", (rs, i) -> rs.getLong(1), name).stream()
                    .findFirst()
                    .orElseGet(() -> Inserts.returningId(jdbc, "insert into lead_tag (name) values (?)", name));
            jdbc.update(
                    "insert ignore into lead_institution_tag (institution_id, tag_id) values (?, ?)",
                    institutionId,
                    tagId);
        }
        List<Long> after = jdbc.queryForList(
                "select tag_id from lead_institution_tag where institution_id = ?", Long.class, institutionId);
        if (!new TreeSet<>(before).equals(new TreeSet<>(after)) && !before.isEmpty()) {
            change(institutionId, "lead.change.tags", String.join(", ", names));
        }
    }

    // ---- the list ----------------------------------------------------------------------------------------

    /** Leads matching the query (search over institutions, contacts and notes), in the page's sort. */
    public Slice<LeadRow> find(LeadQuery query, Pageable page) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        String order = Rows.orderBy(page.getSort(), SORT_COLUMNS, "i.name asc");
        args.add(page.getPageSize() + 1);
        args.add(page.getOffset());
        List<LeadRow> rows = jdbc.query(
                "select i.id, i.name, i.type, i.city, i.status, i.source, i.owner, "
                        + "(select group_concat(t.name order by t.name separator ', ') from lead_institution_tag it "
                        + "join lead_tag t on t.id = it.tag_id where it.institution_id = i.id), "
                        + "(select c.name from lead_contact c where c.institution_id = i.id order by c.is_primary desc, c.id limit 1), "
                        + "(select c.email from lead_contact c where c.institution_id = i.id order by c.is_primary desc, c.id limit 1), "
                        + "i.created_at from lead_institution i " + where + " order by " + order
                        + ", i.id limit ? offset ?",
                (rs, i) -> new LeadRow(
                        rs.getLong(1),
                        rs.getString(2),
                        Type.valueOf(rs.getString(3)),
                        rs.getString(4),
                        Status.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8) == null ? "" : rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getTimestamp(11).toInstant()),
                args.toArray());
        return Rows.slice(rows, page);
    }

    public long count(LeadQuery query) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject(
                "select count(*) from lead_institution i " + where(query, args), Long.class, args.toArray());
    }

    private String where(LeadQuery q, List<Object> args) {
        StringBuilder w =
                new StringBuilder(q.archived() ? "where i.archived_at is not null" : "where i.archived_at is null");
        if (q.text() != null && !q.text().isBlank()) {
            String like = Like.contains(q.text());
            w.append(
                    " and (lower(i.name) like ? or lower(i.city) like ? or lower(i.email) like ? or lower(i.website) like ? "
                            + "or exists (select 1 from lead_contact c where c.institution_id = i.id and (lower(c.name) like ? "
                            + "or lower(c.email) like ?)) or exists (select 1 from lead_note n where n.institution_id = i.id "
                            + "and n.archived_at is null and lower(n.text) like ?))");
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
        if (q.owner() != null && !q.owner().isBlank()) {
            w.append(" and i.owner = ?");
            args.add(q.owner());
        }
        if (q.city() != null && !q.city().isBlank()) {
            w.append(" and i.city = ?");
            args.add(q.city().strip());
        }
        if (q.source() != null && !q.source().isBlank()) {
            w.append(" and i.source = ?");
            args.add(q.source().strip());
        }
        if (q.createdFrom() != null) {
            w.append(" and i.created_at >= ?");
            args.add(Timestamp.from(q.createdFrom().atStartOfDay(zone).toInstant()));
        }
        if (q.createdTo() != null) {
            w.append(" and i.created_at < ?");
            args.add(Timestamp.from(q.createdTo().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return w.toString();
    }

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "name",
            "i.name",
            "city",
            "i.city",
            "status",
            "i.status",
            "owner",
            "i.owner",
            "source",
            "i.source",
            "createdAt",
            "i.created_at",
            "type",
            "i.type");

    /** Distinct values for the filters. */
    public List<String> cities() {
        return jdbc.queryForList(
                "select distinct city from lead_institution where city is not null and archived_at is null "
                        + "order by city",
                String.class);
    }

    public List<String> sources() {
        return jdbc.queryForList(
                "select distinct source from lead_institution where source is not null order by source", String.class);
    }

    public List<String> owners() {
        return jdbc.queryForList(
                "select distinct owner from lead_institution where owner is not null order by owner", String.class);
    }

    // ---- contacts -----------------------------------------------------------------------------------------

    private static final RowMapper<Contact> CONTACT = (rs, i) -> new Contact(
            rs.getLong(1),
            rs.getLong(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            rs.getBoolean(8));

    public List<Contact> contacts(long institutionId) {
        return jdbc.query(
                "select id, institution_id, name, position, email, phone, notes, is_primary from lead_contact "
                        + "where institution_id = ? order by is_primary desc, name",
                CONTACT,
                institutionId);
    }

    public Contact addContact(long institutionId, ContactDraft draft) {
        ContactDraft d = validate(draft);
        Institution i = get(institutionId);
        long id = tx.execute(status -> {
            if (d.primary()) {
                jdbc.update("update lead_contact set is_primary = false where institution_id = ?", institutionId);
            }
            long created = Inserts.returningId(
                    jdbc,
                    "insert into lead_contact (institution_id, name, position, email, phone, "
                            + "notes, is_primary, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    institutionId,
                    d.name(),
                    d.position(),
                    d.email(),
                    d.phone(),
                    d.notes(),
                    d.primary(),
                    Timestamp.from(clock.instant()));
            change(institutionId, "lead.change.contactAdded", d.name());
            return created;
        });
        audit.record(MODULE, "Contact", id, "CREATE", "Contact " + d.name() + " added to " + i.name());
        return contacts(institutionId).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow();
    }

    public Contact updateContact(long institutionId, long contactId, ContactDraft draft) {
        ContactDraft d = validate(draft);
        tx.executeWithoutResult(status -> {
            if (d.primary()) {
                jdbc.update("update lead_contact set is_primary = false where institution_id = ?", institutionId);
            }
            int changed = jdbc.update(
                    "update lead_contact set name = ?, position = ?, email = ?, phone = ?, notes = ?, "
                            + "is_primary = ? where id = ? and institution_id = ?",
                    d.name(),
                    d.position(),
                    d.email(),
                    d.phone(),
                    d.notes(),
                    d.primary(),
                    contactId,
                    institutionId);
            if (changed == 0) {
                throw DomainException.notFound("CONTACT_NOT_FOUND", "lead.contact.notFound", contactId);
            }
        });
        return contacts(institutionId).stream()
                .filter(c -> c.id() == contactId)
                .findFirst()
                .orElseThrow();
    }

    /** Removes a contact person; the timeline keeps who it was. */
    public void deleteContact(long institutionId, long contactId) {
        Contact c = contacts(institutionId).stream()
                .filter(x -> x.id() == contactId)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("CONTACT_NOT_FOUND", "lead.contact.notFound", contactId));
        jdbc.update("delete from lead_contact where id = ?", contactId);
        change(
                institutionId,
                "lead.change.contactRemoved",
                c.name() + (c.email() == null ? "" : " <" + c.email() + ">"));
        audit.record(MODULE, "Contact", contactId, "DELETE", "Contact " + c.name() + " removed");
    }

    private static ContactDraft validate(ContactDraft d) {
        String name = trim(d.name());
        if (name == null || name.length() > 200) {
            throw DomainException.invalidField("name", "NAME_REQUIRED", "lead.name.required");
        }
        String email = trim(d.email());
        if (email != null && !Emails.valid(email)) {
            throw DomainException.invalidField("email", "INVALID_EMAIL", "lead.email.invalid");
        }
        return new ContactDraft(name, trim(d.position()), email, trim(d.phone()), trim(d.notes()), d.primary());
    }

    // ---- notes with revisions -----------------------------------------------------------------------------

    private static final RowMapper<Note> NOTE = (rs, i) -> new Note(
            rs.getLong(1),
            rs.getLong(2),
            rs.getString(3),
            rs.getInt(4),
            rs.getString(5),
            rs.getTimestamp(6).toInstant(),
            rs.getString(7),
            rs.getTimestamp(8).toInstant(),
            rs.getTimestamp(9) != null);

    private static final String NOTE_SELECT =
            "select id, institution_id, text, revision, created_by, created_at, updated_by, "
                    + "updated_at, archived_at from lead_note ";

    public List<Note> notes(long institutionId, boolean archived) {
        return jdbc.query(
                NOTE_SELECT + "where institution_id = ? and archived_at is " + (archived ? "not null" : "null")
                        + " order by updated_at desc",
                NOTE,
                institutionId);
    }

    public Note note(long noteId) {
        return jdbc.query(NOTE_SELECT + "where id = ?", NOTE, noteId).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("NOTE_NOT_FOUND", "lead.note.notFound", noteId));
    }

    public Note addNote(long institutionId, String text) {
        String t = noteText(text);
        get(institutionId);
        Timestamp now = Timestamp.from(clock.instant());
        long id = Inserts.returningId(
                jdbc,
                "insert into lead_note (institution_id, text, created_by, created_at, updated_by, "
                        + "updated_at) values (?, ?, ?, ?, ?, ?)",
                institutionId,
                t,
                me(),
                now,
                me(),
                now);
        change(institutionId, "lead.change.noteAdded", excerpt(t));
        return note(id);
    }

    /** A new revision: the previous text is kept (who, when). */
    public Note editNote(long noteId, int expectedRevision, String text) {
        String t = noteText(text);
        tx.executeWithoutResult(status -> {
            Note n = note(noteId);
            if (n.archived()) {
                throw DomainException.conflict("NOTE_ARCHIVED", "lead.note.archived");
            }
            if (n.text().equals(t)) {
                return;
            }
            jdbc.update(
                    "insert into lead_note_revision (note_id, revision, text, edited_by, edited_at) values (?, ?, ?, ?, ?)",
                    noteId,
                    n.revision(),
                    n.text(),
                    n.updatedBy(),
                    Timestamp.from(n.updatedAt()));
            int changed = jdbc.update(
                    "update lead_note set text = ?, revision = revision + 1, updated_by = ?, updated_at = ? "
                            + "where id = ? and revision = ?",
                    t,
                    me(),
                    Timestamp.from(clock.instant()),
                    noteId,
                    expectedRevision);
            if (changed == 0) {
                throw new ConcurrentChangeException();
            }
            change(n.institutionId(), "lead.change.noteEdited", excerpt(t));
        });
        return note(noteId);
    }

    /** Every revision, newest first, the current text included. */
    public List<NoteRevision> history(long noteId) {
        Note n = note(noteId);
        List<NoteRevision> revisions = new ArrayList<>();
        revisions.add(new NoteRevision(noteId, n.revision(), n.text(), n.updatedBy(), n.updatedAt()));
        revisions.addAll(jdbc.query(
                "select note_id, revision, text, edited_by, edited_at from lead_note_revision "
                        + "where note_id = ? order by revision desc",
                (rs, i) -> new NoteRevision(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                noteId));
        return revisions;
    }

    private NoteRevision revision(long noteId, int revision) {
        return history(noteId).stream()
                .filter(r -> r.revision() == revision)
                .findFirst()
                .orElseThrow(
                        () -> DomainException.notFound("REVISION_NOT_FOUND", "lead.note.revisionNotFound", revision));
    }

    /** What changed from revision {@code from} to {@code to}, word by word. */
    public List<DiffPart> diff(long noteId, int from, int to) {
        return diff(revision(noteId, from).text(), revision(noteId, to).text());
    }

    static List<DiffPart> diff(String before, String after) {
        List<String> a = words(before);
        List<String> b = words(after);
        var patch = DiffUtils.diff(a, b);
        List<DiffPart> parts = new ArrayList<>();
        int position = 0;
        for (var delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            if (start > position) {
                parts.add(new DiffPart(DiffKind.SAME, String.join("", a.subList(position, start))));
            }
            if (!delta.getSource().getLines().isEmpty()) {
                parts.add(new DiffPart(
                        DiffKind.REMOVED, String.join("", delta.getSource().getLines())));
            }
            if (!delta.getTarget().getLines().isEmpty()) {
                parts.add(new DiffPart(
                        DiffKind.ADDED, String.join("", delta.getTarget().getLines())));
            }
            position = start + delta.getSource().size();
        }
        if (position < a.size()) {
            parts.add(new DiffPart(DiffKind.SAME, String.join("", a.subList(position, a.size()))));
        }
        return parts;
    }

    /** Words with the whitespace after them, so joining the parts gives the text back. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        var m = Pattern.compile("\\S+\\s*|\\s+").matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Makes an old revision's text current again — as a new revision, so nothing is lost. */
    public Note restoreRevision(long noteId, int revision) {
        NoteRevision old = revision(noteId, revision);
        Note n = note(noteId);
        Note restored = editNote(noteId, n.revision(), old.text());
        change(n.institutionId(), "lead.change.noteRestored", String.valueOf(revision));
        return restored;
    }

    public Note archiveNote(long noteId) {
        Note n = note(noteId);
        jdbc.update("update lead_note set archived_at = ? where id = ?", Timestamp.from(clock.instant()), noteId);
        change(n.institutionId(), "lead.change.noteArchived", excerpt(n.text()));
        return note(noteId);
    }

    public Note restoreNote(long noteId) {
        Note n = note(noteId);
        jdbc.update("update lead_note set archived_at = null where id = ?", noteId);
        change(n.institutionId(), "lead.change.noteUnarchived", excerpt(n.text()));
        return note(noteId);
    }

    private static String noteText(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalidField("text", "TEXT_REQUIRED", "lead.note.required");
        }
        if (text.length() > 20_000) {
            throw DomainException.invalidField("text", "TEXT_TOO_LONG", "lead.note.tooLong", 20_000);
        }
        return text.strip();
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 79) + "…" : oneLine;
    }

    // ---- tags -----------------------------------------------------------------------------------------------

    private static final RowMapper<Tag> TAG = (rs, i) -> new Tag(rs.getLong(1), rs.getString(2), rs.getString(3));

    public List<Tag> tags() {
        return jdbc.query("select id, name, color from lead_tag order by name", TAG);
    }

    public Map<Long, Long> tagUsage() {
        Map<Long, Long> usage = new LinkedHashMap<>();
        jdbc.query("select tag_id, count(*) from lead_institution_tag group by tag_id", rs -> {
            usage.put(rs.getLong(1), rs.getLong(2));
        });
        return usage;
    }

    public Tag createTag(String name, String color) {
        String n = tagName(name);
        String c = color(color);
        try {
            long id = Inserts.returningId(jdbc, "insert into lead_tag (name, color) values (?, ?)", n, c);
            return new Tag(id, n, c);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("TAG_TAKEN", "lead.tag.taken", n).onField("name");
        }
    }

    /** Renames or recolours a tag; every institution with it shows the new name at once. */
    public Tag updateTag(long id, String name, String color) {
        String n = tagName(name);
        String c = color(color);
        try {
            if (jdbc.update("update lead_tag set name = ?, color = ? where id = ?", n, c, id) == 0) {
                throw DomainException.notFound("TAG_NOT_FOUND", "lead.tag.notFound", id);
            }
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("TAG_TAKEN", "lead.tag.taken", n).onField("name");
        }
        audit.record(MODULE, "Tag", id, "UPDATE", "Lead tag renamed to " + n);
        return new Tag(id, n, c);
    }

    public void deleteTag(long id) {
        jdbc.update("delete from lead_tag where id = ?", id);
        audit.record(MODULE, "Tag", id, "DELETE", "Lead tag #" + id + " deleted");
    }

    private static String tagName(@Nullable String name) {
        String n = trim(name);
        if (n == null || n.length() > 50) {
            throw DomainException.invalidField("name", "TAG_NAME_REQUIRED", "lead.tag.name", 50);
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

    // ---- activities and timeline -------------------------------------------------------------------------

    private static final String ACTIVITY_SELECT =
            "select a.id, a.institution_id, i.name, a.kind, a.subject, a.details, "
                    + "a.due_date, a.done, a.assignee, a.created_by, a.created_at from lead_activity a "
                    + "join lead_institution i on i.id = a.institution_id ";

    private static final RowMapper<Activity> ACTIVITY = (rs, i) -> new Activity(
            rs.getLong(1),
            rs.getLong(2),
            rs.getString(3),
            ActivityKind.valueOf(rs.getString(4)),
            rs.getString(5),
            rs.getString(6),
            rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
            rs.getBoolean(8),
            rs.getString(9),
            rs.getString(10),
            rs.getTimestamp(11).toInstant());

    public Activity addActivity(long institutionId, ActivityDraft draft) {
        get(institutionId);
        if (draft.kind() == null || draft.kind() == ActivityKind.CHANGE) {
            throw DomainException.invalidField("kind", "INVALID_KIND", "lead.activity.kindInvalid");
        }
        String subject = trim(draft.subject());
        if (subject == null || subject.length() > 255) {
            throw DomainException.invalidField("subject", "SUBJECT_REQUIRED", "lead.activity.subjectRequired");
        }
        if (draft.kind() == ActivityKind.TASK && draft.dueDate() == null) {
            throw DomainException.invalidField("dueDate", "DUE_DATE_REQUIRED", "lead.activity.dueDateRequired");
        }
        long id = Inserts.returningId(
                jdbc,
                "insert into lead_activity (institution_id, kind, subject, details, due_date, "
                        + "assignee, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                institutionId,
                draft.kind().name(),
                subject,
                trim(draft.details()),
                draft.dueDate() == null ? null : Date.valueOf(draft.dueDate()),
                draft.kind() == ActivityKind.TASK
                        ? (trim(draft.assignee()) != null ? trim(draft.assignee()) : me())
                        : null,
                me(),
                Timestamp.from(clock.instant()));
        return activity(id);
    }

    public Activity activity(long id) {
        return jdbc.query(ACTIVITY_SELECT + "where a.id = ?", ACTIVITY, id).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("ACTIVITY_NOT_FOUND", "lead.activity.notFound", id));
    }

    public Activity setDone(long activityId, boolean done) {
        Activity a = activity(activityId);
        if (a.kind() != ActivityKind.TASK) {
            throw DomainException.conflict("NOT_A_TASK", "lead.activity.notTask");
        }
        jdbc.update(
                "update lead_activity set done = ?, done_at = ? where id = ?",
                done,
                done ? Timestamp.from(clock.instant()) : null,
                activityId);
        if (done) {
            change(a.institutionId(), "lead.change.taskDone", a.subject());
        }
        return activity(activityId);
    }

    /** Activities and automatic change entries, newest first. */
    public Slice<Activity> timeline(long institutionId, Pageable page) {
        List<Activity> rows = jdbc.query(
                ACTIVITY_SELECT + "where a.institution_id = ? order by a.created_at desc, a.id desc "
                        + "limit ? offset ?",
                ACTIVITY,
                institutionId,
                page.getPageSize() + 1,
                page.getOffset());
        return Rows.slice(rows, page);
    }

    /** Open tasks of a user (or all users when null), the oldest due date first. */
    public List<Activity> openTasks(@Nullable String assignee) {
        return assignee == null
                ? jdbc.query(
                        ACTIVITY_SELECT + "where a.kind = 'TASK' and not a.done and i.archived_at is null "
                                + "order by a.due_date, a.id",
                        ACTIVITY)
                : jdbc.query(
                        ACTIVITY_SELECT
                                + "where a.kind = 'TASK' and not a.done and a.assignee = ? and i.archived_at is null "
                                + "order by a.due_date, a.id",
                        ACTIVITY,
                        assignee);
    }

    /** An automatic timeline entry; the subject is a message key with arguments, resolved when shown. */
    void change(long institutionId, String key, String... args) {
        String subject = key + (args.length == 0 ? "" : "|" + String.join("|", args));
        jdbc.update(
                "insert into lead_activity (institution_id, kind, subject, created_by, created_at) values (?, 'CHANGE', ?, ?, ?)",
                institutionId,
                subject.length() > 255 ? subject.substring(0, 255) : subject,
                me(),
                Timestamp.from(clock.instant()));
    }

    // ---- conversion -------------------------------------------------------------------------------------------

    /**
     * Creates a customer from the institution and its primary contact, links them and marks the lead won; the
     * lead and its history stay.
     */
    public Customer convertToCustomer(long id) {
        Institution i = get(id);
        if (i.customerId() != null) {
            throw DomainException.conflict("ALREADY_CONVERTED", "lead.convert.already", i.customerId());
        }
        Contact primary = contacts(id).stream().findFirst().orElse(null);
        CustomerData data = new CustomerData(
                i.name(),
                primary == null ? null : primary.name(),
                primary != null && primary.email() != null ? primary.email() : i.email(),
                primary != null && primary.phone() != null ? primary.phone() : i.phone(),
                i.street(),
                i.postalCode(),
                i.city(),
                i.country(),
                null,
                "Lead #" + id + (i.source() == null ? "" : " (" + i.source() + ")"),
                new TreeSet<>(i.tags().stream().map(Tag::name).toList()));
        Customer customer = customers.create(data);
        jdbc.update(
                "update lead_institution set customer_id = ?, status = 'WON', updated_at = ?, version = version + 1 "
                        + "where id = ?",
                customer.getId(),
                Timestamp.from(clock.instant()),
                id);
        change(id, "lead.change.converted", customer.getNumber());
        if (i.status() != Status.WON) {
            change(id, "lead.change.status", i.status().name(), Status.WON.name());
        }
        audit.record(
                MODULE,
                "Institution",
                id,
                "CONVERT",
                "Lead " + i.name() + " converted to customer " + customer.getNumber());
        return customer;
    }

    // ---- statistics -----------------------------------------------------------------------------------------

    public Stats stats() {
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            byStatus.put(s, 0L);
        }
        jdbc.query("select status, count(*) from lead_institution where archived_at is null group by status", rs -> {
            byStatus.put(Status.valueOf(rs.getString(1)), rs.getLong(2));
        });
        Map<String, Long> byTag =
                counts("select t.name, count(*) from lead_institution_tag it join lead_tag t on t.id = it.tag_id "
                        + "join lead_institution i on i.id = it.institution_id where i.archived_at is null group by t.name "
                        + "order by count(*) desc, t.name");
        Map<String, Long> bySource = counts("select coalesce(source, '–'), count(*) from lead_institution "
                + "where archived_at is null group by coalesce(source, '–') order by count(*) desc");
        Map<String, Long> byOwner = counts("select coalesce(owner, '–'), count(*) from lead_institution "
                + "where archived_at is null group by coalesce(owner, '–') order by count(*) desc");
        YearMonth now = YearMonth.from(clock.instant().atZone(zone));
        Map<String, Long> months = new LinkedHashMap<>();
        for (int k = 11; k >= 0; k--) {
            months.put(now.minusMonths(k).toString(), 0L);
        }
        jdbc.query(
                "select created_at from lead_institution where archived_at is null and created_at >= ?",
                rs -> {
                    String month = YearMonth.from(rs.getTimestamp(1).toInstant().atZone(zone))
                            .toString();
                    months.computeIfPresent(month, (m, c) -> c + 1);
                },
                Timestamp.from(now.minusMonths(11).atDay(1).atStartOfDay(zone).toInstant()));
        List<MonthCount> perMonth = months.entrySet().stream()
                .map(e -> new MonthCount(e.getKey(), e.getValue()))
                .toList();
        long won = byStatus.get(Status.WON);
        long lost = byStatus.get(Status.LOST);
        Double rate = won + lost == 0 ? null : (double) won / (won + lost);
        long open = jdbc.queryForObject(
                "select count(*) from lead_activity a join lead_institution i on i.id = a.institution_id "
                        + "where a.kind = 'TASK' and not a.done and i.archived_at is null",
                Long.class);
        long overdue = jdbc.queryForObject(
                "select count(*) from lead_activity a join lead_institution i "
                        + "on i.id = a.institution_id where a.kind = 'TASK' and not a.done and i.archived_at is null and a.due_date < ?",
                Long.class,
                Date.valueOf(LocalDate.ofInstant(clock.instant(), zone)));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Stats(total, byStatus, byTag, bySource, byOwner, perMonth, won, lost, rate, open, overdue);
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    // ---- import --------------------------------------------------------------------------------------------

    public ImportPreview previewImport(ImportTable table, ColumnMapping mapping) {
        return importer.preview(table, mapping);
    }

    public ImportSummary applyImport(ImportTable table, ColumnMapping mapping, boolean allOrNothing) {
        return importer.apply(table, mapping, allOrNothing);
    }

    /** Removes what an import created and puts back what it changed. Returns [removed, restored]. */
    public int[] undoImport(long importId) {
        return importer.undo(importId);
    }

    public List<LeadImporter.ImportRecord> imports() {
        return importer.imports();
    }
}
