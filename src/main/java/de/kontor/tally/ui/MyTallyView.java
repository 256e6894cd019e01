package de.kontor.tally.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.DashboardTile;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.QrCodes;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.NoticeSettings;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.Token;
import de.kontor.tally.TallyService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * A member's own tally account: balance, ledger, NFC tokens, QR codes to print, notices and thresholds,
 * e-mail, a PDF statement. Shows only the signed-in person's data.
 */
@Route("my-tally")
@Menu(title = "menu.myTally", order = 501, icon = "vaadin:wallet")
@RolesAllowed({"MEMBER", "ADMIN"})
class MyTallyView extends Div implements HasDynamicTitle {

    private final TallyService tally;
    private final ZoneId zone;
    private final Clock clock;
    private final String currency;
    private boolean narrow;
    private @Nullable Grid<Entry> ledger;

    MyTallyView(TallyService tally, ZoneId zone, Clock clock) {
        this.tally = tally;
        this.clock = clock;
        this.zone = zone;
        this.currency = tally.settings().currency();
        addClassName("kontor-view");
        setId("my-tally-view");
        render();
        NarrowLayout.whileAttached(this, this::narrow);
    }

    /**
     * On a phone the balance stands large on top with the actions right under it, and each booking is one
     * readable row (what, when, amount) instead of the desktop columns.
     */
    void narrow(boolean phone) {
        narrow = phone;
        setClassName("kontor-my-tally-narrow", phone);
        if (ledger != null) {
            ledger.setHeight(phone ? "30rem" : "20rem");
            TallyUi.narrowLedger(ledger, phone);
        }
    }

    private void render() {
        removeAll();
        Optional<PersonDetails> own = tally.own();
        if (own.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("tally.own.none"));
            none.setId("my-tally-none");
            add(none);
            return;
        }
        PersonDetails me = own.get();
        Div tiles = new Div(
                DashboardTile.numberTile(
                        "my-tally-balance", me.balance() + " " + currency, getTranslation("tally.own.balance")),
                DashboardTile.textTile("my-tally-code", me.code(), getTranslation("tally.own.code")));
        tiles.addClassNames("kontor-tiles", "kontor-my-tally-top");
        add(tiles, jumps());
        if (me.locked()) {
            Paragraph locked = new Paragraph(getTranslation("tally.own.locked"));
            locked.setId("my-tally-locked");
            locked.getStyle().set("color", "var(--lumo-error-text-color)");
            add(locked);
        }

        add(new H3(getTranslation("tally.ledger")));
        Grid<Entry> entries = TallyUi.ledgerGrid(this, "my-tally-ledger", zone, currency, false);
        entries.setItems(LazyGrids.pages(tally::ownLedger));
        entries.setHeight("20rem");
        ledger = entries;
        add(entries);
        narrow(narrow);

        add(section("my-tally-section-qr", "tally.own.qr"), qrCodes(me));
        add(new H3(getTranslation("tally.tokens")), tokens());
        add(section("my-tally-section-notices", "tally.own.notices"), notices(me));
        add(section("my-tally-section-email", "tally.own.email"), email(me));
        Anchor password = new Anchor("account", getTranslation("tally.own.password"));
        password.setId("my-tally-password");
        add(password);
        add(section("my-tally-section-statement", "tally.statement"));
        add(new StatementPanel(
                clock,
                zone,
                "statement-" + me.code(),
                (from, to) -> tally.statementPdf(tally.ownStatement(from, to), getLocale())));
    }

    private static H3 section(String id, String key) {
        H3 heading = new H3();
        heading.setId(id);
        heading.setText(heading.getTranslation(key));
        return heading;
    }

    /** What a member comes here to do, reachable at the top without scrolling past the bookings. */
    private Component jumps() {
        Div jumps = new Div();
        jumps.setId("my-tally-actions");
        jumps.addClassName("kontor-my-tally-actions");
        for (String[] target : new String[][] {
            {"my-tally-section-qr", "tally.own.jump.qr", "QRCODE"},
            {"my-tally-section-statement", "tally.own.jump.statement", "FILE_TEXT_O"},
            {"my-tally-section-notices", "tally.own.jump.notices", "BELL_O"},
            {"my-tally-section-email", "tally.own.jump.email", "ENVELOPE_O"}
        }) {
            Button jump = new Button(
                    getTranslation(target[1]),
                    VaadinIcon.valueOf(target[2]).create(),
                    e -> getUI().ifPresent(ui -> ui.getPage()
                            .executeJs(
                                    "document.getElementById($0)?.scrollIntoView({behavior: 'smooth'})", target[0])));
            jump.setId("jump-" + target[0]);
            jump.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            jumps.add(jump);
        }
        return jumps;
    }

    private Component qrCodes(PersonDetails me) {
        Div book = qr("my-tally-qr-book", me.code() + "a", getTranslation("tally.own.qr.book"));
        Div show = qr("my-tally-qr-show", me.code() + "k", getTranslation("tally.own.qr.show"));
        Div codes = new Div(book, show);
        codes.addClassName("kontor-tiles");
        Button print = new Button(
                getTranslation("tally.own.qr.print"),
                VaadinIcon.PRINT.create(),
                e -> UI.getCurrent().getPage().executeJs("window.print()"));
        print.setId("my-tally-print");
        print.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new Div(codes, print);
    }

    private static Div qr(String id, String content, String caption) {
        Div card = new Div(new Html(QrCodes.svg(content, 180)));
        card.setId(id);
        card.getElement().setAttribute("data-content", content);
        card.addClassName("kontor-card");
        Div label = new Div(caption);
        label.addClassName("kontor-muted");
        card.add(label);
        return card;
    }

    private Component tokens() {
        Grid<Token> grid = new Grid<>();
        grid.setId("my-tally-tokens");
        TallyUi.tokenColumns(this, grid, zone, false);
        grid.setItems(tally.ownTokens());
        Grids.counted(grid, getTranslation("tally.own.tokens.empty"));
        return grid;
    }

    private Component notices(PersonDetails me) {
        Checkbox booking = new Checkbox(getTranslation("tally.notify.booking"), me.notifyBooking());
        booking.setId("my-tally-notify-booking");
        Checkbox zero = new Checkbox(getTranslation("tally.notify.zero"), me.notifyZero());
        zero.setId("my-tally-notify-zero");
        Checkbox threshold = new Checkbox(getTranslation("tally.notify.threshold"), me.notifyThreshold());
        threshold.setId("my-tally-notify-threshold");
        TextField reminder = new TextField(getTranslation("tally.field.reminder"));
        reminder.setId("my-tally-reminder");
        reminder.setHelperText(getTranslation("tally.field.reminder.help"));
        reminder.setValue(
                me.reminderThreshold() == null ? "" : me.reminderThreshold().toString());
        Button save = new Button(getTranslation("action.save"), e -> {
            Optional<Long> value = WholeNumbers.parse(reminder.getValue());
            if (!reminder.getValue().isBlank()
                    && value.filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE)
                            .isEmpty()) {
                reminder.setInvalid(true);
                reminder.setErrorMessage(getTranslation("tally.amount.notWhole"));
                return;
            }
            if (threshold.getValue() && value.isEmpty()) {
                reminder.setInvalid(true);
                reminder.setErrorMessage(getTranslation("tally.own.reminderRequired"));
                return;
            }
            reminder.setInvalid(false);
            tally.updateOwnNotifications(new NoticeSettings(
                    booking.getValue(),
                    zero.getValue(),
                    threshold.getValue(),
                    value.map(Long::intValue).orElse(null)));
            Notifications.success(getTranslation("tally.saved"));
        });
        save.setId("my-tally-notices-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (me.email() == null) {
            Paragraph hint = new Paragraph(getTranslation("tally.own.noEmail"));
            hint.addClassName("kontor-muted");
            return new Div(hint, new FormLayout(booking, zero, threshold, reminder), save);
        }
        return new Div(new FormLayout(booking, zero, threshold, reminder), save);
    }

    private Component email(PersonDetails me) {
        TextField email = new TextField(getTranslation("tally.field.email"));
        email.setId("my-tally-email");
        email.setValue(me.email() == null ? "" : me.email());
        email.setWidth("24em");
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                tally.changeOwnEmail(email.getValue());
                Notifications.success(getTranslation("tally.saved"));
                render();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("email", email));
            }
        });
        save.setId("my-tally-email-save");
        HorizontalLayout row = new HorizontalLayout(email, save);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.myTally");
    }
}
