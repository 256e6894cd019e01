package de.kontor.lead;

import de.kontor.base.error.DomainException;
import de.kontor.base.importing.ColumnMapping;
import de.kontor.base.importing.ImportPreview;
import de.kontor.base.importing.ImportSummary;
import de.kontor.base.importing.ImportTable;
import de.kontor.base.importing.PreviewRow;
import de.kontor.base.importing.Verdict;
import de.kontor.lead.LeadModel.ContactDraft;
import de.kontor.lead.LeadModel.ImportRecord;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lead import with the customers' preview flow: each row is matched with an existing institution by name
 * and city or by the domain of its website, gets a verdict (new, update, unchanged, duplicate in the file,
 * error with the reason), the good rows are applied (or all or nothing), and an import can be undone.
 * Callers hold the transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LeadImporter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Institutions institutions;
    private final LeadContacts contacts;
    private final JdbcClient jdbc;
    private final Clock clock;

    LeadImporter(Institutions institutions, LeadContacts contacts, JdbcClient jdbc, Clock clock) {
        this.institutions = institutions;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Row(
            int number,
            Verdict verdict,
            String summary,
            List<String> reasons,
            @Nullable Long matched,
            @Nullable InstitutionDraft draft,
            @Nullable ContactDraft contact) {}

    ImportPreview preview(ImportTable table, ColumnMapping mapping) {
        return new ImportPreview(
                table.fileName(),
                judge(table, mapping).stream()
                        .map(r -> new PreviewRow(r.number(), r.verdict(), r.summary(), r.reasons(), r.matched()))
                        .toList());
    }

    private List<Row> judge(ImportTable table, ColumnMapping mapping) {
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<Long> matched = new HashSet<>();
        for (int index = 0; index < table.rows().size(); index++) {
            List<String> cells = table.rows().get(index);
            int number = ImportTable.fileRowNumber(index);
            String name = mapping.value(cells, "name");
            String city = mapping.value(cells, "city");
            String summary = name + (city.isBlank() ? "" : ", " + city);
            InstitutionDraft draft;
            try {
                draft = Institutions.validate(new InstitutionDraft(
                        name,
                        parse(Type.class, mapping.value(cells, "type")),
                        mapping.value(cells, "street"),
                        mapping.value(cells, "postalCode"),
                        city,
                        mapping.value(cells, "country"),
                        mapping.value(cells, "website"),
                        mapping.value(cells, "phone"),
                        mapping.value(cells, "email"),
                        parse(Status.class, mapping.value(cells, "status")),
                        mapping.value(cells, "source"),
                        mapping.value(cells, "owner"),
                        tags(mapping.value(cells, "tags"))));
            } catch (DomainException e) {
                rows.add(new Row(
                        number, Verdict.ERROR, summary, List.of(e.field() + ": " + e.code()), null, null, null));
                continue;
            } catch (IllegalArgumentException e) {
                rows.add(new Row(number, Verdict.ERROR, summary, List.of(e.getMessage()), null, null, null));
                continue;
            }
            ContactDraft contact = null;
            String contactName = mapping.value(cells, "contactName");
            if (!contactName.isBlank()) {
                contact = new ContactDraft(
                        contactName,
                        mapping.value(cells, "contactPosition"),
                        mapping.value(cells, "contactEmail"),
                        mapping.value(cells, "contactPhone"),
                        null,
                        true);
            }
            String key = key(draft);
            if (!seen.add(key)) {
                rows.add(new Row(
                        number, Verdict.DUPLICATE, summary, List.of("duplicate of an earlier row"), null, null, null));
                continue;
            }
            Optional<Institution> match = match(draft);
            if (match.isPresent() && !matched.add(match.get().id())) {
                rows.add(new Row(
                        number,
                        Verdict.DUPLICATE,
                        summary,
                        List.of("same institution as an earlier row"),
                        match.get().id(),
                        null,
                        null));
                continue;
            }
            if (match.isEmpty()) {
                rows.add(new Row(number, Verdict.CREATE, summary, List.of(), null, draft, contact));
                continue;
            }
            InstitutionDraft merged = merge(match.get(), draft);
            List<String> changes = changes(match.get(), merged);
            boolean newContact = contact != null
                    && contacts.of(match.get().id()).stream()
                            .noneMatch(c -> c.name().equalsIgnoreCase(contactName));
            if (changes.isEmpty() && !newContact) {
                rows.add(new Row(
                        number,
                        Verdict.UNCHANGED,
                        summary,
                        List.of(),
                        match.get().id(),
                        null,
                        null));
            } else {
                List<String> reasons = new ArrayList<>(changes);
                if (newContact) {
                    reasons.add("contact: " + contactName);
                }
                rows.add(new Row(
                        number,
                        Verdict.UPDATE,
                        summary,
                        reasons,
                        match.get().id(),
                        merged,
                        newContact ? contact : null));
            }
        }
        return rows;
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value) {
        if (value.isBlank()) {
            return null;
        }
        String v = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        Map<String, String> german = Map.ofEntries(
                Map.entry("NEU", "NEW"),
                Map.entry("KONTAKTIERT", "CONTACTED"),
                Map.entry("QUALIFIZIERT", "QUALIFIED"),
                Map.entry("GEWONNEN", "WON"),
                Map.entry("VERLOREN", "LOST"),
                Map.entry("SCHULE", "SCHOOL"),
                Map.entry("HOCHSCHULE", "UNIVERSITY"),
                Map.entry("UNTERNEHMEN", "COMPANY"),
                Map.entry("FIRMA", "COMPANY"),
                Map.entry("VEREIN", "CLUB"),
                Map.entry("BEHÖRDE", "PUBLIC"),
                Map.entry("SONSTIGE", "OTHER"));
        v = german.getOrDefault(v, v);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    type.getSimpleName().toLowerCase(Locale.ROOT) + ": unknown value \"" + value.strip() + "\"");
        }
    }

    private static Set<String> tags(String value) {
        Set<String> tags = new TreeSet<>();
        Arrays.stream(value.split("[,;]"))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .forEach(tags::add);
        return tags;
    }

    private static String key(InstitutionDraft d) {
        String domain = domain(d.website());
        return domain != null
                ? "web:" + domain
                : "name:" + d.name().toLowerCase(Locale.ROOT) + "|"
                        + (d.city() == null ? "" : d.city().toLowerCase(Locale.ROOT));
    }

    static @Nullable String domain(@Nullable String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String w = website.strip().toLowerCase(Locale.ROOT);
        try {
            String host = URI.create(w.contains("://") ? w : "http://" + w).getHost();
            if (host == null) {
                return null;
            }
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Website(long id, String website) {}

    /** By website domain, else by name and city (case-insensitive). */
    private Optional<Institution> match(InstitutionDraft d) {
        String domain = domain(d.website());
        if (domain != null) {
            for (Website site : jdbc.sql("select id, website from lead_institution where website like ?")
                    .param("%" + domain + "%")
                    .query(Website.class)
                    .list()) {
                if (domain.equals(domain(site.website()))) {
                    return Optional.of(institutions.get(site.id()));
                }
            }
        }
        return jdbc
                .sql("select id from lead_institution where lower(name) = ? and coalesce(lower(city), '') = ?")
                .params(
                        d.name().toLowerCase(Locale.ROOT),
                        d.city() == null ? "" : d.city().toLowerCase(Locale.ROOT))
                .query(Long.class)
                .list()
                .stream()
                .findFirst()
                .map(institutions::get);
    }

    /** Values from the file win; empty cells keep what is there; tags are added. */
    private static InstitutionDraft merge(Institution i, InstitutionDraft d) {
        Set<String> tags = new TreeSet<>(i.tags().stream().map(Tag::name).toList());
        if (d.tags() != null) {
            tags.addAll(d.tags());
        }
        return new InstitutionDraft(
                d.name(),
                d.type() != Type.OTHER ? d.type() : i.type(),
                or(d.street(), i.street()),
                or(d.postalCode(), i.postalCode()),
                or(d.city(), i.city()),
                or(d.country(), i.country()),
                or(d.website(), i.website()),
                or(d.phone(), i.phone()),
                or(d.email(), i.email()),
                d.status() != Status.NEW ? d.status() : i.status(),
                or(d.source(), i.source()),
                or(d.owner(), i.owner()),
                tags);
    }

    private static @Nullable String or(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }

    private static List<String> changes(Institution i, InstitutionDraft d) {
        List<String> changes = new ArrayList<>();
        compare(changes, "type", i.type(), d.type());
        compare(changes, "street", i.street(), d.street());
        compare(changes, "postalCode", i.postalCode(), d.postalCode());
        compare(changes, "city", i.city(), d.city());
        compare(changes, "country", i.country(), d.country());
        compare(changes, "website", i.website(), d.website());
        compare(changes, "phone", i.phone(), d.phone());
        compare(changes, "email", i.email(), d.email());
        compare(changes, "status", i.status(), d.status());
        compare(changes, "source", i.source(), d.source());
        compare(changes, "owner", i.owner(), d.owner());
        compare(changes, "tags", new TreeSet<>(i.tags().stream().map(Tag::name).toList()), d.tags());
        return changes;
    }

    private static void compare(List<String> changes, String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + (before == null ? "–" : before) + " → " + (after == null ? "–" : after));
        }
    }

    ImportSummary apply(ImportTable table, ColumnMapping mapping, boolean allOrNothing) {
        List<Row> rows = judge(table, mapping);
        if (allOrNothing && rows.stream().anyMatch(r -> r.verdict().bad())) {
            throw DomainException.conflict("IMPORT_HAS_BAD_ROWS", "lead.import.badRows");
        }
        long importId = LeadRows.insert(
                jdbc.sql("insert into lead_import (file_name, imported_at, imported_by) values (?, ?, ?)")
                        .params(table.fileName(), clock.instant(), LeadTimeline.me()));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int skipped = 0;
        for (Row r : rows) {
            switch (r.verdict()) {
                case CREATE -> {
                    Institution i = institutions.create(r.draft());
                    if (r.contact() != null) {
                        contacts.add(i, r.contact());
                    }
                    jdbc.sql("insert into lead_import_change (import_id, institution_id, action) "
                                    + "values (?, ?, 'CREATE')")
                            .params(importId, i.id())
                            .update();
                    created++;
                }
                case UPDATE -> {
                    Institution before = institutions.get(r.matched());
                    jdbc.sql("insert into lead_import_change (import_id, institution_id, action, before_json) "
                                    + "values (?, ?, 'UPDATE', ?)")
                            .params(importId, before.id(), JSON.writeValueAsString(snapshot(before)))
                            .update();
                    Institution after = institutions.update(before.id(), before.version(), r.draft());
                    if (r.contact() != null) {
                        contacts.add(after, r.contact());
                    }
                    updated++;
                }
                case UNCHANGED -> unchanged++;
                default -> skipped++;
            }
        }
        jdbc.sql("update lead_import set created_count = ?, updated_count = ?, skipped_count = ? where id = ?")
                .params(created, updated, skipped, importId)
                .update();
        return new ImportSummary(importId, created, updated, unchanged, skipped);
    }

    private static Map<String, Object> snapshot(Institution i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", i.name());
        s.put("type", i.type().name());
        s.put("street", i.street());
        s.put("postalCode", i.postalCode());
        s.put("city", i.city());
        s.put("country", i.country());
        s.put("website", i.website());
        s.put("phone", i.phone());
        s.put("email", i.email());
        s.put("status", i.status().name());
        s.put("source", i.source());
        s.put("owner", i.owner());
        s.put("tags", i.tags().stream().map(Tag::name).toList());
        s.put("version", i.version());
        return s;
    }

    /** Archives what the import created and puts back the values it changed; returns [archived, restored]. */
    int[] undo(long importId) {
        ImportRecord record = jdbc.sql(IMPORTS + "where id = ? for update")
                .param(importId)
                .query(ImportRecord.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("IMPORT_NOT_FOUND", "lead.import.notFound", importId));
        if (record.undoneAt() != null) {
            throw DomainException.conflict("IMPORT_UNDONE", "lead.import.undone", importId);
        }
        int archived = 0;
        int restored = 0;
        for (Change change : jdbc.sql(
                        "select institution_id, action, before_json from lead_import_change where import_id = ?")
                .param(importId)
                .query(Change.class)
                .list()) {
            long id = change.institutionId();
            if ("CREATE".equals(change.action())) {
                institutions.archive(id);
                archived++;
            } else {
                JsonNode before = JSON.readTree(change.beforeJson());
                Institution now = institutions.get(id);
                Set<String> tags = new TreeSet<>();
                before.get("tags").forEach(t -> tags.add(t.asString()));
                institutions.update(
                        id,
                        now.version(),
                        new InstitutionDraft(
                                before.get("name").asString(),
                                Type.valueOf(before.get("type").asString()),
                                text(before, "street"),
                                text(before, "postalCode"),
                                text(before, "city"),
                                text(before, "country"),
                                text(before, "website"),
                                text(before, "phone"),
                                text(before, "email"),
                                Status.valueOf(before.get("status").asString()),
                                text(before, "source"),
                                text(before, "owner"),
                                tags));
                restored++;
            }
        }
        jdbc.sql("update lead_import set undone_at = ? where id = ?")
                .params(clock.instant(), importId)
                .update();
        return new int[] {archived, restored};
    }

    private record Change(
            long institutionId, String action, @Nullable String beforeJson) {}

    private static @Nullable String text(JsonNode node, String field) {
        var v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static final String IMPORTS = "select id, file_name, imported_at, imported_by, created_count as created, "
            + "updated_count as updated, skipped_count as skipped, undone_at from lead_import ";

    List<ImportRecord> imports() {
        return jdbc.sql(IMPORTS + "order by imported_at desc limit 50")
                .query(ImportRecord.class)
                .list();
    }
}
