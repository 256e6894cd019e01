package de.kontor.tally.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
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
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.Notifications;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.PersonUpdate;
import de.kontor.tally.TallyModel.Token;
import de.kontor.tally.TallyService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * One tally person: balance, a booking (deposit or correction), details and thresholds, NFC tokens, the
 * ledger, a PDF statement; lock, admin role, reset, archive and restore.
 */
@Route("tally/person")
@RolesAllowed("ADMIN")
class TallyPersonView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final TallyService tally;
    private final ZoneId zone;
    private final Clock clock;
    private final String currency;
    private @Nullable PersonDetails person;
    private @Nullable Grid<Entry> ledger;
    private @Nullable StatementPanel statement;

    TallyPersonView(TallyService tally, ZoneId zone, Clock clock) {
        this.tally = tally;
        this.clock = clock;
        this.zone = zone;
        this.currency = tally.settings().currency();
        addClassName("kontor-view");
        setId("tally-person-view");
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
        add(TallyUi.nav(this, ""));
        H2 title = new H2(p.firstName() + " " + p.lastName() + " · " + p.code());
        title.setId("tally-person-title");
        Div header = new Div(title);
        header.addClassName("kontor-toolbar");
        if (p.locked()) {
            header.add(Badges.of(getTranslation("tally.locked"), Badges.Tone.WARNING));
        }
        if (p.admin()) {
            header.add(Badges.of(getTranslation("tally.admin"), Badges.Tone.PRIMARY));
        }
        if (p.archivedAt() != null) {
            header.add(Badges.of(getTranslation("tally.archived"), Badges.Tone.ERROR));
        }
        Div spacer = new Div();
        spacer.addClassName("kontor-toolbar-spacer");
        header.add(spacer);
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
        header.add(lock, admin, reset, archive);
        add(header);

        Div tiles = new Div(
                DashboardTile.numberTile(
                        "tally-balance", p.balance() + " " + currency, getTranslation("tally.balance")),
                DashboardTile.textTile(
                        "tally-since", Formats.date(p.createdAt(), zone), getTranslation("tally.since")));
        tiles.addClassName("kontor-tiles");
        add(tiles);

        add(new H3(getTranslation("tally.booking")), bookingForm(p));
        add(new H3(getTranslation("tally.details")), detailsForm(p));
        add(new H3(getTranslation("tally.tokens")), tokens(p));
        add(new H3(getTranslation("tally.ledger")));
        ledger = TallyUi.ledgerGrid(this, "tally-ledger", zone, currency, false);
        ledger.setItems(LazyGrids.pages(page -> tally.ledger(p.id(), page)));
        ledger.setEmptyStateText(getTranslation("tally.ledger.empty"));
        ledger.setHeight("22rem");
        add(ledger);
        add(new H3(getTranslation("tally.statement")));
        statement = new StatementPanel(
                clock,
                zone,
                "statement-" + p.code(),
                (from, to) -> tally.statementPdf(tally.statement(p.id(), from, to), getLocale()));
        add(statement);
    }

    private Component bookingForm(PersonDetails p) {
        IntegerField amount = new IntegerField(getTranslation("tally.field.amount"));
        amount.setId("tally-booking-amount");
        amount.setHelperText(getTranslation("tally.field.amount.help"));
        TextField description = new TextField(getTranslation("tally.field.description"));
        description.setId("tally-booking-description");
        description.setMaxLength(255);
        description.setWidth("24em");
        Button book = new Button(getTranslation("tally.book"), VaadinIcon.PLUS_CIRCLE.create(), e -> {
            try {
                if (amount.isInvalid() && amount.getValue() == null) {
                    throw DomainException.invalidField("amount", "INVALID_AMOUNT", "tally.booking.amount");
                }
                tally.addBooking(p.id(), amount.getValue() == null ? 0 : amount.getValue(), description.getValue());
                Notifications.success(getTranslation("tally.booked", TallyUi.amount(amount.getValue(), currency)));
                reload();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("amount", amount, "description", description));
            }
        });
        book.setId("tally-book");
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div row = new Div(amount, description, book);
        row.addClassName("kontor-toolbar");
        row.getStyle().set("align-items", "baseline");
        return row;
    }

    private Component detailsForm(PersonDetails p) {
        TextField first = new TextField(getTranslation("tally.field.firstName"));
        first.setId("tally-first");
        first.setValue(p.firstName());
        TextField last = new TextField(getTranslation("tally.field.lastName"));
        last.setId("tally-last");
        last.setValue(p.lastName());
        TextField email = new TextField(getTranslation("tally.field.email"));
        email.setId("tally-email");
        email.setValue(p.email() == null ? "" : p.email());
        IntegerField reminder = new IntegerField(getTranslation("tally.field.reminder"));
        reminder.setId("tally-reminder");
        reminder.setHelperText(getTranslation("tally.field.reminder.help"));
        reminder.setValue(p.reminderThreshold());
        IntegerField responsible = new IntegerField(getTranslation("tally.field.responsible"));
        responsible.setId("tally-responsible");
        responsible.setHelperText(getTranslation("tally.field.responsible.help"));
        responsible.setValue(p.responsibleThreshold());
        Checkbox notifyBooking = new Checkbox(getTranslation("tally.notify.booking"), p.notifyBooking());
        notifyBooking.setId("tally-notify-booking");
        Checkbox notifyZero = new Checkbox(getTranslation("tally.notify.zero"), p.notifyZero());
        notifyZero.setId("tally-notify-zero");
        Checkbox notifyThreshold = new Checkbox(getTranslation("tally.notify.threshold"), p.notifyThreshold());
        notifyThreshold.setId("tally-notify-threshold");
        TextArea comment = new TextArea(getTranslation("tally.field.comment"));
        comment.setId("tally-comment");
        comment.setValue(p.comment() == null ? "" : p.comment());
        comment.setMaxLength(2000);
        FormLayout form = new FormLayout(
                first, last, email, reminder, responsible, notifyBooking, notifyZero, notifyThreshold, comment);
        form.setColspan(comment, 2);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                person = tally.updatePerson(
                        p.id(),
                        p.version(),
                        new PersonUpdate(
                                first.getValue(),
                                last.getValue(),
                                email.getValue(),
                                comment.getValue(),
                                reminder.getValue(),
                                responsible.getValue(),
                                notifyBooking.getValue(),
                                notifyZero.getValue(),
                                notifyThreshold.getValue()));
                Notifications.success(getTranslation("tally.saved"));
                render();
            } catch (DomainException ex) {
                FieldErrors.show(
                        this, ex, Map.of("firstName", first, "lastName", last, "email", email, "comment", comment));
            }
        });
        save.setId("tally-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new Div(form, save);
    }

    private Component tokens(PersonDetails p) {
        Grid<Token> grid = new Grid<>();
        grid.setId("tally-tokens");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(Token::name)
                .setHeader(getTranslation("tally.column.name"))
                .setAutoWidth(true);
        grid.addColumn(Token::hex)
                .setHeader(getTranslation("tally.column.token"))
                .setAutoWidth(true)
                .setKey("hex");
        grid.addColumn(t -> Formats.dateTime(t.createdAt(), zone))
                .setHeader(getTranslation("tally.column.created"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "–" : Formats.dateTime(t.lastUsedAt(), zone))
                .setHeader(getTranslation("tally.column.lastUsed"))
                .setAutoWidth(true);
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
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("tally.tokens.empty"));
        TextField name = new TextField(getTranslation("tally.field.tokenName"));
        name.setId("tally-token-name");
        name.setValue("NFC");
        TextField hex = new TextField(getTranslation("tally.field.token"));
        hex.setId("tally-token-hex");
        hex.setHelperText(getTranslation("tally.field.token.help"));
        hex.setWidth("20em");
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
        Div row = new Div(name, hex, add);
        row.addClassName("kontor-toolbar");
        row.getStyle().set("align-items", "baseline");
        return new Div(grid, row);
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
                    tally.archivePerson(person().id());
                    Notifications.success(getTranslation("tally.archived.done", person().name()));
                    UI.getCurrent().navigate(TallyView.class);
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
