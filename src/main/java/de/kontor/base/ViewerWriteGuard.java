package de.kontor.base;

import de.kontor.base.error.DomainException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read-only role enforced where every change passes: a viewer cannot begin a read-write transaction,
 * whichever view, endpoint or service it comes from (403 {@code VIEWER_READ_ONLY}). Only methods marked
 * {@link ViewerAllowed} (their own account, preferences, the audit log's bookkeeping) may write. Views hide
 * their write actions for viewers ({@link CurrentUser#canWrite()}); this guard is what makes that safe.
 * <p>
 * Spring Boot registers this listener with the transaction manager; the transaction's name is the
 * {@code @Transactional} method's qualified name, from which the marker is looked up once per method.
 */
@Component
class ViewerWriteGuard implements TransactionExecutionListener {

    private final Map<String, Boolean> allowed = new ConcurrentHashMap<>();

    @Override
    public void beforeBegin(TransactionExecution transaction) {
        if (transaction.isReadOnly() || !CurrentUser.isViewer()) {
            return;
        }
        String name = transaction.getTransactionName();
        if (!allowed.computeIfAbsent(name, ViewerWriteGuard::marked)) {
            throw new DomainException(403, "VIEWER_READ_ONLY", "viewer.error.readOnly");
        }
    }

    /** Whether the method named {@code class.method} (or its class) carries {@link ViewerAllowed}. */
    static boolean marked(String qualifiedMethod) {
        int dot = qualifiedMethod.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            Class<?> type =
                    ClassUtils.forName(qualifiedMethod.substring(0, dot), ViewerWriteGuard.class.getClassLoader());
            String method = qualifiedMethod.substring(dot + 1);
            return AnnotatedElementUtils.hasAnnotation(type, ViewerAllowed.class)
                    || Arrays.stream(type.getDeclaredMethods())
                            .filter(m -> m.getName().equals(method))
                            .anyMatch(ViewerWriteGuard::annotated);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean annotated(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, ViewerAllowed.class);
    }
}
