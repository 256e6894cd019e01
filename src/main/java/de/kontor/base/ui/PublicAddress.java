package de.kontor.base.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import org.jspecify.annotations.Nullable;

/** Where this Kontor is reached, for links it hands out: {@code kontor.base-url}, else the current request's. */
public final class PublicAddress {

    private PublicAddress() {}

    public static String of(@Nullable String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "http://localhost:8080";
        }
        var http = request.getHttpServletRequest();
        boolean defaultPort = ("http".equals(http.getScheme()) && http.getServerPort() == 80)
                || ("https".equals(http.getScheme()) && http.getServerPort() == 443);
        return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                + http.getContextPath();
    }
}
