package de.kontor.lead;

import de.kontor.base.notes.RevisedNote;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the leads module answers with. */
public final class LeadModel {

    private LeadModel() {}

    public enum Status {
        NEW,
        CONTACTED,
        QUALIFIED,
        WON,
        LOST
    }

    public enum Type {
        SCHOOL,
        UNIVERSITY,
        COMPANY,
        CLUB,
        PUBLIC,
        OTHER
    }

    /** CHANGE entries are written by Kontor (status changed, note edited, contact added, ...). */
    public enum ActivityKind {
        CALL,
        EMAIL,
        MEETING,
        TASK,
        NOTE,
        CHANGE
    }

    public record InstitutionDraft(
            String name,
            @Nullable Type type,
            @Nullable String street,
            @Nullable String postalCode,
            @Nullable String city,
            @Nullable String country,
            @Nullable String website,
            @Nullable String phone,
            @Nullable String email,
            @Nullable Status status,
            @Nullable String source,
            @Nullable String owner,
            @Nullable Set<String> tags) {}

    public record Tag(long id, String name, String color) {}

    public record Institution(
            long id,
            String name,
            Type type,
            @Nullable String street,
            @Nullable String postalCode,
            @Nullable String city,
            @Nullable String country,
            @Nullable String website,
            @Nullable String phone,
            @Nullable String email,
            Status status,
            @Nullable String source,
            @Nullable String owner,
            List<Tag> tags,
            @Nullable Long customerId,
            @Nullable Instant archivedAt,
            Instant createdAt,
            Instant updatedAt,
            long version) {}

    /** A row of the leads list. */
    public record LeadRow(
            long id,
            String name,
            Type type,
            @Nullable String city,
            Status status,
            @Nullable String source,
            @Nullable String owner,
            String tags,
            @Nullable String primaryContact,
            @Nullable String primaryEmail,
            Instant createdAt) {}

    /** Filters of the leads list; empty sets and nulls filter nothing. */
    public record LeadQuery(
            @Nullable String text,
            Set<Status> statuses,
            Set<String> tags,
            @Nullable String owner,
            @Nullable String city,
            @Nullable String source,
            @Nullable LocalDate createdFrom,
            @Nullable LocalDate createdTo,
            boolean archived) {
        public static LeadQuery all() {
            return new LeadQuery(null, Set.of(), Set.of(), null, null, null, null, null, false);
        }
    }

    public record ContactDraft(
            String name,
            @Nullable String position,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String notes,
            boolean primary) {}

    public record Contact(
            long id,
            long institutionId,
            String name,
            @Nullable String position,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String notes,
            boolean primary) {}

    public record Note(
            long id,
            long institutionId,
            String text,
            int revision,
            String createdBy,
            Instant createdAt,
            String updatedBy,
            Instant updatedAt,
            boolean archived)
            implements RevisedNote {}

    public enum DiffKind {
        SAME,
        ADDED,
        REMOVED
    }

    /** A piece of a readable difference between two revisions (word by word). */
    public record DiffPart(DiffKind kind, String text) {}

    public record ActivityDraft(
            ActivityKind kind,
            String subject,
            @Nullable String details,
            @Nullable LocalDate dueDate,
            @Nullable String assignee) {}

    public record Activity(
            long id,
            long institutionId,
            String institutionName,
            ActivityKind kind,
            String subject,
            @Nullable String details,
            @Nullable LocalDate dueDate,
            boolean done,
            @Nullable String assignee,
            String createdBy,
            Instant createdAt) {}

    /** An import with what it did; {@code undoneAt} once it was undone. */
    public record ImportRecord(
            long id,
            String fileName,
            Instant importedAt,
            String importedBy,
            int created,
            int updated,
            int skipped,
            @Nullable Instant undoneAt) {}

    public record MonthCount(String month, long count) {}

    /** The statistics: counts, new leads per month, conversion rate (won / closed), open and overdue tasks. */
    public record Stats(
            long total,
            Map<Status, Long> byStatus,
            Map<String, Long> byTag,
            Map<String, Long> bySource,
            Map<String, Long> byOwner,
            List<MonthCount> newPerMonth,
            long won,
            long lost,
            @Nullable Double conversionRate,
            long openTasks,
            long overdueTasks) {}
}
