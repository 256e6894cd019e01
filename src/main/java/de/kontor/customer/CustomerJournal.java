package de.kontor.customer;

import de.kontor.base.notes.RevisedNote;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** A customer's notes and activities, and the timeline of what happened to the customer across modules. */
public final class CustomerJournal {

    private CustomerJournal() {}

    public static final int NOTE_MAX = 20_000;
    public static final int SUBJECT_MAX = 255;

    public record Note(
            long id,
            long customerId,
            String text,
            int revision,
            String createdBy,
            Instant createdAt,
            String updatedBy,
            Instant updatedAt,
            boolean archived)
            implements RevisedNote {}

    public enum ActivityKind {
        CALL,
        EMAIL,
        MEETING,
        TASK
    }

    public record Activity(
            long id,
            long customerId,
            ActivityKind kind,
            String subject,
            @Nullable String details,
            @Nullable LocalDate dueDate,
            boolean done,
            @Nullable Instant doneAt,
            @Nullable String doneBy,
            String createdBy,
            Instant createdAt) {}

    public record ActivityDraft(
            @Nullable ActivityKind kind,
            @Nullable String subject,
            @Nullable String details,
            @Nullable LocalDate dueDate) {}

    /**
     * One line of a customer's timeline: when, who, what kind of record ({@code kindKey}, a message key such
     * as "customer.timeline.kind.license"), which one ({@code subject}: a license key, a note's first words),
     * what happened ({@code action}, an audit action such as CREATE) and where to look ({@code route}).
     */
    public record TimelineEntry(
            Instant at,
            String username,
            String kindKey,
            String subject,
            String action,
            @Nullable String route) {}
}
