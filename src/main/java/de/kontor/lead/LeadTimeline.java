package de.kontor.lead;

import de.kontor.base.CurrentUser;
import de.kontor.base.Texts;
import de.kontor.base.audit.AuditService;
import de.kontor.base.db.Rows;
import de.kontor.base.error.DomainException;
import de.kontor.lead.LeadModel.Activity;
import de.kontor.lead.LeadModel.ActivityDraft;
import de.kontor.lead.LeadModel.ActivityKind;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Activities (calls, e-mails, meetings, tasks) and the automatic entries that make an institution's
 * timeline: every worker of the module writes its changes here. Callers hold the transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LeadTimeline {

    private static final String SELECT = "select a.id, a.institution_id, i.name as institution_name, a.kind, "
            + "a.subject, a.details, a.due_date, a.done, a.assignee, a.created_by, a.created_at from lead_activity a "
            + "join lead_institution i on i.id = a.institution_id ";

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;

    LeadTimeline(JdbcClient jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who is changing things: the signed-in user, or "system" for background work. */
    static String me() {
        return CurrentUser.username().orElse("system");
    }

    Activity add(long institutionId, ActivityDraft draft) {
        if (draft.kind() == null || draft.kind() == ActivityKind.CHANGE) {
            throw DomainException.invalidField("kind", "INVALID_KIND", "lead.activity.kindInvalid");
        }
        String subject = Texts.blankToNull(draft.subject());
        if (subject == null || subject.length() > 255) {
            throw DomainException.invalidField("subject", "SUBJECT_REQUIRED", "lead.activity.subjectRequired");
        }
        if (draft.kind() == ActivityKind.TASK && draft.dueDate() == null) {
            throw DomainException.invalidField("dueDate", "DUE_DATE_REQUIRED", "lead.activity.dueDateRequired");
        }
        String assignee = Texts.blankToNull(draft.assignee());
        long id = LeadRows.insert(jdbc.sql("insert into lead_activity (institution_id, kind, subject, details, "
                        + "due_date, assignee, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        institutionId,
                        draft.kind().name(),
                        subject,
                        Texts.blankToNull(draft.details()),
                        draft.dueDate(),
                        draft.kind() == ActivityKind.TASK ? (assignee != null ? assignee : me()) : null,
                        me(),
                        clock.instant()));
        audit.record(LeadService.MODULE, "Activity", id, "CREATE", draft.kind().name() + " " + subject + " added");
        return activity(id);
    }

    Activity activity(long id) {
        return jdbc.sql(SELECT + "where a.id = ?")
                .param(id)
                .query(Activity.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("ACTIVITY_NOT_FOUND", "lead.activity.notFound", id));
    }

    Activity setDone(long activityId, boolean done) {
        Activity a = activity(activityId);
        if (a.kind() != ActivityKind.TASK) {
            throw DomainException.conflict("NOT_A_TASK", "lead.activity.notTask");
        }
        jdbc.sql("update lead_activity set done = ?, done_at = ? where id = ?")
                .params(done, done ? clock.instant() : null, activityId)
                .update();
        if (done) {
            change(a.institutionId(), "lead.change.taskDone", a.subject());
        }
        audit.record(
                LeadService.MODULE,
                "Activity",
                activityId,
                done ? "DONE" : "REOPEN",
                "Task " + a.subject() + (done ? " done" : " reopened"));
        return activity(activityId);
    }

    /** Activities and automatic change entries, newest first. */
    Slice<Activity> page(long institutionId, Pageable page) {
        List<Activity> rows = jdbc.sql(
                        SELECT + "where a.institution_id = ? order by a.created_at desc, a.id desc limit ? offset ?")
                .params(institutionId, page.getPageSize() + 1, page.getOffset())
                .query(Activity.class)
                .list();
        return Rows.slice(rows, page);
    }

    /** Open tasks of a user (or of all users when null), the oldest due date first. */
    List<Activity> openTasks(@Nullable String assignee) {
        String open = "where a.kind = 'TASK' and not a.done and i.archived_at is null ";
        return assignee == null
                ? jdbc.sql(SELECT + open + "order by a.due_date, a.id")
                        .query(Activity.class)
                        .list()
                : jdbc.sql(SELECT + open + "and a.assignee = ? order by a.due_date, a.id")
                        .param(assignee)
                        .query(Activity.class)
                        .list();
    }

    /** An automatic timeline entry; the subject is a message key with arguments, resolved when shown. */
    void change(long institutionId, String key, String... args) {
        String subject = key + (args.length == 0 ? "" : "|" + String.join("|", args));
        jdbc.sql("insert into lead_activity (institution_id, kind, subject, created_by, created_at) "
                        + "values (?, 'CHANGE', ?, ?, ?)")
                .params(institutionId, Texts.atMost(subject, 255), me(), clock.instant())
                .update();
    }
}
