package de.kontor.lead.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dnd.DragStartEvent;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Type;
import de.kontor.lead.LeadService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The leads pipeline: a column per status, a card moved by drag and drop changes the lead's status. */
class LeadBoardTest extends KaribuTest {

    @Autowired
    LeadService leads;

    @BeforeEach
    void signIn() {
        loginAsAdmin();
    }

    @Test
    void aLeadShowsInTheColumnOfItsStatusAndDroppingItOnAnotherColumnChangesTheStatus() {
        String marker = unique("Board");
        Institution lead = leads.create(new InstitutionDraft(
                "Robotik-AG " + marker,
                Type.SCHOOL,
                null,
                null,
                "Jena",
                null,
                null,
                null,
                null,
                Status.NEW,
                null,
                null,
                Set.of()));
        UI.getCurrent().navigate("leads/board");
        type(_get(TextField.class, s -> s.withId("lead-board-search")), marker);

        Div newColumn = _get(Div.class, s -> s.withId("lead-board-new"));
        Div card = _get(newColumn, Div.class, s -> s.withId("lead-card-" + lead.id()));
        Div qualified = _get(Div.class, s -> s.withId("lead-board-qualified"));

        // What the browser sends when the card is dragged onto the other column.
        ComponentUtil.fireEvent(card, new DragStartEvent<>(card, true));
        ComponentUtil.fireEvent(qualified, new DropEvent<>(qualified, true, "move"));

        assertThat(leads.get(lead.id()).status()).isEqualTo(Status.QUALIFIED);
        _get(qualified, Div.class, s -> s.withId("lead-card-" + lead.id()));
        assertThat(newColumn.getChildren().anyMatch(c -> c.getId().equals(card.getId())))
                .isFalse();
    }
}
