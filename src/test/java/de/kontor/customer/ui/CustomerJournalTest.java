package de.kontor.customer.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerJournal.Activity;
import de.kontor.customer.CustomerJournal.Note;
import de.kontor.customer.CustomerJournal.TimelineEntry;
import de.kontor.customer.CustomerService;
import de.kontor.license.License;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseFixture;
import de.kontor.license.LicenseService;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A customer's notes and activities like a lead's, and its history across modules. */
class CustomerJournalTest extends KaribuTest {

    @Autowired
    CustomerService customers;

    @Autowired
    LicenseService licenses;

    Customer open(Customer c) {
        UI.getCurrent().navigate("customers/" + c.getId());
        return c;
    }

    @SuppressWarnings("unchecked")
    List<TimelineEntry> history() {
        Grid<TimelineEntry> grid = _get(Grid.class, s -> s.withId("customer-history"));
        return grid.getListDataView().getItems().toList();
    }

    @Test
    void notesAreWrittenEditedWithTheirEarlierTextKeptAndArchived() {
        loginAsAdmin();
        Customer c = open(customers.create(CustomerData.named(unique("Notizkunde"))));
        _click(_get(Button.class, s -> s.withId("customer-note-add")));
        assertThat(_get(TextArea.class, s -> s.withId("customer-note-text")).isInvalid())
                .as("an empty note is refused")
                .isTrue();
        type(_get(TextArea.class, s -> s.withId("customer-note-text")), "Wants 5 seats");
        _click(_get(Button.class, s -> s.withId("customer-note-add")));
        Note note = customers.notes(c.getId(), false).get(0);
        assertThat(note.text()).isEqualTo("Wants 5 seats");

        _click(_get(Button.class, s -> s.withId("customer-note-edit-" + note.id())));
        type(_get(TextArea.class, s -> s.withId("customer-note-edit-text")), "Wants 8 seats");
        _click(_get(Button.class, s -> s.withId("customer-note-save")));
        assertThat(_get(Div.class, s -> s.withId("customer-note-" + note.id()))
                        .getElement()
                        .getTextRecursively())
                .contains("Wants 8 seats", "version 2");

        _click(_get(Button.class, s -> s.withId("customer-note-history-" + note.id())));
        assertThat(_find(_get(Dialog.class, s -> s.withId("customer-note-history")), Paragraph.class))
                .extracting(Paragraph::getText)
                .containsExactly("Wants 8 seats", "Wants 5 seats");
        _get(Dialog.class, s -> s.withId("customer-note-history")).close();

        assertThat(history())
                .filteredOn(e -> e.kindKey().equals("customer.timeline.kind.note"))
                .extracting(TimelineEntry::action)
                .containsExactly("UPDATE", "CREATE");

        _click(_get(Button.class, s -> s.withId("customer-note-archive-" + note.id())));
        assertThat(_find(Div.class, s -> s.withId("customer-note-" + note.id())))
                .isEmpty();
        assertThat(customers.notes(c.getId(), true)).extracting(Note::id).containsExactly(note.id());
    }

    @Test
    void activitiesNeedASubjectAndAreTickedOff() {
        loginAsAdmin();
        Customer c = open(customers.create(CustomerData.named(unique("Aktivkunde"))));
        _click(_get(Button.class, s -> s.withId("customer-activity-add")));
        assertThat(_get(TextField.class, s -> s.withId("customer-activity-subject"))
                        .isInvalid())
                .isTrue();
        type(_get(TextField.class, s -> s.withId("customer-activity-subject")), "Call back about the offer");
        _click(_get(Button.class, s -> s.withId("customer-activity-add")));
        Activity call = customers.activities(c.getId()).get(0);
        assertThat(call.subject()).isEqualTo("Call back about the offer");
        assertThat(call.done()).isFalse();

        type(_get(Checkbox.class, s -> s.withId("customer-activity-done-" + call.id())), true);

        assertThat(customers.activities(c.getId()).get(0).done()).isTrue();
        assertThat(_get(Div.class, s -> s.withId("customer-activity-" + call.id()))
                        .hasClassName("done"))
                .isTrue();
        assertThat(history())
                .filteredOn(e -> e.kindKey().equals("customer.activity.kind.CALL"))
                .extracting(TimelineEntry::action)
                .containsExactly("DONE", "CREATE");
    }

    @Test
    void theHistoryShowsWhatHappenedToTheCustomersLicensesLinkedToThem() {
        loginAsAdmin();
        LicenseFixture f = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.ANY, clock);
        License license = f.license(2);
        customers.addNote(f.customer.getId(), "Renewal in spring");
        open(f.customer);

        List<TimelineEntry> history = history();
        assertThat(history)
                .anyMatch(e -> e.kindKey().equals("customer.timeline.kind.license")
                        && e.subject().equals(license.getKey())
                        && e.action().equals("CREATE")
                        && ("licenses/" + license.getId()).equals(e.route()));
        assertThat(history).anyMatch(e -> e.kindKey().equals("customer.timeline.kind.customer"));
        assertThat(history.get(0).subject()).as("newest first").isEqualTo("Renewal in spring");
    }

    @Test
    void viewersReadNotesButCannotWrite() {
        loginAsAdmin();
        Customer c = customers.create(CustomerData.named(unique("Lesekunde")));
        customers.addNote(c.getId(), "Only for reading");
        logout();
        login(unique("viewer"), Role.VIEWER);
        open(c);
        assertThat(_get(Div.class, s -> s.withId("customer-notes-list"))
                        .getElement()
                        .getTextRecursively())
                .contains("Only for reading");
        assertThat(_find(Button.class, s -> s.withId("customer-note-add"))).isEmpty();
        assertThat(_find(Button.class, s -> s.withId("customer-activity-add"))).isEmpty();
    }
}
