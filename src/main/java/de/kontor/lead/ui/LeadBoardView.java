package de.kontor.lead.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.lead.LeadModel.LeadQuery;
import de.kontor.lead.LeadModel.LeadRow;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadService;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The leads as a pipeline: a column per status with the newest leads as cards; dragging a card to another
 * column changes the lead's status (as the status field of the lead does, with its timeline entry). Beside
 * the list, not instead of it: the list has every filter and all rows.
 */
@Route("leads/board")
@RolesAllowed({"ADMIN", "VIEWER"})
class LeadBoardView extends Div implements HasDynamicTitle {

    /** Cards per column: a board is for the flow, the list for digging. */
    static final int CARDS_PER_COLUMN = 30;

    private final LeadService leads;
    private final TextField search = new TextField();
    private final Div board = new Div();
    private final Map<Status, Div> columns = new EnumMap<>(Status.class);

    LeadBoardView(LeadService leads) {
        this.leads = leads;
        addClassName("kontor-view");
        setId("lead-board");
        search.setId("lead-board-search");
        search.setPlaceholder(getTranslation("lead.search"));
        search.setWidth("17rem");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        Anchor list = new Anchor("leads", getTranslation("lead.board.list"));
        list.setId("lead-board-list");
        add(new ViewHeader(search).actions(list));
        board.addClassName("kontor-board");
        for (Status status : Status.values()) {
            Div column = new Div();
            column.addClassName("kontor-board-column");
            column.setId("lead-board-" + status.name().toLowerCase(Locale.ROOT));
            DropTarget<Div> target = DropTarget.create(column);
            target.setDropEffect(DropEffect.MOVE);
            target.addDropListener(e -> e.getDragData().ifPresent(data -> move((Long) data, status)));
            columns.put(status, column);
            board.add(column);
        }
        add(board);
        refresh();
    }

    /** Moves a lead to another status (what dropping its card does). */
    void move(long id, Status status) {
        leads.setStatus(id, status);
        Notifications.success(getTranslation(
                "lead.board.moved", leads.get(id).name(), getTranslation("lead.status." + status.name())));
        refresh();
    }

    void refresh() {
        String text = search.getValue();
        for (Status status : Status.values()) {
            Div column = columns.get(status);
            column.removeAll();
            LeadQuery query = new LeadQuery(text, Set.of(status), Set.of(), null, null, null, null, null, false);
            long count = leads.count(query);
            Span title = new Span(getTranslation("lead.status." + status.name()));
            Span number = new Span(String.valueOf(count));
            number.addClassName("kontor-board-count");
            Div head = new Div(Badges.of(title.getText(), LeadsView.tone(status)), number);
            head.addClassName("kontor-board-head");
            column.add(head);
            leads.find(query, PageRequest.of(0, CARDS_PER_COLUMN, Sort.by(Sort.Direction.DESC, "createdAt")))
                    .forEach(row -> column.add(card(row)));
            if (count > CARDS_PER_COLUMN) {
                Anchor more = new Anchor(
                        "leads?status=" + status.name(), getTranslation("lead.board.more", count - CARDS_PER_COLUMN));
                more.addClassName("kontor-muted");
                column.add(more);
            }
        }
    }

    private Div card(LeadRow row) {
        Div name = new Div(row.name());
        name.addClassName("kontor-card-title");
        Div details = new Div(Stream.of(row.city(), row.primaryContact(), row.owner())
                .filter(t -> t != null && !t.isBlank())
                .collect(Collectors.joining(" · ")));
        details.addClassName("kontor-muted");
        Div card = new Div(name, details);
        card.addClassName("kontor-board-card");
        card.setId("lead-card-" + row.id());
        DragSource<Div> drag = DragSource.create(card);
        drag.setDragData(row.id());
        card.addClickListener(e -> UI.getCurrent().navigate(LeadView.class, row.id()));
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lead.board.title");
    }
}
