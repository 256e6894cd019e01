package de.kontor.lead.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.base.error.DomainException;
import de.kontor.base.export.ExportFormat;
import de.kontor.base.export.ExportRequest;
import de.kontor.base.export.ExportService;
import de.kontor.base.importing.ColumnMapping;
import de.kontor.base.importing.ImportFiles;
import de.kontor.base.importing.ImportPreview;
import de.kontor.base.importing.ImportSummary;
import de.kontor.base.importing.ImportTable;
import de.kontor.base.notes.NoteRevision;
import de.kontor.lead.LeadExports;
import de.kontor.lead.LeadImportFields;
import de.kontor.lead.LeadModel.Activity;
import de.kontor.lead.LeadModel.ActivityDraft;
import de.kontor.lead.LeadModel.Contact;
import de.kontor.lead.LeadModel.ContactDraft;
import de.kontor.lead.LeadModel.DiffPart;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.LeadQuery;
import de.kontor.lead.LeadModel.LeadRow;
import de.kontor.lead.LeadModel.Note;
import de.kontor.lead.LeadModel.Stats;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Leads over REST (ADMIN bearer token); errors as problem+json. */
@RestController
@RequestMapping("/api/leads")
@AdminOnly
@Validated
@Tag(name = "Leads")
class LeadController {

    private final LeadService leads;
    private final ExportService exports;
    private final MessageSource messages;
    private final ZoneId zone;

    LeadController(LeadService leads, ExportService exports, MessageSource messages, ZoneId zone) {
        this.leads = leads;
        this.exports = exports;
        this.messages = messages;
        this.zone = zone;
    }

    record LeadPage(List<LeadRow> items, int page, int size, long total, boolean hasNext) {}

    record LeadBody(
            @Nullable InstitutionDraft lead, @Nullable Long version) {}

    record NoteBody(@Nullable String text, @Nullable Integer revision) {}

    record DoneBody(@Nullable Boolean done) {}

    private static LeadQuery query(
            @Nullable String q,
            @Nullable Set<Status> status,
            @Nullable Set<String> tag,
            @Nullable String owner,
            @Nullable String city,
            @Nullable String source,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            boolean archived) {
        return new LeadQuery(
                q,
                status == null ? Set.of() : EnumSet.copyOf(status.isEmpty() ? EnumSet.noneOf(Status.class) : status),
                tag == null ? Set.of() : tag,
                owner,
                city,
                source,
                from,
                to,
                archived);
    }

    @GetMapping
    @Operation(
            summary = "Leads with paging, search and filters",
            description = "q searches names, cities, e-mails, "
                    + "websites, contacts and notes; status, tag (repeatable), owner, city, source, from/to (created); "
                    + "sort like name,asc or createdAt,desc.")
    LeadPage list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Set<Status> status,
            @RequestParam(required = false) @Nullable Set<String> tag,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String city,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        LeadQuery query = query(q, status, tag, owner, city, source, from, to, archived);
        Slice<LeadRow> slice = leads.find(query, PageRequest.of(page, size, sort(sort)));
        return new LeadPage(slice.getContent(), page, size, leads.count(query), slice.hasNext());
    }

    private static Sort sort(@Nullable List<String> sort) {
        if (sort == null || sort.isEmpty()) {
            return Sort.by("name");
        }
        String[] parts = String.join(",", sort).split(",");
        String property = parts[0];
        if (!List.of("name", "city", "status", "owner", "source", "createdAt", "type")
                .contains(property)) {
            throw DomainException.invalidField("sort", "INVALID_SORT", "lead.api.sort", property);
        }
        return Sort.by(
                parts.length > 1 && parts[1].equalsIgnoreCase("desc") ? Sort.Direction.DESC : Sort.Direction.ASC,
                property);
    }

    @GetMapping("/{id}")
    Institution get(@PathVariable long id) {
        return leads.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Institution create(@RequestBody InstitutionDraft body) {
        return leads.create(body);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a lead", description = "{\"lead\": {...}, \"version\": 3}; 409 if changed since.")
    Institution update(@PathVariable long id, @RequestBody LeadBody body) {
        if (body.version() == null || body.lead() == null) {
            throw DomainException.invalidField("version", "VERSION_REQUIRED", "customer.error.versionRequired");
        }
        return leads.update(id, body.version(), body.lead());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Archive a lead (POST /{id}/restore brings it back)")
    Institution archive(@PathVariable long id) {
        return leads.archive(id);
    }

    @PostMapping("/{id}/restore")
    Institution restore(@PathVariable long id) {
        return leads.restore(id);
    }

    @PostMapping("/{id}/convert")
    @Operation(
            summary = "Convert to a customer",
            description = "Creates a customer from the lead and its primary contact.")
    Map<String, Object> convert(@PathVariable long id) {
        var customer = leads.convertToCustomer(id);
        return Map.of("customerId", customer.getId(), "customerNumber", customer.getNumber());
    }

    // ---- contacts, notes, activities ----------------------------------------------------------------------

    @GetMapping("/{id}/contacts")
    List<Contact> contacts(@PathVariable long id) {
        leads.get(id);
        return leads.contacts(id);
    }

    @PostMapping("/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Contact addContact(@PathVariable long id, @RequestBody ContactDraft body) {
        return leads.addContact(id, body);
    }

    @PutMapping("/{id}/contacts/{contactId}")
    Contact updateContact(@PathVariable long id, @PathVariable long contactId, @RequestBody ContactDraft body) {
        return leads.updateContact(id, contactId, body);
    }

    @DeleteMapping("/{id}/contacts/{contactId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteContact(@PathVariable long id, @PathVariable long contactId) {
        leads.deleteContact(id, contactId);
    }

    @GetMapping("/{id}/notes")
    List<Note> notes(@PathVariable long id, @RequestParam(defaultValue = "false") boolean archived) {
        leads.get(id);
        return leads.notes(id, archived);
    }

    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Note addNote(@PathVariable long id, @RequestBody NoteBody body) {
        return leads.addNote(id, body.text());
    }

    @PutMapping("/{id}/notes/{noteId}")
    @Operation(
            summary = "Edit a note",
            description = "{\"text\": \"...\", \"revision\": 2}; the previous text is kept "
                    + "as a revision; 409 if someone edited it since.")
    Note editNote(@PathVariable long id, @PathVariable long noteId, @RequestBody NoteBody body) {
        if (body.revision() == null) {
            throw DomainException.invalidField("revision", "REVISION_REQUIRED", "validation.required");
        }
        return leads.editNote(noteId, body.revision(), body.text());
    }

    @GetMapping("/{id}/notes/{noteId}/revisions")
    List<NoteRevision> revisions(@PathVariable long id, @PathVariable long noteId) {
        return leads.history(noteId);
    }

    @GetMapping("/{id}/notes/{noteId}/diff")
    @Operation(summary = "What changed between two revisions, word by word")
    List<DiffPart> diff(
            @PathVariable long id, @PathVariable long noteId, @RequestParam int from, @RequestParam int to) {
        return leads.diff(noteId, from, to);
    }

    @PostMapping("/{id}/notes/{noteId}/revisions/{revision}/restore")
    Note restoreRevision(@PathVariable long id, @PathVariable long noteId, @PathVariable int revision) {
        return leads.restoreRevision(noteId, revision);
    }

    @DeleteMapping("/{id}/notes/{noteId}")
    @Operation(summary = "Archive a note")
    Note archiveNote(@PathVariable long id, @PathVariable long noteId) {
        return leads.archiveNote(noteId);
    }

    @GetMapping("/{id}/activities")
    @Operation(summary = "The timeline: activities and automatic change entries, newest first")
    List<Activity> activities(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        leads.get(id);
        return leads.timeline(id, PageRequest.of(page, size)).getContent();
    }

    @PostMapping("/{id}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an activity", description = "kind CALL, EMAIL, MEETING, TASK (needs dueDate) or NOTE")
    Activity addActivity(@PathVariable long id, @RequestBody ActivityDraft body) {
        return leads.addActivity(id, body);
    }

    @PutMapping("/{id}/activities/{activityId}/done")
    Activity done(@PathVariable long id, @PathVariable long activityId, @RequestBody DoneBody body) {
        return leads.setDone(activityId, body.done() == null || body.done());
    }

    // ---- statistics, export, import ---------------------------------------------------------------------------

    @GetMapping("/stats")
    @Operation(summary = "Counts by status, tag, source and owner, new leads per month, conversion rate, tasks")
    Stats stats() {
        return leads.stats();
    }

    @GetMapping("/export")
    @Operation(
            summary = "Export the leads a query matches",
            description = "format: xlsx, csv or pdf; same filters as the list")
    void export(
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Set<Status> status,
            @RequestParam(required = false) @Nullable Set<String> tag,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String city,
            @RequestParam(required = false) @Nullable String source,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        ExportFormat exportFormat = ExportFormat.fromParameter(format);
        LeadQuery query = query(q, status, tag, owner, city, source, null, null, false);
        ExportRequest<LeadRow> request = new ExportRequest<>(
                messages.getMessage("lead.export.title", null, locale),
                LeadExports.columns(label -> messages.getMessage(label, null, label, locale)),
                page -> leads.find(query, page),
                Sort.by("name"),
                leads.count(query),
                locale,
                zone);
        exports.download(request, exportFormat, response);
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import leads from CSV or XLSX",
            description = "mode=preview (default) answers the verdict per "
                    + "row; mode=apply imports the good rows (allOrNothing=true: none if a row is bad).")
    Object importLeads(
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "preview") String mode,
            @RequestParam(defaultValue = "false") boolean allOrNothing)
            throws IOException {
        ImportTable table = ImportFiles.read(
                file.getOriginalFilename() == null ? "import.csv" : file.getOriginalFilename(), file.getBytes());
        ColumnMapping mapping = ColumnMapping.guess(table.headers(), LeadImportFields.ALL);
        if ("apply".equals(mode)) {
            ImportSummary summary = leads.applyImport(table, mapping, allOrNothing);
            return summary;
        }
        ImportPreview preview = leads.previewImport(table, mapping);
        return preview;
    }

    @PostMapping("/import/{importId}/undo")
    Map<String, Integer> undo(@PathVariable long importId) {
        int[] result = leads.undoImport(importId);
        return Map.of("archived", result[0], "restored", result[1]);
    }
}
