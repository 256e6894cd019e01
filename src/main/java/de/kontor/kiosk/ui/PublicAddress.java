package de.kontor.kiosk.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import org.jspecify.annotations.Nullable;

/** Where this Kontor is reached: {@code kontor.base-url} or the address of the current request. */
final class PublicAddress {

    private PublicAddress() {
    }

    static String of(@Nullable String configured) {
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
