package de.kontor.tally.api;

import de.kontor.base.api.JsonResponses;
import de.kontor.base.db.DatabaseUnavailable;
import de.kontor.tally.TallyModel.ApiClient;
import de.kontor.tally.TallyService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Checks {@code X-API-Key} before the body is read, as the terminal client expects: missing and unknown
 * keys get the original messages. {@code /health} needs no key. The caller is kept as a request
 * attribute for the controller. While the database is unavailable, the answers are the contract's for a
 * database failure (500), not an error page.
 */
final class TerminalKeyFilter extends OncePerRequestFilter {

    static final String CLIENT = TerminalKeyFilter.class.getName() + ".client";
    private static final Logger log = LoggerFactory.getLogger(TerminalKeyFilter.class);

    private final TallyService tally;
    private final String basePath;

    TerminalKeyFilter(TallyService tally, String basePath) {
        this.tally = tally;
        this.basePath = basePath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(basePath + "/health")) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader("X-API-Key");
        if (key == null || key.isBlank()) {
            JsonResponses.write(response, 401, Map.of("message", "API-Schlüssel fehlt!"));
            return;
        }
        Optional<ApiClient> client;
        try {
            client = tally.authenticate(key.strip());
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            // The key cannot be checked: answered as the contract says for a database failure.
            log.warn("Tally terminal request {}: database unavailable", path);
            JsonResponses.write(
                    response,
                    500,
                    Map.of(
                            "error",
                            path.equals(basePath + "/health-protected")
                                    ? "Datenbankverbindung fehlgeschlagen."
                                    : "Fehler bei der Transaktionsverarbeitung."));
            return;
        }
        if (client.isEmpty()) {
            JsonResponses.write(response, 401, Map.of("message", "Ungültiger API-Schlüssel!"));
            return;
        }
        request.setAttribute(CLIENT, client.get());
        chain.doFilter(request, response);
    }
}
