package de.kontor.tally.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import de.kontor.KaribuTest;
import de.kontor.TestMail;
import de.kontor.base.mail.MailState;
import de.kontor.base.mail.OutboxMail;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.security.Role;
import de.kontor.tally.TallyModel;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.NewPerson;
import de.kontor.tally.TallyModel.PersonBalance;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.ResetInfo;
import de.kontor.tally.TallyModel.Scope;
import de.kontor.tally.TallyModel.Settings;
import de.kontor.tally.TallyModel.Token;
import de.kontor.tally.TallyService;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin's tally views. */
class TallyViewsTest extends KaribuTest {

    @Autowired
    TallyService tally;

    @BeforeEach
    void admin() {
        loginAsAdmin();
    }

    static String code() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    PersonDetails person(String first) {
        return tally.createPerson(new NewPerson(code(), first, unique("Tally"), null, null));
    }

    @SuppressWarnings("unchecked")
    static <T> Grid<T> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    @Test
    void anAdminBooksADepositOnlyWithADescription() {
        PersonDetails p = person("Dora");
        UI.getCurrent().navigate(TallyPersonView.class, p.id());
        type(_get(TextField.class, s -> s.withId("tally-booking-amount")), "20");
        _click(_get(Button.class, s -> s.withId("tally-book")));
        TextField description = _get(TextField.class, s -> s.withId("tally-booking-description"));
        assertThat(description.isInvalid()).isTrue();
        assertThat(description.getErrorMessage()).isEqualTo("A booking needs a description.");
        assertThat(tally.details(p.id()).balance()).isZero();

        type(description, "Einzahlung");
        _click(_get(Button.class, s -> s.withId("tally-book")));
        assertThat(tally.details(p.id()).balance()).isEqualTo(20);
        assertThat(_get(Div.class, s -> s.withId("tally-balance")).getElement().getTextRecursively())
                .contains("20 €");
        List<Entry> ledger = _findAll(grid("tally-ledger"));
        assertThat(ledger).extracting(Entry::description).containsExactly("Einzahlung");
        assertThat(ledger.get(0).bookedBy()).isEqualTo(ADMIN);
    }

    @Test
    void anAmountThatIsNotAWholeNumberIsRefusedInsteadOfRead() {
        PersonDetails p = person("Karl");
        UI.getCurrent().navigate(TallyPersonView.class, p.id());
        type(_get(TextField.class, s -> s.withId("tally-booking-description")), "Einzahlung");
        TextField amount = _get(TextField.class, s -> s.withId("tally-booking-amount"));
        for (String typed : List.of("12,50", "12.5", "1.000", "12 €", "1e3", "--2")) {
            type(amount, typed);
            _click(_get(Button.class, s -> s.withId("tally-book")));
            assertThat(amount.isInvalid()).as(typed).isTrue();
            assertThat(amount.getErrorMessage()).as(typed).contains("whole number");
        }
        type(amount, "");
        _click(_get(Button.class, s -> s.withId("tally-book")));
        assertThat(amount.getErrorMessage()).isEqualTo("Enter an amount.");
        assertThat(tally.ledgerCount(p.id())).isZero();
        assertThat(tally.details(p.id()).balance()).isZero();

        type(amount, "100001");
        _click(_get(Button.class, s -> s.withId("tally-book")));
        assertThat(amount.getErrorMessage()).contains("between -100,000 and 100,000");
        _assertNone(ConfirmDialog.class);
        assertThat(tally.ledgerCount(p.id())).isZero();
    }

    @Test
    void aLargeBookingIsConfirmedWithTheResultingBalanceFirst() {
        PersonDetails p = person("Lotte");
        tally.addBooking(p.id(), 10, "Einzahlung");
        UI.getCurrent().navigate(TallyPersonView.class, p.id());
        type(_get(TextField.class, s -> s.withId("tally-booking-description")), "Einzahlung");
        type(_get(TextField.class, s -> s.withId("tally-booking-amount")), "60");
        _click(_get(Button.class, s -> s.withId("tally-book")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, s -> s.withId("tally-booking-confirm"));
        assertThat(confirm.getElement().getProperty("message"))
                .contains("+60 €")
                .contains(p.name())
                .contains("70 €");
        assertThat(tally.details(p.id()).balance())
                .as("not booked before the confirmation")
                .isEqualTo(10);
        _fireConfirm(confirm);
        assertThat(tally.details(p.id()).balance()).isEqualTo(70);

        // small bookings need no confirmation
        type(_get(TextField.class, s -> s.withId("tally-booking-description")), "Korrektur");
        type(_get(TextField.class, s -> s.withId("tally-booking-amount")), "-5");
        _click(_get(Button.class, s -> s.withId("tally-book")));
        assertThat(tally.details(p.id()).balance()).isEqualTo(65);
    }

    @Test
    void anAdminReversesABookingAndTheLedgerShowsTheLink() {
        PersonDetails p = person("Rudi");
        long entry = tally.addBooking(p.id(), 1250, "Einzahlung");
        UI.getCurrent().navigate(TallyPersonView.class, p.id());
        _click((Button) GridKt._getCellComponent(grid("tally-ledger"), 0, "reverse"));
        ConfirmDialog confirm = _get(ConfirmDialog.class, s -> s.withId("tally-reverse-confirm"));
        assertThat(confirm.getElement().getProperty("message"))
                .contains("#" + entry)
                .contains("-1250 €");
        _fireConfirm(confirm);

        assertThat(tally.details(p.id()).balance()).isZero();
        Grid<Entry> ledger = grid("tally-ledger");
        List<Entry> entries = _findAll(ledger);
        assertThat(entries).extracting(Entry::amount).containsExactly(-1250L, 1250L);
        Entry reversal = entries.get(0);
        assertThat(reversal.reversesId()).isEqualTo(entry);
        assertThat(reversal.source()).isEqualTo("REVERSAL");
        assertThat(entries.get(1).reversedById()).isEqualTo(reversal.id());
        assertThat(GridKt._getFormattedRow(ledger, 0)).contains("Reversal of #" + entry);
        assertThat(GridKt._getFormattedRow(ledger, 1)).contains("Reversed by #" + reversal.id());
        _assertNone(Button.class, s -> s.withId("tally-reverse-" + entry));
        _assertNone(Button.class, s -> s.withId("tally-reverse-" + reversal.id()));
    }

    @Test
    void thePersonIsEditedInItsFormWithFieldErrorsFromTheService() {
        String email = unique("taken") + "@example.org";
        tally.createPerson(new NewPerson(code(), "Tina", unique("Taken"), email, null));
        PersonDetails p = person("Uwe");
        UI.getCurrent().navigate(TallyPersonView.class, p.id());
        _click(_get(Button.class, s -> s.withId("tally-edit")));
        TallyPersonForm form = _get(TallyPersonForm.class);
        type(_get(TextField.class, s -> s.withId("tally-reminder")), "2,5");
        assertThat(_get(Button.class, s -> s.withId("tally-save")).isEnabled()).isFalse();
        type(_get(TextField.class, s -> s.withId("tally-reminder")), "3");
        type(_get(EmailField.class, s -> s.withId("tally-email")), email);
        _click(_get(Button.class, s -> s.withId("tally-save")));
        EmailField field = _get(EmailField.class, s -> s.withId("tally-email"));
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Another person has this e-mail address already.");
        assertThat(form.isOpened()).isTrue();

        type(field, "");
        _click(_get(Button.class, s -> s.withId("tally-save")));
        assertThat(tally.details(p.id()).reminderThreshold()).isEqualTo(3);
        assertThat(tally.details(p.id()).email()).isNull();
        assertThat(form.isOpened()).isFalse();
    }

    @Test
    void tokensAreEnteredAsHexAndValidated() {
        PersonDetails p = person("Theo");
        UI.getCurrent().navigate(TallyPersonView.class, p.id());
        type(_get(TextField.class, s -> s.withId("tally-token-hex")), "04:zz");
        _click(_get(Button.class, s -> s.withId("tally-token-add")));
        TextField hex = _get(TextField.class, s -> s.withId("tally-token-hex"));
        assertThat(hex.isInvalid()).isTrue();
        assertThat(hex.getErrorMessage()).contains("1 to 20 bytes");
        assertThat(tally.tokens(p.id())).isEmpty();

        String bytes = String.format("%08x", ThreadLocalRandom.current().nextInt() & 0x7fffffff);
        type(hex, bytes.substring(0, 4) + " " + bytes.substring(4));
        _click(_get(Button.class, s -> s.withId("tally-token-add")));
        List<Token> tokens = _findAll(grid("tally-tokens"));
        assertThat(tokens)
                .extracting(Token::hex)
                .containsExactly(String.join(":", bytes.toUpperCase().split("(?<=\\G..)")));
    }

    @Test
    void bulkBookingBooksForTheSelectedPersonsWithTheDefaultDescription() {
        String last = unique("Bulk");
        PersonDetails a = tally.createPerson(new NewPerson(null, "Ada", last, null, null));
        PersonDetails b = tally.createPerson(new NewPerson(null, "Bo", last, null, null));
        PersonDetails other = person("Cy");
        navigate("tally");
        type(_get(TextField.class, s -> s.withId("tally-search")), last);
        Grid<PersonBalance> persons = grid("tally-persons");
        List<PersonBalance> found = _findAll(persons);
        assertThat(found).extracting(PersonBalance::id).containsExactlyInAnyOrder(a.id(), b.id());
        Button bulk = _get(Button.class, s -> s.withId("tally-bulk"));
        assertThat(bulk.isEnabled()).as("nobody selected").isFalse();
        found.forEach(persons::select);
        assertThat(bulk.getText()).isEqualTo("Bulk booking (2)");
        _click(bulk);
        assertThat(_get(Button.class, s -> s.withId("tally-bulk-book")).getText())
                .isEqualTo("Book for 2 persons");
        assertThat(_get(TextField.class, s -> s.withId("tally-bulk-description"))
                        .getValue())
                .startsWith("Essen zum Dienst am ");
        type(_get(TextField.class, s -> s.withId("tally-bulk-amount")), "-2");
        _click(_get(Button.class, s -> s.withId("tally-bulk-book")));
        assertThat(tally.details(a.id()).balance()).isEqualTo(-2);
        assertThat(tally.details(b.id()).balance()).isEqualTo(-2);
        assertThat(tally.details(other.id()).balance()).isZero();
        assertThat(tally.ledger(a.id(), PageRequest.of(0, 5))
                        .getContent()
                        .get(0)
                        .source())
                .isEqualTo("BULK");
    }

    @Test
    void aResetIsArchivedAndRestoredFromTheResetsView() {
        PersonDetails p = person("Rita");
        tally.addBooking(p.id(), 9, "Einzahlung");
        UI.getCurrent().navigate(TallyPersonView.class, p.id());
        _click(_get(Button.class, s -> s.withId("tally-reset")));
        _fireConfirm(_get(ConfirmDialog.class, s -> s.withId("tally-reset-confirm")));
        assertThat(tally.details(p.id()).balance()).isZero();
        assertThat(tally.ledgerCount(p.id())).isZero();

        navigate("tally/resets");
        ResetInfo reset = _findAll(TallyViewsTest.<ResetInfo>grid("tally-resets")).stream()
                .filter(r -> p.id() == (r.personId() == null ? -1 : r.personId()))
                .findFirst()
                .orElseThrow();
        int index = _findAll(TallyViewsTest.<ResetInfo>grid("tally-resets")).indexOf(reset);
        _click((Button) GridKt._getCellComponent(grid("tally-resets"), index, "restore"));
        assertThat(tally.details(p.id()).balance()).isEqualTo(9);
    }

    @Test
    void apiUsersGetAKeyShownOnceThatAuthenticates() {
        navigate("tally/api-users");
        String name = unique("Terminal");
        type(_get(TextField.class, s -> s.withId("tally-api-user-name")), name);
        _click(_get(Button.class, s -> s.withId("tally-api-user-create")));
        long id = tally.apiUsers().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
        Grid<TallyModel.ApiUserInfo> users = grid("tally-api-users");
        int index = _findAll(users).stream().map(u -> u.id()).toList().indexOf(id);
        var actions =
                GridKt._getCellComponent(users, index, "actions").getChildren().toList();
        @SuppressWarnings("unchecked")
        Select<Scope> scope = (Select<Scope>) actions.get(0);
        scope.setValue(Scope.MANAGE);
        _click((Button) actions.get(1));
        String key = _get(Div.class, s -> s.withId("secret-value")).getText();
        assertThat(tally.authenticate(key)).get().extracting(c -> c.scope()).isEqualTo(Scope.MANAGE);
        assertThat(tally.apiKeys(id)).hasSize(1);
    }

    @Test
    void settingsShowFieldErrorsAndKeepTheOldValues() {
        Settings before = tally.settings();
        navigate("tally/settings");
        type(_get(TextField.class, s -> s.withId("tally-settings-amount")), "1");
        type(_get(TextField.class, s -> s.withId("tally-settings-responsible")), "kasse@");
        _click(_get(Button.class, s -> s.withId("tally-settings-save")));
        TextField amount = _get(TextField.class, s -> s.withId("tally-settings-amount"));
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).isEqualTo("The booking amount must be a negative whole number.");
        assertThat(tally.settings()).isEqualTo(before);
    }

    @Test
    void theOverviewShowsTheTotalAndTheStatementIsAPdfOfThePeriod() throws Exception {
        PersonDetails p = person("Stella");
        tally.addBooking(p.id(), 12, "Einzahlung");
        tally.addBooking(p.id(), -3, "Kaffee");
        navigate("tally");
        assertThat(_get(Div.class, s -> s.withId("tally-total")).getElement().getTextRecursively())
                .contains(tally.totalBalance() + " €");

        UI.getCurrent().navigate(TallyPersonView.class, p.id());
        _click(_get(Button.class, s -> s.withId("tally-statement-create")));
        byte[] pdf = _get(StatementPanel.class).pdf();
        assertThat(pdf).isNotNull();
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "tally-statement.pdf"), pdf);
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text)
                .contains("Stella")
                .contains(p.code())
                .contains("Einzahlung")
                .contains("Kaffee")
                .contains("9");
    }

    @Test
    void theOutboxListsNoticesWithTheirState() throws Exception {
        String email = unique("outbox") + "@example.org";
        PersonDetails p = tally.createPerson(new NewPerson(code(), "Olli", unique("Outbox"), email, null));
        tally.updatePerson(
                p.id(),
                p.version(),
                new TallyModel.PersonUpdate("Olli", p.lastName(), email, null, null, null, true, false, false));
        tally.addBooking(p.id(), 5, "Einzahlung");
        TestMail.awaitMailsTo(email, 1);
        UI.getCurrent().navigate("mail-outbox", QueryParameters.of("module", "tally"));
        assertThat(_get(ComboBox.class, c -> c.withId("mail-module")).getValue())
                .isEqualTo("tally");
        await().pollInSameThread().untilAsserted(() -> {
            grid("mail-outbox").getDataProvider().refreshAll();
            List<OutboxMail> mails = _findAll(grid("mail-outbox"));
            assertThat(mails)
                    .anyMatch(m -> m.recipient().equals(email)
                            && m.state() == MailState.SENT
                            && m.module().equals("tally")
                            && m.kind().equals("BOOKING")
                            && m.body().contains("Einzahlung"));
        });
    }

    @Test
    void membersCannotOpenTheAdminViews() {
        logout();
        login("member-" + System.nanoTime(), Role.MEMBER);
        for (String route : List.of("tally", "tally/settings", "tally/api-users", "tally/resets", "mail-outbox")) {
            Assertions.assertThatThrownBy(() -> navigate(route)).as(route).hasMessageContaining("Access is denied");
        }
        _assertNone(TallyView.class);
    }

    @Test
    void onAPhoneAPersonAndABookingAreOneRowAndATapOpensThePerson() {
        PersonDetails p = person("Phoebe");
        tally.addBooking(p.id(), -4, "Club-Mate");
        navigate("tally");
        type(_get(TextField.class, s -> s.withId("tally-search")), p.lastName());
        Grid<PersonBalance> persons = grid("tally-persons");
        Grid<Entry> latest = grid("tally-latest");
        assertThat(persons.getColumnByKey("summary").isVisible()).isFalse();

        NarrowLayout.width(UI.getCurrent(), 390);

        assertThat(persons.getColumns())
                .filteredOn(Grid.Column::isVisible)
                .extracting(Grid.Column::getKey)
                .containsExactly("summary");
        assertThat(latest.getColumns())
                .filteredOn(Grid.Column::isVisible)
                .extracting(Grid.Column::getKey)
                .containsExactly("summary");
        assertThat(((Div) GridKt._getCellComponent(persons, 0, "summary"))
                        .getElement()
                        .getTextRecursively())
                .contains("Phoebe " + p.lastName(), p.code(), "-4 €");
        assertThat(((Div) GridKt._getCellComponent(latest, 0, "summary"))
                        .getElement()
                        .getTextRecursively())
                .as("whose booking it was")
                .contains("Phoebe " + p.lastName(), "Club-Mate", "-4 €");

        GridKt._clickItem(persons, 0);

        TallyPersonView page = _get(TallyPersonView.class);
        assertThat(page.person().id()).isEqualTo(p.id());
        assertThat(page.hasClassName("kontor-narrow")).isTrue();
        Grid<Entry> ledger = grid("tally-ledger");
        assertThat(ledger.getColumns())
                .filteredOn(Grid.Column::isVisible)
                .extracting(Grid.Column::getKey)
                .as("the booking and its reversal")
                .containsExactly("summary", "reverse");
        assertThat(_get(TextField.class, s -> s.withId("tally-booking-description"))
                        .getWidth())
                .isEqualTo("100%");
        assertThat(grid("tally-tokens").getColumnByKey("lastUsed").isVisible()).isFalse();

        NarrowLayout.width(UI.getCurrent(), 1440);
        assertThat(ledger.getColumnByKey("summary").isVisible()).isFalse();
        assertThat(ledger.getColumnByKey("description").isVisible()).isTrue();
        assertThat(ledger.getColumnByKey("reverse").isVisible()).isTrue();
        assertThat(_get(TextField.class, s -> s.withId("tally-booking-description"))
                        .getWidth())
                .isNull();
    }
}
