package de.kontor.customer;

import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditEntry;
import de.kontor.base.audit.AuditService;
import de.kontor.base.db.Like;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.base.export.RowSource;
import de.kontor.base.importing.ColumnMapping;
import de.kontor.base.importing.ImportPreview;
import de.kontor.base.importing.ImportSummary;
import de.kontor.base.importing.ImportTable;
import de.kontor.base.notes.NoteRevision;
import de.kontor.customer.CustomerJournal.Activity;
import de.kontor.customer.CustomerJournal.ActivityDraft;
import de.kontor.customer.CustomerJournal.Note;
import de.kontor.customer.CustomerJournal.TimelineEntry;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The customer module's service: create, change, archive, restore and delete customers; search them;
 * import them; tell what other modules keep for them.
 */
@Service
@Validated
public class CustomerService {

    static final String MODULE = "customer";
    static final String ENTITY = "Customer";
    /** Properties grids and the API may sort by. */
    public static final Set<String> SORTABLE = Set.of(
            "number",
            "name",
            "contactPerson",
            "email",
            "city",
            "postalCode",
            "country",
            "createdAt",
            "updatedAt",
            "id");

    private static final Sort DEFAULT_SORT = Sort.by(Sort.Order.asc("name"), Sort.Order.asc("id"));

    private final CustomerRepository customers;
    private final CustomerWriter writer;
    private final CustomerImporter importer;
    private final AuditService audit;
    private final Clock clock;
    private final CustomerNotes notes;
    private final CustomerTimeline timeline;

    CustomerService(
            CustomerRepository customers,
            CustomerWriter writer,
            CustomerImporter importer,
            AuditService audit,
            Clock clock,
            CustomerNotes notes,
            CustomerTimeline timeline) {
        this.customers = customers;
        this.writer = writer;
        this.importer = importer;
        this.audit = audit;
        this.clock = clock;
        this.notes = notes;
        this.timeline = timeline;
    }

    // ---- commands ----------------------------------------------------------------------------------

    /** Creates a customer; the data is normalized, then validated ({@code ConstraintViolationException}). */
    @Transactional
    public Customer create(CustomerData data) {
        return writer.create(data, "CREATE");
    }

    /**
     * Saves the form's data over the customer, if nobody changed it since {@code expectedVersion}
     * was read; otherwise {@link ConcurrentChangeException}.
     */
    @Transactional
    public Customer update(long id, long expectedVersion, CustomerData data) {
        Customer customer = get(id);
        if (customer.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        return writer.update(customer, data, "UPDATE");
    }

    @Transactional
    public Customer archive(long id) {
        Customer customer = get(id);
        if (!customer.isArchived()) {
            customer.archive(clock.instant());
            audit.record(
                    MODULE,
                    ENTITY,
                    id,
                    "ARCHIVE",
                    "Customer " + customer + " archived",
                    List.of(AuditChange.of("archived", false, true)));
        }
        return customer;
    }

    @Transactional
    public Customer restore(long id) {
        Customer customer = get(id);
        if (customer.isArchived()) {
            if (customer.getEmail() != null && customers.activeEmailTakenByOther(customer.getEmail(), id)) {
                Customer other =
                        customers.findActiveByEmail(customer.getEmail()).orElseThrow();
                throw DomainException.conflict(
                        "EMAIL_TAKEN", "customer.error.restoreEmailTaken", customer.getEmail(), other.getNumber());
            }
            customer.restore(clock.instant());
            customers.flush();
            audit.record(
                    MODULE,
                    ENTITY,
                    id,
                    "RESTORE",
                    "Customer " + customer + " restored",
                    List.of(AuditChange.of("archived", true, false)));
        }
        return customer;
    }

    /** Archives the given customers (those not archived yet) together; returns how many it archived. */
    @Transactional
    public int archiveAll(Collection<Long> ids) {
        int archived = 0;
        for (long id : ids) {
            if (!get(id).isArchived()) {
                archive(id);
                archived++;
            }
        }
        return archived;
    }

    /**
     * Adds {@code tags} to each of the given customers, all or none (a tag that breaks the rules changes no
     * customer); returns how many customers changed.
     */
    @Transactional
    public int tagAll(Collection<Long> ids, Set<String> tags) {
        int changed = 0;
        for (long id : ids) {
            Customer customer = get(id);
            CustomerData data = customer.data();
            if (data.getTags().containsAll(tags)) {
                continue;
            }
            Set<String> merged = new TreeSet<>(data.getTags());
            merged.addAll(tags);
            data.setTags(merged);
            writer.update(customer, data, "UPDATE");
            changed++;
        }
        return changed;
    }

    /** Deletes a customer for good: only when no module keeps anything for it. */
    @Transactional
    public void delete(long id) {
        writer.delete(get(id), "DELETE");
    }

    // ---- queries -------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Customer get(long id) {
        return customers
                .findById(id)
                .orElseThrow(() -> DomainException.notFound("CUSTOMER_NOT_FOUND", "customer.error.notFound", id));
    }

    /** The customer with this id, if there is one (for links that may be stale). */
    @Transactional(readOnly = true)
    public Optional<Customer> findById(long id) {
        return customers.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<Customer> findByNumber(String number) {
        String normalized = normalizeNumber(number);
        return normalized == null ? Optional.empty() : customers.findByNumber(normalized);
    }

    @Transactional(readOnly = true)
    public Slice<Customer> find(CustomerQuery query, Pageable pageable) {
        return customers.findSlice(specification(query), sorted(pageable));
    }

    /**
     * The rows of {@code query} for an export: the ids are read once in the export's sort order (an
     * index scan), then the rows page by page by id, so even the last page of 100,000 costs no more
     * than the first. One source per export.
     */
    public RowSource<Customer> exportRows(CustomerQuery query) {
        Specification<Customer> specification = specification(query);
        return new RowSource<>() {
            private List<Long> ids;

            @Override
            public Slice<Customer> fetch(Pageable pageable) {
                if (ids == null) {
                    ids = customers.findIds(specification, sorted(pageable).getSort());
                }
                int from = (int) Math.min(pageable.getOffset(), ids.size());
                int to = Math.min(ids.size(), from + pageable.getPageSize());
                return new SliceImpl<>(customers.findByIdsInOrder(ids.subList(from, to)), pageable, to < ids.size());
            }
        };
    }

    /** Refuses sort orders the customer list does not offer (before anything is written to a response). */
    public void checkSort(Sort sort) {
        sorted(PageRequest.of(0, 1, sort));
    }

    @Transactional(readOnly = true)
    public long count(CustomerQuery query) {
        return customers.count(specification(query));
    }

    @Transactional(readOnly = true)
    public long countActive() {
        return customers.countByArchivedFalse();
    }

    /** Active customers whose number, name, e-mail or city contain {@code text}, for pickers. */
    @Transactional(readOnly = true)
    public Slice<Customer> search(@Nullable String text, Pageable pageable) {
        return find(CustomerQuery.active(text), pageable);
    }

    @Transactional(readOnly = true)
    public List<String> tags() {
        return customers.findAllTags();
    }

    /** What other modules keep for this customer. */
    @Transactional(readOnly = true)
    public List<CustomerFact> facts(long id) {
        return writer.facts(id);
    }

    /** The latest of: last change of the customer, last audit entry about it, other modules' activity. */
    @Transactional(readOnly = true)
    public Instant lastActivity(long id) {
        Customer customer = get(id);
        Instant latest = customer.getUpdatedAt();
        for (AuditEntry entry : audit.findForEntity(ENTITY, id, PageRequest.of(0, 1))) {
            latest = entry.getOccurredAt().isAfter(latest) ? entry.getOccurredAt() : latest;
        }
        for (CustomerFact fact : facts(id)) {
            if (fact.lastActivity() != null && fact.lastActivity().isAfter(latest)) {
                latest = fact.lastActivity();
            }
        }
        return latest;
    }

    /** The audit entries about this customer, newest first. */
    @Transactional(readOnly = true)
    public Slice<AuditEntry> timeline(long id, Pageable pageable) {
        return audit.findForEntity(ENTITY, id, pageable);
    }

    /**
     * What happened to the customer across modules, newest first: its changes, notes and activities, and what
     * other modules report (licenses, ...).
     */
    @Transactional(readOnly = true)
    public List<TimelineEntry> history(long id, int limit) {
        return timeline.of(get(id), limit);
    }

    // ---- notes and activities ----------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Note> notes(long customerId, boolean archived) {
        return notes.notes(customerId, archived);
    }

    /** Adds a note to the customer (and its audit entry). */
    @Transactional
    public Note addNote(long customerId, @Nullable String text) {
        return notes.addNote(get(customerId).getId(), text);
    }

    /** Changes the note as read in {@code expectedRevision}; the previous text is kept as a revision. */
    @Transactional
    public Note editNote(long noteId, int expectedRevision, @Nullable String text) {
        return notes.editNote(noteId, expectedRevision, text);
    }

    @Transactional
    public Note archiveNote(long noteId, boolean archived) {
        return notes.archiveNote(noteId, archived);
    }

    /** Every text the note had, newest first. */
    @Transactional(readOnly = true)
    public List<NoteRevision> noteHistory(long noteId) {
        return notes.history(noteId);
    }

    /** Open activities first (soonest due first), then the done ones. */
    @Transactional(readOnly = true)
    public List<Activity> activities(long customerId) {
        return notes.activities(customerId);
    }

    @Transactional
    public Activity addActivity(long customerId, ActivityDraft draft) {
        return notes.addActivity(get(customerId).getId(), draft);
    }

    @Transactional
    public Activity setActivityDone(long activityId, boolean done) {
        return notes.setDone(activityId, done);
    }

    // ---- import ---------------------------------------------------------------------------------------

    /** Every row's verdict, nothing written. Texts in {@code locale}. */
    @Transactional(readOnly = true)
    public ImportPreview previewImport(ImportTable table, ColumnMapping mapping, Locale locale) {
        return importer.preview(table, mapping, locale);
    }

    /** Applies the good rows (or all or none); returns the summary with the import's id for undo. */
    @Transactional
    public ImportSummary applyImport(ImportTable table, ColumnMapping mapping, boolean allOrNothing, Locale locale) {
        return importer.apply(table, mapping, allOrNothing, locale);
    }

    /** Removes what an import created and restores what it updated, unless changed since. */
    @Transactional
    public UndoResult undoImport(long importId, Locale locale) {
        return importer.undo(importId, locale);
    }

    @Transactional(readOnly = true)
    public Slice<CustomerImport> imports(Pageable pageable) {
        return importer.imports(pageable);
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** {@code K-000123} for 123. */
    public static String formatNumber(long n) {
        return String.format(Locale.ROOT, "K-%06d", n);
    }

    /** A customer number as users type it ("K-123", "k000123", "123") in its stored form, or null. */
    public static @Nullable String normalizeNumber(@Nullable String text) {
        if (text == null) {
            return null;
        }
        var m = Pattern.compile("(?i)\\s*(?:K\\s*-?\\s*)?0*(\\d{1,9})\\s*").matcher(text);
        return m.matches() ? formatNumber(Long.parseLong(m.group(1))) : null;
    }

    private static Pageable sorted(Pageable pageable) {
        if (pageable.getSort().isUnsorted()) {
            return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), DEFAULT_SORT);
        }
        for (Sort.Order order : pageable.getSort()) {
            if (!SORTABLE.contains(order.getProperty())) {
                throw DomainException.invalidField("sort", "INVALID_SORT", "customer.error.sort", order.getProperty());
            }
        }
        // A unique tie-breaker keeps paging stable.
        Sort sort = pageable.getSort().getOrderFor("id") == null
                ? pageable.getSort().and(Sort.by("id"))
                : pageable.getSort();
        return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort);
    }

    static Specification<Customer> specification(CustomerQuery query) {
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            switch (query.status()) {
                case ACTIVE -> where.add(cb.isFalse(root.get("archived")));
                case ARCHIVED -> where.add(cb.isTrue(root.get("archived")));
                case ALL -> {}
            }
            if (query.text() != null && !query.text().isBlank()) {
                String folded = SearchText.fold(query.text());
                Predicate contains = cb.like(root.get("searchText"), "%" + Like.escape(folded) + "%", Like.ESCAPE);
                // "123" or "K123" also finds K-000123 (the number is part of the search text, too)
                String number = normalizeNumber(query.text());
                where.add(
                        number == null
                                ? contains
                                : cb.or(
                                        contains,
                                        cb.like(
                                                root.get("searchText"),
                                                "%" + Like.escape(SearchText.fold(number)) + "%",
                                                Like.ESCAPE)));
            }
            if (!query.tags().isEmpty()) {
                Subquery<Long> tagged = cq.subquery(Long.class);
                Root<Customer> c = tagged.from(Customer.class);
                Join<Customer, String> tag = c.join("tags");
                tagged.select(c.get("id")).where(cb.equal(c.get("id"), root.get("id")), tag.in(query.tags()));
                where.add(cb.exists(tagged));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
