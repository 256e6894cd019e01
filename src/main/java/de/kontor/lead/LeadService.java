package de.kontor.lead;

import de.kontor.base.importing.ColumnMapping;
import de.kontor.base.importing.ImportPreview;
import de.kontor.base.importing.ImportSummary;
import de.kontor.base.importing.ImportTable;
import de.kontor.base.notes.NoteRevision;
import de.kontor.customer.Customer;
import de.kontor.lead.LeadModel.Activity;
import de.kontor.lead.LeadModel.ActivityDraft;
import de.kontor.lead.LeadModel.Contact;
import de.kontor.lead.LeadModel.ContactDraft;
import de.kontor.lead.LeadModel.DiffPart;
import de.kontor.lead.LeadModel.ImportRecord;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.LeadQuery;
import de.kontor.lead.LeadModel.LeadRow;
import de.kontor.lead.LeadModel.Note;
import de.kontor.lead.LeadModel.Stats;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * The leads module's service: institutions with contact persons, versioned notes, tags and activities, a
 * timeline that also records changes by itself, conversion to a customer, statistics, import and export.
 * Every write is one transaction with its timeline and audit entries; the work is done by the
 * package's workers ({@link Institutions}, {@link LeadContacts}, {@link LeadNotes}, {@link LeadTags},
 * {@link LeadTimeline}, {@link LeadConversion}, {@link LeadSearch}, {@link LeadStatistics},
 * {@link LeadImporter}).
 */
@Service
public class LeadService {

    static final String MODULE = "lead";

    private final Institutions institutions;
    private final LeadContacts contacts;
    private final LeadNotes notes;
    private final LeadTags tags;
    private final LeadTimeline timeline;
    private final LeadConversion conversion;
    private final LeadSearch search;
    private final LeadStatistics statistics;
    private final LeadImporter importer;

    LeadService(
            Institutions institutions,
            LeadContacts contacts,
            LeadNotes notes,
            LeadTags tags,
            LeadTimeline timeline,
            LeadConversion conversion,
            LeadSearch search,
            LeadStatistics statistics,
            LeadImporter importer) {
        this.institutions = institutions;
        this.contacts = contacts;
        this.notes = notes;
        this.tags = tags;
        this.timeline = timeline;
        this.conversion = conversion;
        this.search = search;
        this.statistics = statistics;
        this.importer = importer;
    }

    // ---- institutions ----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Institution get(long id) {
        return institutions.get(id);
    }

    @Transactional
    public Institution create(InstitutionDraft draft) {
        return institutions.create(draft);
    }

    /** Saves the draft over the lead if nobody changed it since {@code expectedVersion}. */
    @Transactional
    public Institution update(long id, long expectedVersion, InstitutionDraft draft) {
        return institutions.update(id, expectedVersion, draft);
    }

    /** Sets only the status (e.g. from the list), with a timeline entry. */
    @Transactional
    public Institution setStatus(long id, Status status) {
        return institutions.setStatus(id, status);
    }

    @Transactional
    public Institution archive(long id) {
        return institutions.archive(id);
    }

    @Transactional
    public Institution restore(long id) {
        return institutions.restore(id);
    }

    /**
     * Creates a customer from the institution and its primary contact, links them and marks the lead won;
     * the lead and its history stay.
     */
    @Transactional
    public Customer convertToCustomer(long id) {
        return conversion.convert(id);
    }

    // ---- the list ----------------------------------------------------------------------------------------

    /** Leads matching the query (search over institutions, contacts and notes), in the page's sort. */
    @Transactional(readOnly = true)
    public Slice<LeadRow> find(LeadQuery query, Pageable page) {
        return search.find(query, page);
    }

    @Transactional(readOnly = true)
    public long count(LeadQuery query) {
        return search.count(query);
    }

    /** Distinct values for the filters. */
    @Transactional(readOnly = true)
    public List<String> cities() {
        return search.cities();
    }

    @Transactional(readOnly = true)
    public List<String> sources() {
        return search.sources();
    }

    @Transactional(readOnly = true)
    public List<String> owners() {
        return search.owners();
    }

    // ---- contacts -----------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Contact> contacts(long institutionId) {
        return contacts.of(institutionId);
    }

    @Transactional
    public Contact addContact(long institutionId, ContactDraft draft) {
        return contacts.add(institutions.get(institutionId), draft);
    }

    @Transactional
    public Contact updateContact(long institutionId, long contactId, ContactDraft draft) {
        return contacts.update(institutionId, contactId, draft);
    }

    /** Removes a contact person; the timeline keeps who it was. */
    @Transactional
    public void deleteContact(long institutionId, long contactId) {
        contacts.delete(institutionId, contactId);
    }

    // ---- notes with revisions -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Note> notes(long institutionId, boolean archived) {
        return notes.of(institutionId, archived);
    }

    @Transactional(readOnly = true)
    public Note note(long noteId) {
        return notes.note(noteId);
    }

    @Transactional
    public Note addNote(long institutionId, @Nullable String text) {
        institutions.get(institutionId);
        return notes.add(institutionId, text);
    }

    /** A new revision: the previous text is kept (who, when); refused if someone edited it since. */
    @Transactional
    public Note editNote(long noteId, int expectedRevision, @Nullable String text) {
        return notes.edit(noteId, expectedRevision, text);
    }

    /** Every revision, newest first, the current text included. */
    @Transactional(readOnly = true)
    public List<NoteRevision> history(long noteId) {
        return notes.history(noteId);
    }

    /** What changed from revision {@code from} to {@code to}, word by word. */
    @Transactional(readOnly = true)
    public List<DiffPart> diff(long noteId, int from, int to) {
        return notes.diff(noteId, from, to);
    }

    /** Makes an old revision's text current again — as a new revision, so nothing is lost. */
    @Transactional
    public Note restoreRevision(long noteId, int revision) {
        return notes.restoreRevision(noteId, revision);
    }

    @Transactional
    public Note archiveNote(long noteId) {
        return notes.archive(noteId);
    }

    @Transactional
    public Note restoreNote(long noteId) {
        return notes.restore(noteId);
    }

    // ---- tags -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Tag> tags() {
        return tags.all();
    }

    /** How many leads carry each tag (by tag id). */
    @Transactional(readOnly = true)
    public Map<Long, Long> tagUsage() {
        return tags.usage();
    }

    @Transactional
    public Tag createTag(String name, String color) {
        return tags.create(name, color);
    }

    /** Renames or recolours a tag; every institution with it shows the new name at once. */
    @Transactional
    public Tag updateTag(long id, String name, String color) {
        return tags.update(id, name, color);
    }

    @Transactional
    public void deleteTag(long id) {
        tags.delete(id);
    }

    // ---- activities and timeline -------------------------------------------------------------------------

    @Transactional
    public Activity addActivity(long institutionId, ActivityDraft draft) {
        institutions.get(institutionId);
        return timeline.add(institutionId, draft);
    }

    @Transactional(readOnly = true)
    public Activity activity(long id) {
        return timeline.activity(id);
    }

    @Transactional
    public Activity setDone(long activityId, boolean done) {
        return timeline.setDone(activityId, done);
    }

    /** Activities and automatic change entries, newest first. */
    @Transactional(readOnly = true)
    public Slice<Activity> timeline(long institutionId, Pageable page) {
        return timeline.page(institutionId, page);
    }

    /** Open tasks of a user (or all users when null), the oldest due date first. */
    @Transactional(readOnly = true)
    public List<Activity> openTasks(@Nullable String assignee) {
        return timeline.openTasks(assignee);
    }

    // ---- statistics, import -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Stats stats() {
        return statistics.stats();
    }

    @Transactional(readOnly = true)
    public ImportPreview previewImport(ImportTable table, ColumnMapping mapping) {
        return importer.preview(table, mapping);
    }

    /** Applies the good rows (or, with {@code allOrNothing}, none if one is bad) in one transaction. */
    @Transactional
    public ImportSummary applyImport(ImportTable table, ColumnMapping mapping, boolean allOrNothing) {
        return importer.apply(table, mapping, allOrNothing);
    }

    /** Archives what an import created and puts back what it changed. Returns [archived, restored]. */
    @Transactional
    public int[] undoImport(long importId) {
        return importer.undo(importId);
    }

    @Transactional(readOnly = true)
    public List<ImportRecord> imports() {
        return importer.imports();
    }
}
