package de.kontor.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Formats;
import de.kontor.security.SessionInfo;

import java.time.ZoneId;

/** The columns both session lists share: kind, browser, address, node, start and last activity. */
final class SessionGrids {

    private SessionGrids() {}

    static void addColumns(Grid<SessionInfo> grid, ZoneId zone) {
        Component texts = new Span();
        grid.addComponentColumn(s -> {
                    Span kind = Badges.of(
                            texts.getTranslation("session.kind." + s.kind()),
                            SessionInfo.UI.equals(s.kind()) ? Badges.Tone.PRIMARY : Badges.Tone.NEUTRAL);
                    if (!s.current()) {
                        return kind;
                    }
                    return new Span(
                            kind,
                            new Span(" "),
                            Badges.of(texts.getTranslation("session.current"), Badges.Tone.SUCCESS));
                })
                .setHeader(texts.getTranslation("session.kind"))
                .setKey("kind")
                .setSortProperty("kind")
                .setAutoWidth(true);
        grid.addColumn(s -> s.browser() == null ? "" : s.browser())
                .setHeader(texts.getTranslation("session.browser"))
                .setKey("browser")
                .setAutoWidth(true);
        grid.addColumn(s -> SessionInfo.API.equals(s.kind())
                        ? (s.tokenName() == null ? texts.getTranslation("session.signInToken") : s.tokenName())
                        : "")
                .setHeader(texts.getTranslation("session.token"))
                .setKey("token")
                .setAutoWidth(true);
        grid.addColumn(s -> s.address() == null ? "" : s.address())
                .setHeader(texts.getTranslation("session.address"))
                .setKey("address")
                .setSortProperty("address")
                .setAutoWidth(true);
        grid.addColumn(s -> s.node() == null ? "" : s.node())
                .setHeader(texts.getTranslation("session.node"))
                .setKey("node")
                .setSortProperty("node")
                .setAutoWidth(true);
        grid.addColumn(s -> Formats.dateTime(s.startedAt(), zone))
                .setHeader(texts.getTranslation("session.started"))
                .setKey("started")
                .setSortProperty("startedAt")
                .setAutoWidth(true);
        grid.addColumn(s -> Formats.dateTime(s.lastSeenAt(), zone))
                .setHeader(texts.getTranslation("session.lastSeen"))
                .setKey("lastSeen")
                .setSortProperty("lastSeenAt")
                .setAutoWidth(true);
    }
}
