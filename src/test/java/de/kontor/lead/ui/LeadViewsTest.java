package de.kontor.lead.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import de.kontor.KaribuTest;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.LeadRow;
import de.kontor.lead.LeadModel.Note;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Tag;
import de.kontor.lead.LeadModel.Type;
import de.kontor.lead.LeadService;
import de.kontor.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The leads views. */
class LeadViewsTest extends KaribuTest {

    @Autowired
    LeadService leads;

    @BeforeEach
    void admin() {
        loginAsAdmin();
    }

    Institution lead(String name, Status status, String city) {
        return leads.create(new InstitutionDraft(
                name, Type.SCHOOL, null, null, city, null, null, null, null, status, "Messe", ADMIN, Set.of()));
    }

    private static void notesTab() {
        _get(TabSheet.class).setSelectedIndex(2);
    }

    @Test
    void theFilterComesFromTheAddress() {
        String marker = unique("filter");
        lead("Schule A " + marker, Status.WON, "Köln");
        lead("Schule B " + marker, Status.NEW, "Köln");
        lead("Schule C " + marker, Status.WON, "Bonn");
        UI.getCurrent()
                .navigate(
                        "leads",
                        QueryParameters.full(Map.of(
                                "q", new String[] {marker}, "status", new String[] {"WON"}, "city", new String[] {"Köln"
                                })));
        @SuppressWarnings("unchecked")
        Grid<LeadRow> grid = _get(Grid.class, s -> s.withId("leads-grid"));
        assertThat(_findAll(grid)).extracting(LeadRow::name).containsExactly("Schule A " + marker);
        assertThat(_get(TextField.class, s -> s.withId("leads-search")).getValue())
                .isEqualTo(marker);
    }

    @Test
    void aNewLeadIsValidatedAndOpened() {
        navigate("leads");
        _click(_get(Button.class, s -> s.withId("lead-new")));
        String name = unique("Berufskolleg");
        type(_get(TextField.class, s -> s.withId("lead-name")), name);
        type(_get(TextField.class, s -> s.withId("lead-email")), "kein-mail");
        assertThat(_get(TextField.class, s -> s.withId("lead-email")).isInvalid())
                .isTrue();
        assertThat(_get(Button.class, s -> s.withId("lead-save")).isEnabled()).isFalse();
        type(_get(TextField.class, s -> s.withId("lead-email")), "info@bk.example");
        _click(_get(Button.class, s -> s.withId("lead-save")));
        assertThat(_get(H2.class, s -> s.withId("lead-title")).getText()).isEqualTo(name);
    }

    @Test
    void noteHistoryShowsTheDiffAndRestores() {
        Institution i = lead(unique("Gesamtschule"), Status.CONTACTED, "Bonn");
        Note n = leads.addNote(i.id(), "Workshop im Mai mit zwei Klassen");
        leads.editNote(n.id(), n.revision(), "Workshop im Juni mit drei Klassen");
        UI.getCurrent().navigate(LeadView.class, i.id());
        notesTab();
        _click(_get(Button.class, s -> s.withId("lead-note-history-" + n.id())));
        Div diff = _get(Div.class, s -> s.withId("lead-diff"));
        List<String> removed = diff.getChildren()
                .filter(c -> "REMOVED".equals(c.getElement().getAttribute("data-kind")))
                .map(c -> ((Span) c).getText().strip())
                .toList();
        List<String> added = diff.getChildren()
                .filter(c -> "ADDED".equals(c.getElement().getAttribute("data-kind")))
                .map(c -> ((Span) c).getText().strip())
                .toList();
        assertThat(removed).contains("Mai", "zwei");
        assertThat(added).contains("Juni", "drei");
        _click(_get(Button.class, s -> s.withId("lead-note-restore")));
        assertThat(leads.note(n.id()).text()).isEqualTo("Workshop im Mai mit zwei Klassen");
        assertThat(leads.note(n.id()).revision()).isEqualTo(3);
    }

    @Test
    void aNoteIsAddedWithValidationAndTheTimelineShowsIt() {
        Institution i = lead(unique("Verein"), Status.NEW, "Köln");
        UI.getCurrent().navigate(LeadView.class, i.id());
        notesTab();
        _click(_get(Button.class, s -> s.withId("lead-note-add")));
        assertThat(_get(TextArea.class, s -> s.withId("lead-note-text")).isInvalid())
                .isTrue();
        type(_get(TextArea.class, s -> s.withId("lead-note-text")), "Möchte einen Lötkurs");
        _click(_get(Button.class, s -> s.withId("lead-note-add")));
        _get(TabSheet.class).setSelectedIndex(2);
        assertThat(leads.notes(i.id(), false)).extracting(Note::text).containsExactly("Möchte einen Lötkurs");
        LeadView view = _get(LeadView.class);
        assertThat(leads.timeline(i.id(), PageRequest.of(0, 10)).getContent().stream()
                        .map(view::describe)
                        .toList())
                .contains("Note added: Möchte einen Lötkurs", "Lead \"" + i.name() + "\" created");
    }

    @Test
    void convertingShowsTheCustomer() {
        Institution i = lead(unique("Firma"), Status.QUALIFIED, "Köln");
        UI.getCurrent().navigate(LeadView.class, i.id());
        _click(_get(Button.class, s -> s.withId("lead-convert")));
        _fireConfirm(_get(ConfirmDialog.class, s -> s.withId("lead-convert-confirm")));
        assertThat(_get(Anchor.class, s -> s.withId("lead-customer-link")).getHref())
                .isEqualTo("customers/" + leads.get(i.id()).customerId());
    }

    @Test
    void renamingATagInTheTagsView() {
        String tag = unique("Tag");
        leads.create(new InstitutionDraft(
                unique("Mit Tag"), Type.CLUB, null, null, null, null, null, null, null, null, null, null, Set.of(tag)));
        long id = leads.tags().stream()
                .filter(t -> t.name().equals(tag))
                .findFirst()
                .orElseThrow()
                .id();
        navigate("leads/tags");
        @SuppressWarnings("unchecked")
        Grid<Tag> grid = _get(Grid.class, s -> s.withId("lead-tags"));
        int row = _findAll(grid).stream().map(Tag::id).toList().indexOf(id);
        var cell = GridKt._getCellComponent(grid, row, "edit");
        TextField rename = (TextField) cell.getChildren().toList().get(0);
        type(rename, tag + "-neu");
        _click((Button) cell.getChildren().toList().get(2));
        assertThat(leads.tags()).extracting(Tag::name).contains(tag + "-neu").doesNotContain(tag);
    }

    @Test
    void statisticsShowTilesAndCharts() {
        navigate("leads/stats");
        _get(Div.class, s -> s.withId("lead-stat-total"));
        assertThat(_get(Html.class, s -> s.withId("lead-chart-status")).getInnerHtml())
                .contains("<svg");
        assertThat(_find(Html.class)).hasSize(5);
    }

    @Test
    void membersCannotSeeLeads() {
        logout();
        login(unique("member"), Role.MEMBER);
        assertThatThrownBy(() -> navigate("leads")).hasMessageContaining("Access is denied");
    }
}
