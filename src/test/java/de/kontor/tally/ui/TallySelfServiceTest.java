package de.kontor.tally.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import de.kontor.HttpClientSupport;
import de.kontor.KaribuTest;
import de.kontor.TestMail;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.NewPerson;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.Settings;
import de.kontor.tally.TallyModel.Token;
import de.kontor.tally.TallyService;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Member self-service, self-registration and the password reset by e-mail. */
class TallySelfServiceTest extends KaribuTest {

    static final String MEMBER_PASSWORD = "Member-Secret-Pw-77";

    @Autowired
    TallyService tally;

    private Settings original;

    private void asAdmin(Runnable work) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            work.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    private PersonDetails member(String first, String email) {
        String code = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        PersonDetails[] p = new PersonDetails[1];
        asAdmin(() -> p[0] = tally.createPerson(new NewPerson(code, first, unique("Self"), email, MEMBER_PASSWORD)));
        return p[0];
    }

    private void selfRegistration(boolean on) {
        asAdmin(() -> {
            Settings s = tally.settings();
            if (original == null) {
                original = s;
            }
            tally.updateSettings(
                    new Settings(s.bookingAmount(), s.currency(), s.responsibleEmail(), on, s.privacyNotice()));
        });
    }

    @AfterEach
    void restoreSettings() {
        if (original != null) {
            asAdmin(() -> tally.updateSettings(original));
        }
    }

    @SuppressWarnings("unchecked")
    static <T> Grid<T> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    @Test
    void aMemberSeesOnlyTheirOwnBalanceLedgerTokensAndQrCodes() {
        PersonDetails me = member("Mona", null);
        PersonDetails other = member("Otto", null);
        asAdmin(() -> {
            tally.addBooking(me.id(), 10, "Einzahlung Mona");
            tally.addBooking(other.id(), 50, "Einzahlung Otto");
            tally.addToken(
                    me.id(),
                    "Mona",
                    String.format("%08x", ThreadLocalRandom.current().nextInt() & 0x7fffffff));
            tally.addToken(
                    other.id(),
                    "Otto",
                    String.format("%08x", ThreadLocalRandom.current().nextInt() & 0x7fffffff));
        });
        login(me.code());
        navigate("my-tally");
        assertThat(_get(Div.class, s -> s.withId("my-tally-balance"))
                        .getElement()
                        .getTextRecursively())
                .contains("10 €");
        assertThat(_findAll(TallySelfServiceTest.<Entry>grid("my-tally-ledger")))
                .extracting(Entry::description)
                .containsExactly("Einzahlung Mona");
        assertThat(_findAll(TallySelfServiceTest.<Token>grid("my-tally-tokens")))
                .extracting(Token::name)
                .containsExactly("Mona");
        assertThat(_get(Div.class, s -> s.withId("my-tally-qr-book"))
                        .getElement()
                        .getAttribute("data-content"))
                .isEqualTo(me.code() + "a");
        assertThat(_get(Div.class, s -> s.withId("my-tally-qr-show"))
                        .getElement()
                        .getAttribute("data-content"))
                .isEqualTo(me.code() + "k");
        assertThat(_get(Div.class, s -> s.withId("my-tally-qr-book"))
                        .getElement()
                        .getChild(0)
                        .getOuterHTML())
                .startsWith("<svg");

        for (String route : List.of("tally", "tally/person/" + other.id())) {
            assertThatThrownBy(() -> navigate(route)).as(route).hasMessageContaining("Access is denied");
        }
        assertThat(tally.own()).get().extracting(PersonDetails::id).isEqualTo(me.id());
    }

    @Test
    void onAPhoneTheBalanceAndActionsComeFirstAndBookingsAreOneRowEach() {
        PersonDetails me = member("Pia", null);
        asAdmin(() -> tally.addBooking(me.id(), -3, "Mate"));
        login(me.code());
        navigate("my-tally");
        Grid<Entry> ledger = grid("my-tally-ledger");
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(Span.class, s -> s.withId("my-tally-ledger-count")).getText())
                .isEqualTo("1 entry");
        assertThat(ledger.getColumnByKey("summary").isVisible()).isFalse();
        assertThat(ledger.getColumnByKey("description").isVisible()).isTrue();

        NarrowLayout.width(UI.getCurrent(), 390);

        MyTallyView view = _get(MyTallyView.class);
        assertThat(view.hasClassName("kontor-my-tally-narrow")).isTrue();
        assertThat(ledger.getColumns())
                .filteredOn(Grid.Column::isVisible)
                .extracting(Grid.Column::getKey)
                .containsExactly("summary");
        Div row = (Div) _getCellComponent(ledger, 0, "summary");
        assertThat(row.getElement().getTextRecursively()).contains("Mate").contains("-3 €");
        // the actions sit right under the balance, before the bookings
        List<String> order = view.getChildren()
                .map(c -> c.getId().orElse(""))
                .filter(id -> !id.isEmpty())
                .toList();
        assertThat(order.indexOf("my-tally-actions")).isLessThan(order.indexOf("my-tally-ledger"));
        _get(Button.class, s -> s.withId("jump-my-tally-section-statement"));

        NarrowLayout.width(UI.getCurrent(), 1440);
        assertThat(ledger.getColumnByKey("summary").isVisible()).isFalse();
        assertThat(view.hasClassName("kontor-my-tally-narrow")).isFalse();
    }

    @Test
    void aMemberWithoutATallyAccountIsToldSo() {
        login("member-" + System.nanoTime());
        navigate("my-tally");
        assertThat(_get(Paragraph.class, s -> s.withId("my-tally-none")).getText())
                .contains("no tally account");
    }

    @Test
    void aMemberChangesNoticesAndEmailWithValidation() {
        PersonDetails me = member("Nina", null);
        login(me.code());
        navigate("my-tally");
        type(_get(Checkbox.class, s -> s.withId("my-tally-notify-threshold")), true);
        _click(_get(Button.class, s -> s.withId("my-tally-notices-save")));
        assertThat(_get(TextField.class, s -> s.withId("my-tally-reminder")).isInvalid())
                .isTrue();
        assertThat(tally.details(me.id()).notifyThreshold()).isFalse();
        type(_get(TextField.class, s -> s.withId("my-tally-reminder")), "4,5");
        _click(_get(Button.class, s -> s.withId("my-tally-notices-save")));
        assertThat(_get(TextField.class, s -> s.withId("my-tally-reminder")).getErrorMessage())
                .contains("whole number");
        assertThat(tally.details(me.id()).notifyThreshold()).isFalse();
        type(_get(TextField.class, s -> s.withId("my-tally-reminder")), "4");
        _click(_get(Button.class, s -> s.withId("my-tally-notices-save")));
        assertThat(tally.details(me.id()).notifyThreshold()).isTrue();
        assertThat(tally.details(me.id()).reminderThreshold()).isEqualTo(4);

        type(_get(TextField.class, s -> s.withId("my-tally-email")), "nina@");
        _click(_get(Button.class, s -> s.withId("my-tally-email-save")));
        assertThat(_get(TextField.class, s -> s.withId("my-tally-email")).isInvalid())
                .isTrue();
        String email = unique("nina") + "@example.org";
        type(_get(TextField.class, s -> s.withId("my-tally-email")), email);
        _click(_get(Button.class, s -> s.withId("my-tally-email-save")));
        assertThat(tally.details(me.id()).email()).isEqualTo(email);
        assertThat(users.findByUsername(me.code()).orElseThrow().getEmail()).isEqualTo(email);
    }

    @Test
    void registrationNeedsItSwitchedOnAndThePrivacyNoticeAccepted() throws Exception {
        selfRegistration(false);
        logout();
        navigate("register");
        assertThat(_get(Paragraph.class, s -> s.withId("register-closed")).getText())
                .contains("closed");
        _assertNone(Anchor.class, s -> s.withId("login-register"));

        selfRegistration(true);
        navigate("login");
        _get(Anchor.class, s -> s.withId("login-register"));
        navigate("register");
        String email = unique("reg") + "@example.org";
        type(_get(TextField.class, s -> s.withId("register-first")), "Rosa");
        type(_get(TextField.class, s -> s.withId("register-last")), unique("Reg"));
        type(_get(EmailField.class, s -> s.withId("register-email")), email);
        type(_get(PasswordField.class, s -> s.withId("register-password")), MEMBER_PASSWORD);
        _click(_get(Button.class, s -> s.withId("register-submit")));
        assertThat(_get(Paragraph.class, s -> s.withId("register-done")).getText())
                .contains("privacy notice");
        assertThat(tally.countPersons(email, false)).isZero();

        type(_get(Checkbox.class, s -> s.withId("register-privacy")), true);
        _click(_get(Button.class, s -> s.withId("register-submit")));
        String done = _get(Paragraph.class, s -> s.withId("register-done")).getText();
        Matcher code = Pattern.compile("(\\d{10})").matcher(done);
        assertThat(code.find()).as(done).isTrue();
        List<MimeMessage> mails = TestMail.awaitMailsTo(email, 1);
        assertThat(TestMail.text(mails.get(0))).contains(code.group(1));

        // members sign in with their e-mail address as well as with their code
        HttpClientSupport http = new HttpClientSupport(baseUrl());
        assertThat(http.token(email, MEMBER_PASSWORD)).isNotBlank();
        assertThat(http.token(code.group(1), MEMBER_PASSWORD)).isNotBlank();
    }

    private void openResetLink(String token) {
        navigate("login");
        UI.getCurrent().navigate("reset-password", QueryParameters.of("token", token));
    }

    @Test
    void aPasswordResetLinkWorksOnceAndForOneHour() throws Exception {
        String email = unique("reset") + "@example.org";
        PersonDetails me = member("Paul", email);
        logout();
        navigate("login");
        _get(Anchor.class, s -> s.withId("login-forgot"));
        navigate("forgot-password");
        type(_get(TextField.class, s -> s.withId("forgot-email")), "nobody-" + email);
        _click(_get(Button.class, s -> s.withId("forgot-submit")));
        assertThat(_get(Paragraph.class, s -> s.withId("forgot-done")).isVisible())
                .isTrue();

        navigate("login");
        navigate("forgot-password");
        type(_get(TextField.class, s -> s.withId("forgot-email")), email);
        _click(_get(Button.class, s -> s.withId("forgot-submit")));
        String body = TestMail.text(TestMail.awaitMailsTo(email, 1).get(0))
                .replace("=\r\n", "")
                .replace("=3D", "=");
        Matcher link =
                Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        String token = link.group(1);

        openResetLink(token);
        type(_get(PasswordField.class, s -> s.withId("reset-password")), "New-Member-Pw-2026");
        type(_get(PasswordField.class, s -> s.withId("reset-repeat")), "New-Member-Pw-2027");
        _click(_get(Button.class, s -> s.withId("reset-submit")));
        assertThat(_get(PasswordField.class, s -> s.withId("reset-repeat")).isInvalid())
                .isTrue();
        type(_get(PasswordField.class, s -> s.withId("reset-password")), "short");
        type(_get(PasswordField.class, s -> s.withId("reset-repeat")), "short");
        _click(_get(Button.class, s -> s.withId("reset-submit")));
        assertThat(_get(PasswordField.class, s -> s.withId("reset-password")).isInvalid())
                .isTrue();
        type(_get(PasswordField.class, s -> s.withId("reset-password")), "New-Member-Pw-2026");
        type(_get(PasswordField.class, s -> s.withId("reset-repeat")), "New-Member-Pw-2026");
        _click(_get(Button.class, s -> s.withId("reset-submit")));
        assertThat(_get(Paragraph.class, s -> s.withId("reset-done")).isVisible())
                .isTrue();
        assertThat(new HttpClientSupport(baseUrl()).token(me.code(), "New-Member-Pw-2026"))
                .isNotBlank();

        openResetLink(token);
        _get(Paragraph.class, s -> s.withId("reset-invalid"));

        tally.requestPasswordReset(email, "http://kontor.example");
        String second = TestMail.text(TestMail.awaitMailsTo(email, 2).get(1))
                .replace("=\r\n", "")
                .replace("=3D", "=");
        Matcher secondLink = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(second);
        assertThat(secondLink.find()).isTrue();
        assertThat(second).contains("http://kontor.example/reset-password?token=");
        assertThat(tally.passwordResetValid(secondLink.group(1))).isTrue();
        clock.advance(Duration.ofMinutes(61));
        assertThat(tally.passwordResetValid(secondLink.group(1))).isFalse();
        openResetLink(secondLink.group(1));
        _get(Paragraph.class, s -> s.withId("reset-invalid"));
    }
}
