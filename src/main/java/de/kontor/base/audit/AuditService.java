package de.kontor.base.audit;

import com.vaadin.flow.server.VaadinSession;
import de.kontor.base.CurrentUser;
import de.kontor.base.ViewerAllowed;
import de.kontor.base.db.Like;
import jakarta.persistence.criteria.Predicate;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit log: every change an admin or API client makes to business data is recorded here, in the
 * same transaction as the change itself, so a rolled-back change leaves no entry and a committed one
 * always has one.
 */
@Service
@ViewerAllowed
public class AuditService {

    /** The user name recorded for changes Kontor makes by itself. */
    public static final String SYSTEM_USER = "system";

    private final AuditRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    AuditService(AuditRepository repository, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change by the current user (or {@value #SYSTEM_USER}) without field details. */
    @Transactional
    public AuditEntry record(
            String module, String entityType, @Nullable Object entityId, String action, String summary) {
        return record(module, entityType, entityId, action, summary, List.of());
    }

    /** Records a change by the current user (or {@value #SYSTEM_USER}) with the fields it changed. */
    @Transactional
    public AuditEntry record(
            String module,
            String entityType,
            @Nullable Object entityId,
            String action,
            String summary,
            List<AuditChange> changes) {
        return recordAs(currentUsername(), module, entityType, entityId, action, summary, changes);
    }

    /** Records an event on behalf of a named user, e.g. a failed login where nobody is authenticated. */
    @Transactional
    public AuditEntry recordAs(
            String username,
            String module,
            String entityType,
            @Nullable Object entityId,
            String action,
            String summary,
            List<AuditChange> changes) {
        HttpServletRequest request = currentRequest();
        String details = changes.isEmpty() ? null : json.writeValueAsString(changes);
        AuditEntry entry = new AuditEntry(
                clock.instant(),
                username,
                currentChannel(request),
                module,
                entityType,
                entityId == null ? null : entityId.toString(),
                action,
                summary,
                details,
                request == null ? null : request.getRemoteAddr());
        return repository.save(entry);
    }

    @Transactional(readOnly = true)
    public Slice<AuditEntry> find(AuditQuery query, Pageable pageable) {
        Pageable sorted = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(
                        pageable.getPageNumber(),
                        pageable.getPageSize(),
                        Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")));
        return repository.findBy(specification(query), q -> q.slice(sorted));
    }

    /** When {@code module} last recorded {@code action}, by any node (e.g. the newest backup made anywhere). */
    @Transactional(readOnly = true)
    public Optional<Instant> latest(String module, String action) {
        return Optional.ofNullable(repository.latest(module, action));
    }

    @Transactional(readOnly = true)
    public long count(AuditQuery query) {
        return repository.count(specification(query));
    }

    /** The entries about one entity, newest first: the timeline on an entity's page. */
    @Transactional(readOnly = true)
    public Slice<AuditEntry> findForEntity(String entityType, Object entityId, Pageable pageable) {
        Pageable sorted = PageRequest.of(
                pageable.getPageNumber(),
                pageable.getPageSize(),
                Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")));
        return repository.findByEntityTypeAndEntityId(entityType, entityId.toString(), sorted);
    }

    @Transactional(readOnly = true)
    public List<String> usernames() {
        return repository.findDistinctUsernames();
    }

    @Transactional(readOnly = true)
    public List<String> modules() {
        return repository.findDistinctModules();
    }

    /** The recorded field changes of an entry. */
    public List<AuditChange> changesOf(AuditEntry entry) {
        if (entry.getDetails() == null) {
            return List.of();
        }
        return List.of(json.readValue(entry.getDetails(), AuditChange[].class));
    }

    private static Specification<AuditEntry> specification(AuditQuery query) {
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.username() != null && !query.username().isBlank()) {
                where.add(cb.equal(root.get("username"), query.username()));
            }
            if (query.module() != null && !query.module().isBlank()) {
                where.add(cb.equal(root.get("module"), query.module()));
            }
            if (query.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), query.from()));
            }
            if (query.to() != null) {
                where.add(cb.lessThan(root.get("occurredAt"), query.to()));
            }
            if (query.text() != null && !query.text().isBlank()) {
                String like = Like.contains(query.text());
                where.add(cb.or(
                        cb.like(cb.lower(root.get("summary")), like, '\\'),
                        cb.like(cb.lower(root.get("details")), like, '\\'),
                        cb.like(cb.lower(root.get("entityId")), like, '\\'),
                        cb.like(cb.lower(root.get("entityType")), like, '\\'),
                        cb.like(cb.lower(root.get("action")), like, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static String currentUsername() {
        return CurrentUser.username().orElse(SYSTEM_USER);
    }

    private static AuditChannel currentChannel(@Nullable HttpServletRequest request) {
        if (VaadinSession.getCurrent() != null) {
            return AuditChannel.UI;
        }
        if (request != null
                && request.getRequestURI() != null
                && request.getRequestURI().startsWith("/api/")) {
            return AuditChannel.API;
        }
        return request == null ? AuditChannel.SYSTEM : AuditChannel.UI;
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
