package de.kontor.security.ui;

import de.kontor.security.UserService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Signs out web sessions that were ended in the session registry, on any node: the session is invalidated
 * and the request goes on unauthenticated, so a page request lands on the login page (which says why) and
 * a Vaadin request gets Vaadin's "session expired", which reloads the page into the login. Each signed-in
 * request also registers its session (the first time) and records its activity; Vaadin's heartbeats do not
 * count as activity, as they do not keep a session alive either.
 */
class EndedSessionFilter extends OncePerRequestFilter {

    static final String ENDED_PARAMETER = "ended";
    private static final Logger log = LoggerFactory.getLogger(EndedSessionFilter.class);

    private final UserService users;
    private final SecurityContextHolderStrategy contexts;

    EndedSessionFilter(UserService users, SecurityContextHolderStrategy contexts) {
        this.users = users;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = contexts.getContext().getAuthentication();
        if (session == null
                || auth == null
                || !auth.isAuthenticated()
                || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        if (ended(request, auth)) {
            session.invalidate();
            contexts.clearContext();
            if ("GET".equals(request.getMethod()) && request.getParameter("v-r") == null) {
                response.sendRedirect(request.getContextPath() + "/login?" + ENDED_PARAMETER);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean ended(HttpServletRequest request, Authentication auth) {
        String query = request.getQueryString();
        boolean heartbeat = query != null && query.contains("v-r=heartbeat");
        try {
            return users.uiSessionEnded(request, auth.getName(), !heartbeat);
        } catch (DataAccessException e) {
            // Without the database the request fails anyway; it says so better than this filter could.
            log.debug("Session registry not reachable: {}", e.toString());
            return false;
        }
    }
}
