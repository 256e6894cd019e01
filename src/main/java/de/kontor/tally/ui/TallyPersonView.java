package de.kontor.tally.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import de.kontor.base.CurrentUser;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.DashboardTile;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.Token;
import de.kontor.tally.TallyProperties;
import de.kontor.tally.TallyService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tally person: balance, a booking (deposit or correction; large ones are confirmed first), details and
 * thresholds (edited in {@link TallyPersonForm}), NFC tokens, the ledger with reversals, a PDF statement;
 * lock, admin role, reset, archive and restore.
 */
@Route("tally/person")
@RolesAllowed({"ADMIN", "VIEWER"})
class TallyPersonView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final TallyService tally;
    private final TallyProperties properties;
    private final ZoneId zone;
    private final Clock clock;
    private final String currency;
    private @Nullable PersonDetails person;
    private @Nullable StatementPanel statement;
    private @Nullable Grid<Entry> ledger;
    private @Nullable Grid<Token> tokens;
    /** Fields that get the full width on a phone (their desktop width is set where they are made). */
    private final List<Component> wide = new ArrayList<>();

    private boolean narrow;

    TallyPersonView(TallyService tally, TallyProperties properties, ZoneId zone, Clock clock) {
        this.tally = tally;
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
        this.currency = tally.settings().currency();
        addClassName("kontor-view");
        setId("tally-person-view");
        NarrowLayout.whileAttached(this, this::narrow);
    }

    /**
     * On a phone the balance stands on top, the booking fields take the full width, and a booking or token is
     * one readable row with its action beside it instead of the desktop columns.
     */
    void narrow(boolean phone) {
        narrow = phone;
        setClassName("kontor-narrow", phone);
        if (ledger != null) {
            TallyUi.narrowLedger(ledger, phone, "reverse");
        }
        if (tokens != null) {
            for (String key : List.of("created", "lastUsed")) {
                tokens.getColumnByKey(key).setVisible(!phone);
            }
        }
        for (Component field : wide) {
            ((HasSize) field).setWidth(phone ? "100%" : null);
        }
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        person = tally.details(id);
        render();
    }

    PersonDetails person() {
        if (person == null) {
            throw new IllegalStateException("No person shown");
        }
        return person;
    }

    private void reload() {
        person = tally.details(person().id());
        render();
    }

    private void render() {
        PersonDetails p = person();
        removeAll();
        wide.clear();
        add(TallyUi.nav(this, ""));
        add(header(p));

        Div tiles = new Div(
                DashboardTile.numberTile(
                        "tally-balance", p.balance() + " " + currency, getTranslation("tally.balance")),
                DashboardTile.textTile(
                        "tally-since", Formats.date(p.createdAt(), zone), getTranslation("tally.since")));
        tiles.addClassNames("kontor-tiles", "kontor-tiles-compact");
        add(tiles);

        add(new H3(getTranslation("tally.booking")), bookingForm(p));
        add(new H3(getTranslation("tally.details")), details(p));
        add(new H3(getTranslation("tally.tokens")), tokens(p));
        add(new H3(getTranslation("tally.ledger")), ledger(p));
        add(new H3(getTranslation("tally.statement")));
        statement = new StatementPanel(
                clock,
                zone,
                "statement-" + p.code(),
                (from, to) -> tally.statementPdf(tally.statement(p.id(), from, to), getLocale()));
        add(statement);
        narrow(narrow);
    }

    private ViewHeader header(PersonDetails p) {
        H2 title = new H2(p.firstName() + " " + p.lastName() + " · " + p.code());
        title.setId("tally-person-title");
        ViewHeader header = new ViewHeader(title);
        if (p.locked()) {
            header.start(Badges.of(getTranslation("tally.locked"), Badges.Tone.WARNING));
        }
        if (p.admin()) {
            header.start(Badges.of(getTranslation("tally.admin"), Badges.Tone.PRIMARY));
        }
        if (p.archivedAt() != null) {
            header.start(Badges.of(getTranslation("tally.archived"), Badges.Tone.ERROR));
        }
        Button edit = new Button(getTranslation("tally.edit"), VaadinIcon.EDIT.create(), e -> openForm(p));
        edit.setId("tally-edit");
        Button lock = new Button(
                getTranslation(p.locked() ? "tally.unlock" : "tally.lock"),
                (p.locked() ? VaadinIcon.UNLOCK : VaadinIcon.LOCK).create(),
                e -> {
                    tally.setLocked(p.id(), !p.locked());
                    reload();
                });
        lock.setId("tally-lock");
        Button admin = new Button(getTranslation(p.admin() ? "tally.revokeAdmin" : "tally.grantAdmin"), e -> {
            try {
                tally.setAdmin(p.id(), !p.admin());
                reload();
            } catch (DomainException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        admin.setId("tally-admin");
        Button reset = new Button(getTranslation("tally.reset"), VaadinIcon.ERASER.create(), e -> confirmReset());
        reset.setId("tally-reset");
        Button archive = p.archivedAt() == null
                ? new Button(getTranslation("tally.archive"), VaadinIcon.ARCHIVE.create(), e -> confirmArchive())
                : new Button(getTranslation("tally.restore"), VaadinIcon.ARROW_BACKWARD.create(), e -> {
                    tally.restorePerson(p.id());
                    reload();
                });
        archive.setId(p.archivedAt() == null ? "tally-archive" : "tally-restore");
        archive.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return header.actions(edit, lock, admin, reset, archive);
    }

    /** Amount and description; a booking of more than the configured size is confirmed with the new balance. */
    private Component bookingForm(PersonDetails p) {
        AmountField amount = new AmountField(getTranslation("tally.field.amount"), "tally-booking-amount");
        amount.setHelperText(getTranslation("tally.field.amount.help"));
        TextField description = new TextField(getTranslation("tally.field.description"));
        description.setId("tally-booking-description");
        description.setMaxLength(255);
        description.addClassName("kontor-tally-description");
        wide.add(amount);
        wide.add(description);
        Button book = new Button(getTranslation("tally.book"), VaadinIcon.PLUS_CIRCLE.create(), e -> {
            Optional<Long> value = amount.amount();
            if (value.isEmpty()) {
                return;
            }
            long booking = value.get();
            String text = description.getValue();
            Runnable doBook = () -> {
                try {
                    tally.addBooking(p.id(), booking, text);
                    Notifications.success(getTranslation("tally.booked", TallyUi.amount(booking, currency)));
                    reload();
                } catch (DomainException ex) {
                    FieldErrors.show(this, ex, Map.of("amount", amount, "description", description));
                }
            };
            // only bookings the service would take are confirmed; the others get their field message at once
            if (Math.abs(booking) > properties.confirmAbove() && properties.allows(booking) && !text.isBlank()) {
                Confirmations.ask(
                        "tally-booking-confirm",
                        getTranslation("tally.booking.confirm.title"),
                        getTranslation(
                                "tally.booking.confirm",
                                TallyUi.amount(booking, currency),
                                p.name(),
                                (p.balance() + booking) + " " + currency),
                        getTranslation("tally.book"),
                        false,
                        doBook);
            } else {
                doBook.run();
            }
        });
        book.setId("tally-book");
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return row(amount, description, book);
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** What the form edits, read-only. */
    private Component details(PersonDetails p) {
        Div details = new Div();
        details.setId("tally-details");
        details.add(line("tally.field.email", p.email() == null ? "–" : p.email()));
        details.add(line(
                "tally.field.reminder", p.reminderThreshold() == null ? "–" : p.reminderThreshold() + " " + currency));
        details.add(line(
                "tally.field.responsible",
                p.responsibleThreshold() == null ? "–" : p.responsibleThreshold() + " " + currency));
        details.add(line("tally.details.notices", notices(p)));
        if (p.comment() != null) {
            details.add(line("tally.field.comment", p.comment()));
        }
        return details;
    }

    private String notices(PersonDetails p) {
        StringBuilder text = new StringBuilder();
        if (p.notifyBooking()) {
            text.append(getTranslation("tally.notify.booking"));
        }
        if (p.notifyZero()) {
            text.append(text.isEmpty() ? "" : " · ").append(getTranslation("tally.notify.zero"));
        }
        if (p.notifyThreshold()) {
            text.append(text.isEmpty() ? "" : " · ").append(getTranslation("tally.notify.threshold"));
        }
        return text.isEmpty() ? "–" : text.toString();
    }

    private Div line(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("kontor-muted");
        return new Div(label, new Span(value));
    }

    private void openForm(PersonDetails p) {
        TallyPersonForm form = new TallyPersonForm(p);
        form.onSave(data -> {
            person = tally.updatePerson(p.id(), p.version(), data.toUpdate());
            Notifications.success(getTranslation("tally.saved"));
            render();
        });
        form.open();
    }

    private Component tokens(PersonDetails p) {
        Grid<Token> grid = new Grid<>();
        grid.setId("tally-tokens");
        TallyUi.tokenColumns(this, grid, zone, true);
        grid.addComponentColumn(t -> {
                    Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                        tally.deleteToken(p.id(), t.id());
                        Notifications.success(getTranslation("tally.token.deleted", t.hex()));
                        reload();
                    });
                    delete.setId("tally-token-delete-" + t.id());
                    delete.setAriaLabel(getTranslation("tally.token.delete"));
                    delete.addThemeVariants(
                            ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                    return delete;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(tally.tokens(p.id()));
        tokens = grid;
        Grids.counted(grid, getTranslation("tally.tokens.empty"));
        TextField name = new TextField(getTranslation("tally.field.tokenName"));
        name.setId("tally-token-name");
        name.setValue("NFC");
        TextField hex = new TextField(getTranslation("tally.field.token"));
        hex.setId("tally-token-hex");
        hex.setHelperText(getTranslation("tally.field.token.help"));
        hex.addClassName("kontor-tally-token");
        wide.add(name);
        wide.add(hex);
        Button add = new Button(getTranslation("tally.token.add"), VaadinIcon.PLUS.create(), e -> {
            try {
                tally.addToken(p.id(), name.getValue(), hex.getValue());
                Notifications.success(getTranslation("tally.token.added"));
                reload();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("token", hex));
            }
        });
        add.setId("tally-token-add");
        return new Div(grid, row(name, hex, add));
    }

    /** The ledger; an entry not reversed yet (and not a reversal) can be reversed. */
    private Grid<Entry> ledger(PersonDetails p) {
        Grid<Entry> grid = TallyUi.ledgerGrid(this, "tally-ledger", zone, currency, false);
        grid.addComponentColumn(e -> {
                    if (!e.reversible()) {
                        return new Span();
                    }
                    Button reverse = new Button(getTranslation("tally.reverse"), click -> confirmReverse(p, e));
                    reverse.setId("tally-reverse-" + e.id());
                    reverse.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    return reverse;
                })
                .setKey("reverse")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(LazyGrids.pages(page -> tally.ledger(p.id(), page)));
        grid.setHeight("22rem");
        ledger = grid;
        return grid;
    }

    private void confirmReverse(PersonDetails p, Entry entry) {
        Confirmations.ask(
                "tally-reverse-confirm",
                getTranslation("tally.reverse.title"),
                getTranslation(
                        "tally.reverse.confirm",
                        entry.id(),
                        TallyUi.amount(entry.amount(), currency),
                        entry.description(),
                        TallyUi.amount(-entry.amount(), currency),
                        (p.balance() - entry.amount()) + " " + currency),
                getTranslation("tally.reverse"),
                true,
                () -> {
                    try {
                        tally.reverseBooking(p.id(), entry.id());
                        Notifications.success(getTranslation("tally.reverse.done", entry.id()));
                    } catch (DomainException ex) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                    }
                    reload();
                });
    }

    private void confirmReset() {
        Confirmations.ask(
                "tally-reset-confirm",
                getTranslation("tally.reset"),
                getTranslation("tally.reset.confirm", person().name()),
                getTranslation("tally.reset"),
                true,
                () -> {
                    int archived = tally.resetLedger(
                            person().id(), CurrentUser.username().orElse("admin"));
                    Notifications.success(getTranslation("tally.reset.done", archived));
                    reload();
                });
    }

    private void confirmArchive() {
        Confirmations.ask(
                "tally-archive-confirm",
                getTranslation("tally.archive"),
                getTranslation("tally.archive.confirm", person().name()),
                getTranslation("tally.archive"),
                true,
                () -> {
                    try {
                        tally.archivePerson(person().id());
                        Notifications.success(getTranslation("tally.archived.done", person().name()));
                        UI.getCurrent().navigate(TallyView.class);
                    } catch (DomainException ex) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                    }
                });
    }

    StatementPanel statement() {
        if (statement == null) {
            throw new IllegalStateException("No person shown");
        }
        return statement;
    }

    @Override
    public String getPageTitle() {
        return person == null ? getTranslation("menu.tally") : person.name() + " · " + getTranslation("menu.tally");
    }
}
