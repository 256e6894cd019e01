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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The kiosk board for Raspberry Pi screens: {@code /kiosk/<device token>}, no login, nothing to click and
 * nowhere to go. Large, dark, high-contrast; updated by server push (printers, reservations, settings) and
 * every 15 seconds (clock, remaining time). Without a token the screen shows a pairing code. If the
 * connection drops, the last data stays with "not updated since hh:mm" until it is back.
 */
@Route(value = "kiosk/:token?", autoLayout = false)
@AnonymousAllowed
class KioskView extends Div implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    static final String BG = "#0b0f14";
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

    KioskView(KioskService kiosks, KioskBroadcaster broadcaster, ZoneId zone, Clock clock) {
        this.kiosks = kiosks;
        this.broadcaster = broadcaster;
        this.zone = zone;
        this.clock = clock;
        setId("kiosk");
        getStyle()
                .set("position", "fixed")
                .set("inset", "0")
                .set("background", BG)
                .set("color", "#e6edf3")
                .set("font-family", "var(--lumo-font-family)")
                .set("overflow", "hidden")
                .set("padding", "2vmin")
                .set("box-sizing", "border-box")
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "1.5vmin");
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
        title.getStyle().set("font-size", "clamp(22px, 4vmin, 60px)").set("font-weight", "700");
        Span time = new Span(HH_MM.withZone(zone).format(board.at()));
        time.setId("kiosk-clock");
        time.getStyle()
                .set("font-size", "clamp(36px, 7vmin, 110px)")
                .set("font-weight", "700")
                .set("font-variant-numeric", "tabular-nums");
        Div header = new Div(title, time);
        header.getStyle()
                .set("display", "flex")
                .set("justify-content", "space-between")
                .set("align-items", "center");
        add(header);
        if (board.announcement() != null) {
            Div announcement = new Div(board.announcement());
            announcement.setId("kiosk-announcement");
            announcement
                    .getStyle()
                    .set("font-size", "clamp(18px, 3.2vmin, 48px)")
                    .set("background", "#1f2937")
                    .set("padding", "1.2vmin 2vmin")
                    .set("border-left", "1vmin solid #fbbf24")
                    .set("border-radius", "1vmin");
            add(announcement);
        }
        Div grid = new Div();
        grid.setId("kiosk-printers");
        grid.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fit, minmax(min(100%, 34vmin), 1fr))")
                .set("gap", "1.5vmin")
                .set("flex", "1")
                .set("align-content", "start");
        for (PrinterCard card : board.printers()) {
            grid.add(card(card, board.at()));
        }
        if (board.printers().isEmpty()) {
            grid.add(new Span(getTranslation("kiosk.board.noPrinters")));
        }
        add(grid, stale);
    }

    private Div card(PrinterCard c, Instant now) {
        String color = switch (c.state()) {
            case FREE -> "#16a34a";
            case PRINTING -> "#2563eb";
            case RESERVED_SOON -> "#d97706";
            case OFFLINE -> "#dc2626";
            case MAINTENANCE -> "#6b7280";
        };
        Div card = new Div();
        card.setId("kiosk-printer-" + c.printerId());
        card.addClassName("kiosk-card");
        card.getElement().setAttribute("data-state", c.state().name());
        card.getStyle()
                .set("background", "#111827")
                .set("border-radius", "1.5vmin")
                .set("padding", "1.8vmin 2vmin")
                .set("border-top", "1.2vmin solid " + color)
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "0.8vmin");
        Span name = new Span(c.name());
        name.getStyle().set("font-size", "clamp(22px, 3.6vmin, 56px)").set("font-weight", "700");
        Span state = new Span(getTranslation("kiosk.state." + c.state().name()));
        state.addClassName("kiosk-state");
        state.getStyle()
                .set("font-size", "clamp(20px, 3vmin, 48px)")
                .set("font-weight", "700")
                .set("color", color);
        card.add(name, state);
        if (c.currentEnds() != null) {
            long minutes = Math.max(0, Duration.between(now, c.currentEnds()).toMinutes());
            Span remaining = new Span(
                    getTranslation("kiosk.board.until", HH_MM.withZone(zone).format(c.currentEnds()), minutes)
                            + (c.currentWho() != null ? " · " + c.currentWho() : ""));
            remaining.addClassName("kiosk-current");
            remaining.getStyle().set("font-size", "clamp(16px, 2.6vmin, 40px)");
            Div bar = new Div();
            bar.getStyle().set("height", "1.2vmin").set("background", "#374151").set("border-radius", "1vmin");
            Div fill = new Div();
            fill.addClassName("kiosk-progress");
            fill.getStyle()
                    .set("height", "100%")
                    .set("width", Math.round((c.progress() == null ? 0 : c.progress()) * 100) + "%")
                    .set("background", color)
                    .set("border-radius", "1vmin");
            bar.add(fill);
            card.add(remaining, bar);
        }
        Div facts = new Div();
        facts.getStyle()
                .set("display", "flex")
                .set("justify-content", "space-between")
                .set("font-size", "clamp(16px, 2.4vmin, 36px)")
                .set("color", "#9aa7b4");
        facts.getStyle().set("gap", "1vmin").set("flex-wrap", "wrap");
        Span power = new Span(c.powerWatts() == null ? "–" : String.format(getLocale(), "%.0f W", c.powerWatts()));
        power.getStyle().set("white-space", "nowrap");
        facts.add(power);
        if (c.nextStarts() != null) {
            Span next = new Span(getTranslation("kiosk.board.next", when(c.nextStarts(), now))
                    + (c.nextWho() != null ? " · " + c.nextWho() : ""));
            next.getStyle()
                    .set("white-space", "nowrap")
                    .set("overflow", "hidden")
                    .set("text-overflow", "ellipsis");
            next.addClassName("kiosk-next");
            facts.add(next);
        }
        card.add(facts);
        return card;
    }

    /** A start as seen from the wall: the time today, "tomorrow 09:00", else the weekday ("Tue 09:00"). */
    String when(Instant at, Instant now) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        String time = HH_MM.withZone(zone).format(at);
        if (day.equals(today)) {
            return time;
        }
        if (day.equals(today.plusDays(1))) {
            return getTranslation("kiosk.board.tomorrow", time);
        }
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, getLocale()) + " " + time;
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
