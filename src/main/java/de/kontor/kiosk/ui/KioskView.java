package de.kontor.kiosk.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import de.kontor.kiosk.KioskModel.Board;
import de.kontor.kiosk.KioskModel.Kiosk;
import de.kontor.kiosk.KioskModel.PrinterCard;
import de.kontor.kiosk.KioskService;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kiosk board for Raspberry Pi screens: {@code /kiosk/<device token>}, no login, nothing to click and
 * nowhere to go. Large, dark, high-contrast, the printer cards filling the screen ({@link KioskCards}; the
 * look is {@code kiosk-*} in the theme); updated by server push (printers, reservations, settings) and
 * every 15 seconds (clock, remaining time). Without a token the screen shows a pairing code. If the
 * connection drops, the last data stays with "not updated since hh:mm" until it is back.
 */
@Route(value = "kiosk/:token?", autoLayout = false)
@AnonymousAllowed
class KioskView extends Div implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final KioskService kiosks;
    private final KioskBroadcaster broadcaster;
    private final ZoneId zone;
    private final Clock clock;
    private final List<Registration> registrations = new ArrayList<>();
    private @Nullable Kiosk kiosk;
    private @Nullable String pairingCode;
    private String token = "";
    private final Div stale = new Div();
    private final KioskCards cards;

    KioskView(KioskService kiosks, KioskBroadcaster broadcaster, ZoneId zone, Clock clock) {
        this.kiosks = kiosks;
        this.broadcaster = broadcaster;
        this.zone = zone;
        this.clock = clock;
        this.cards = new KioskCards(this, zone);
        setId("kiosk");
        addClassName("kiosk-board");
        stale.setId("kiosk-stale");
        stale.getStyle()
                .set("display", "none")
                .set("position", "fixed")
                .set("left", "0")
                .set("right", "0")
                .set("bottom", "0")
                .set("background", "#b45309")
                .set("color", "#fff")
                .set("font-size", "3vmin")
                .set("padding", "1vmin 2vmin")
                .set("text-align", "center")
                .set("z-index", "10");
        broadcaster.whileAttached(this, this::render);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String given = event.getRouteParameters().get("token").orElse(null);
        token = given == null ? "" : given;
        kiosk = given == null ? null : kiosks.byToken(given).orElse(null);
        if (given == null) {
            showPairing();
        } else {
            render();
        }
    }

    /** The current kiosk, for tests. */
    @Nullable
    Kiosk kiosk() {
        return kiosk;
    }

    void render() {
        removeAll();
        if (kiosk == null) {
            message("kiosk-unknown", getTranslation("kiosk.board.unknown"), getTranslation("kiosk.board.unknown.hint"));
            return;
        }
        Kiosk k = kiosks.byToken(token).orElse(null);
        if (k == null) {
            kiosk = null;
            message("kiosk-unknown", getTranslation("kiosk.board.unknown"), getTranslation("kiosk.board.unknown.hint"));
            return;
        }
        kiosk = k;
        if (!k.active()) {
            message("kiosk-deactivated", getTranslation("kiosk.board.deactivated"), k.name());
            return;
        }
        Board board = kiosks.board(k);
        getElement().setAttribute("data-updated", HH_MM.withZone(zone).format(board.at()));
        if (!board.screenOn()) {
            Div dark = new Div();
            dark.setId("kiosk-dark");
            dark.getStyle().set("position", "fixed").set("inset", "0").set("background", "#000");
            add(dark);
            return;
        }
        Span title = new Span(board.kioskName());
        title.setId("kiosk-title");
        title.addClassName("kiosk-title");
        Span time = new Span(HH_MM.withZone(zone).format(board.at()));
        time.setId("kiosk-clock");
        time.addClassName("kiosk-clock");
        Div header = new Div(title, time);
        header.addClassName("kiosk-header");
        add(header);
        if (board.announcement() != null) {
            Div announcement = new Div(board.announcement());
            announcement.setId("kiosk-announcement");
            announcement.addClassName("kiosk-announcement");
            add(announcement);
        }
        Div grid = new Div();
        grid.setId("kiosk-printers");
        grid.addClassName("kiosk-printers");
        KioskCards.Arrangement arrangement = KioskCards.arrange(board.printers().size());
        grid.getStyle()
                .set("--kiosk-columns", String.valueOf(arrangement.columns()))
                .set("--kiosk-rows", String.valueOf(arrangement.rows()));
        for (PrinterCard card : board.printers()) {
            grid.add(cards.card(card, board.at()));
        }
        if (board.printers().isEmpty()) {
            grid.add(new Span(getTranslation("kiosk.board.noPrinters")));
        }
        add(grid, stale);
    }

    Locale locale() {
        return getLocale();
    }

    /** A start as seen from the wall: the time today, "tomorrow 09:00", else the weekday ("Tue 09:00"). */
    String when(Instant at, Instant now) {
        return cards.when(at, now);
    }

    private void message(String id, String title, String detail) {
        Div box = new Div();
        box.setId(id);
        box.getStyle().set("margin", "auto").set("text-align", "center");
        Div big = new Div(title);
        big.getStyle().set("font-size", "6vmin").set("font-weight", "700");
        Div small = new Div(detail);
        small.getStyle().set("font-size", "3vmin").set("color", "#9aa7b4").set("margin-top", "2vmin");
        box.add(big, small);
        add(box);
    }

    // ---- pairing a new screen --------------------------------------------------------------------------

    private void showPairing() {
        removeAll();
        pairingCode = kiosks.startPairing();
        message("kiosk-pairing", pairingCode, getTranslation("kiosk.board.pairing"));
        // a screen paired earlier keeps its token in the browser: go straight to its board
        getElement()
                .executeJs("const t = localStorage.getItem('kontor-kiosk-token');"
                        + "if (t) { location.replace('kiosk/' + t); }");
    }

    private void paired(String code) {
        if (code.equals(pairingCode)) {
            kiosks.pickUp(code).ifPresent(token -> {
                getElement()
                        .executeJs(
                                "localStorage.setItem('kontor-kiosk-token', $0); location.replace('kiosk/' + $0);",
                                token);
                pairingCode = null;
            });
        }
    }

    /** The code a waiting screen shows, for tests. */
    @Nullable
    String pairingCode() {
        return pairingCode;
    }

    /** A kiosk stays on its board: navigation elsewhere (a stray link, a script) is held back for good. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!event.getNavigationTarget().equals(KioskView.class)) {
            event.postpone();
        }
    }

    // ---- connection ---------------------------------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(15_000); // clock and remaining times; also keeps the session alive without a user
        registrations.add(ui.addPollListener(e -> {
            render();
            if (kiosk != null) {
                kiosks.seen(kiosk.id(), null, null);
            }
            if (pairingCode != null) {
                paired(pairingCode); // in case the push was missed
            }
        }));
        registrations.add(broadcaster.onPaired(this, this::paired));
        if (kiosk != null) {
            String browser = VaadinSession.getCurrent() == null
                            || VaadinSession.getCurrent().getBrowser() == null
                    ? null
                    : VaadinSession.getCurrent().getBrowser().getBrowserApplication();
            kiosks.seen(kiosk.id(), browser, null);
            ui.getPage()
                    .retrieveExtendedClientDetails(details ->
                            kiosks.seen(kiosk.id(), null, details.getScreenWidth() + "×" + details.getScreenHeight()));
            getElement()
                    .executeJs("navigator.serviceWorker && navigator.serviceWorker.register('kiosk-sw.js', "
                            + "{scope: 'kiosk'}).catch(() => {});");
        }
        // connection lost: keep the last data, say since when; reload once Kontor answers again
        stale.getElement().setAttribute("data-template", getTranslation("kiosk.board.stale", "{0}"));
        getElement().executeJs("""
                const board = $0, banner = $1;
                let lostSince = null;
                const show = lost => {
                  banner.style.display = lost ? 'block' : 'none';
                  banner.textContent = banner.dataset.template.replace('{0}', board.dataset.updated || '');
                };
                const state = window.Vaadin && window.Vaadin.connectionState;
                if (state && state.addStateChangeListener) {
                  state.addStateChangeListener((previous, current) => {
                    const lost = current !== 'connected';
                    lostSince = lost ? (lostSince || Date.now()) : null;
                    show(lost);
                  });
                }
                window.addEventListener('offline', () => show(true));
                setInterval(() => {
                  if (lostSince && Date.now() - lostSince > 30000) {
                    fetch(location.href, {method: 'HEAD', cache: 'no-store'}).then(r => { if (r.ok) location.reload(); })
                      .catch(() => {});
                  }
                }, 10000);
                """, getElement(), stale.getElement());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        registrations.forEach(Registration::remove);
        registrations.clear();
    }

    @Override
    public String getPageTitle() {
        return kiosk == null ? "Kontor" : kiosk.name() + " · Kontor";
    }
}
