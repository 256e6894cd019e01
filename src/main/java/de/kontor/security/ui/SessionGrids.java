package de.kontor.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.security.SessionInfo;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;

/** The columns both session lists share: kind (and whether ended), browser or token, address and node, last activity and start. */
final class SessionGrids {

    private SessionGrids() {}

    static void addColumns(Grid<SessionInfo> grid, ZoneId zone) {
        Component texts = new Span();
        Grids.key(grid.addComponentColumn(s -> {
                    Span kind = Badges.of(
                            texts.getTranslation("session.kind." + s.kind()),
                            SessionInfo.UI.equals(s.kind()) ? Badges.Tone.PRIMARY : Badges.Tone.NEUTRAL);
                    // the state shares the cell: an ended session says so, the open ones need no word
                    if (s.endedAt() != null) {
                        return new Span(
                                kind,
                                new Span(" "),
                                Badges.of(texts.getTranslation("session.status.ended"), Badges.Tone.NEUTRAL));
                    }
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
                .setSortProperty("kind"));
        // A web session has a browser, an API session a token: one column for both. Address over node and
        // last activity over start share a cell each, so the list fits beside the menu without scrolling.
        Grids.text(grid, s -> client(texts, s), "10rem")
                .setHeader(texts.getTranslation("session.client"))
                .setKey("browser");
        Grids.key(grid.addComponentColumn(s -> twoLines(nz(s.address()), nz(s.node())))
                .setHeader(texts.getTranslation("session.where"))
                .setKey("address")
                .setSortProperty("address"));
        Grids.key(grid.addComponentColumn(s -> twoLines(
                        Formats.dateTime(s.lastSeenAt(), zone),
                        texts.getTranslation("session.since", Formats.dateTime(s.startedAt(), zone))))
                .setHeader(texts.getTranslation("session.lastSeen"))
                .setKey("lastSeen")
                .setSortProperty("lastSeenAt"));
    }

    private static String client(Component texts, SessionInfo s) {
        if (SessionInfo.API.equals(s.kind())) {
            return s.tokenName() == null ? texts.getTranslation("session.signInToken") : s.tokenName();
        }
        return nz(s.browser());
    }

    private static Div twoLines(String first, String second) {
        Span below = new Span(second);
        below.addClassName("kontor-muted");
        Div cell = new Div(new Span(first), below);
        cell.addClassName("kontor-two-lines");
        return cell;
    }

    private static String nz(@Nullable String text) {
        return text == null ? "" : text;
    }
}
