package de.kontor.base.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Used by {@link AdminOnly}'s rule: viewers, the read-only role, may send the requests that only read
 * (GET, HEAD) to admin endpoints; every other method stays with admins.
 */
@Component("viewerAccess")
public class ViewerAccess {

    /** Whether the current HTTP request only reads. */
    public boolean reading() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        HttpServletRequest request = attributes.getRequest();
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }
}
