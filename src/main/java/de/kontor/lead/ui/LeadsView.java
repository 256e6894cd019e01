package de.kontor.lead.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import de.kontor.base.export.ExportService;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.ExportMenu;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.GridSorts;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.ViewHeader;
import de.kontor.lead.LeadExports;
import de.kontor.lead.LeadModel.LeadQuery;
import de.kontor.lead.LeadModel.LeadRow;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Tag;
import de.kontor.lead.LeadService;
import de.kontor.security.UserService;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Leads: a lazy list with search across institutions, contacts and notes and filters (status, tags, owner,
 * city, source, created) kept in the address, so a filtered list can be bookmarked and shared.
 */
@Route("leads")
@Menu(title = "menu.leads", order = 300, icon = "vaadin:handshake")
@RolesAllowed({"ADMIN", "VIEWER"})
class LeadsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LeadService leads;
    private final Grid<LeadRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private final MultiSelectComboBox<Status> statuses = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
    private final ComboBox<String> owner = new ComboBox<>();
    private final ComboBox<String> city = new ComboBox<>();
    private final ComboBox<String> source = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Checkbox archived = new Checkbox();
    private boolean reading;

    LeadsView(LeadService leads, UserService users, ExportService exports, ZoneId zone) {
        this.leads = leads;
        addClassName("kontor-view");
        setId("leads-view");

        search.setId("leads-search");
        search.setPlaceholder(getTranslation("lead.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        statuses.setId("leads-status");
        statuses.setPlaceholder(getTranslation("lead.field.status"));
        statuses.setItems(Status.values());
        statuses.setItemLabelGenerator(s -> getTranslation("lead.status." + s.name()));
        tags.setId("leads-tags");
        tags.setPlaceholder(getTranslation("lead.field.tags"));
        tags.setItems(leads.tags().stream().map(Tag::name).toList());
        owner.setId("leads-owner");
        owner.setPlaceholder(getTranslation("lead.field.owner"));
        owner.setItems(leads.owners());
        owner.setClearButtonVisible(true);
        city.setId("leads-city");
        city.setPlaceholder(getTranslation("lead.field.city"));
        city.setItems(leads.cities());
        city.setClearButtonVisible(true);
        source.setId("leads-source");
        source.setPlaceholder(getTranslation("lead.field.source"));
        source.setItems(leads.sources());
        source.setClearButtonVisible(true);
        from.setId("leads-from");
        from.setPlaceholder(getTranslation("lead.filter.from"));
        to.setId("leads-to");
        to.setPlaceholder(getTranslation("lead.filter.to"));
        archived.setId("leads-archived");
        archived.setLabel(getTranslation("lead.filter.archived"));
        search.addValueChangeListener(e -> changed());
        statuses.addValueChangeListener(e -> changed());
        tags.addValueChangeListener(e -> changed());
        owner.addValueChangeListener(e -> changed());
        city.addValueChangeListener(e -> changed());
        source.addValueChangeListener(e -> changed());
        from.addValueChangeListener(e -> changed());
        to.addValueChangeListener(e -> changed());
        archived.addValueChangeListener(e -> changed());

        Button add = new Button(
                getTranslation("lead.new"),
                VaadinIcon.PLUS.create(),
                e -> LeadEditor.open(
                        leads, users, null, created -> UI.getCurrent().navigate(LeadView.class, created.id())));
        add.setId("lead-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ExportMenu<LeadRow> export = new ExportMenu<>(
                exports,
                zone,
                () -> getTranslation("lead.export.title"),
                LeadExports.columns(this::getTranslation),
                () -> page -> leads.find(query(), page),
                () -> GridSorts.of(grid),
                () -> leads.count(query()));
        ViewHeader links = new ViewHeader(
                link("leads/import", "lead.import"),
                link("leads/tags", "lead.tags"),
                link("leads/tasks", "lead.tasks.mine"),
                link("leads/stats", "lead.stats"),
                link("leads/board", "lead.board.title"));
        add(
                links,
                new ViewHeader(search, statuses, tags, owner, city, source, from, to, archived).actions(export, add));

        grid.setId("leads-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        Grids.name(
                grid.addColumn(LeadRow::name)
                        .setHeader(getTranslation("lead.field.name"))
                        .setKey("name")
                        .setSortable(true),
                "14rem");
        Grids.key(grid.addColumn(r -> getTranslation("lead.type." + r.type().name()))
                .setHeader(getTranslation("lead.field.type"))
                .setKey("type")
                .setSortable(true));
        Grids.key(grid.addColumn(r -> r.city() == null ? "" : r.city())
                .setHeader(getTranslation("lead.field.city"))
                .setKey("city")
                .setSortable(true));
        Grids.key(grid.addComponentColumn(r ->
                        Badges.of(getTranslation("lead.status." + r.status().name()), tone(r.status())))
                .setHeader(getTranslation("lead.field.status"))
                .setKey("status")
                .setSortable(true));
        Grids.text(grid, r -> r.primaryContact() == null ? "" : r.primaryContact(), "8rem")
                .setHeader(getTranslation("lead.field.contactName"));
        Grids.text(grid, LeadRow::tags, "6rem").setHeader(getTranslation("lead.field.tags"));
        Grids.key(grid.addColumn(r -> r.owner() == null ? "" : r.owner())
                .setHeader(getTranslation("lead.field.owner"))
                .setKey("owner")
                .setSortable(true));
        Grids.key(grid.addColumn(r -> Formats.date(r.createdAt(), zone))
                .setHeader(getTranslation("lead.field.created"))
                .setKey("createdAt")
                .setSortable(true));
        grid.setItems(LazyGrids.pages(page -> leads.find(query(), page)));
        grid.addItemClickListener(
                e -> UI.getCurrent().navigate(LeadView.class, e.getItem().id()));
        Grids.counted(grid, getTranslation("lead.empty"));
        grid.setHeight("36rem");
        add(grid);
    }

    private Anchor link(String route, String key) {
        Anchor a = new Anchor(route, getTranslation(key));
        a.setId("leads-link-" + route.replace("leads/", ""));
        return a;
    }

    static Badges.Tone tone(Status status) {
        return switch (status) {
            case NEW -> Badges.Tone.PRIMARY;
            case CONTACTED, QUALIFIED -> Badges.Tone.WARNING;
            case WON -> Badges.Tone.SUCCESS;
            case LOST -> Badges.Tone.NEUTRAL;
        };
    }

    LeadQuery query() {
        return new LeadQuery(
                search.getValue(),
                statuses.getValue(),
                tags.getValue(),
                owner.getValue(),
                city.getValue(),
                source.getValue(),
                from.getValue(),
                to.getValue(),
                archived.getValue());
    }

    private void changed() {
        if (reading) {
            return;
        }
        grid.getDataProvider().refreshAll();
        Map<String, List<String>> params = new HashMap<>();
        put(params, "q", search.getValue());
        if (!statuses.getValue().isEmpty()) {
            params.put(
                    "status",
                    statuses.getValue().stream().map(Enum::name).sorted().toList());
        }
        if (!tags.getValue().isEmpty()) {
            params.put("tag", new ArrayList<>(new TreeSet<>(tags.getValue())));
        }
        put(params, "owner", owner.getValue());
        put(params, "city", city.getValue());
        put(params, "source", source.getValue());
        put(params, "from", from.getValue() == null ? null : from.getValue().toString());
        put(params, "to", to.getValue() == null ? null : to.getValue().toString());
        if (archived.getValue()) {
            params.put("archived", List.of("true"));
        }
        UI.getCurrent().getPage().getHistory().replaceState(null, new Location("leads", new QueryParameters(params)));
    }

    private static void put(Map<String, List<String>> params, String key, String value) {
        if (value != null && !value.isBlank()) {
            params.put(key, List.of(value));
        }
    }

    /** The filter from the address (a bookmark or a shared link). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        reading = true;
        try {
            search.setValue(first(p, "q"));
            Set<Status> s = new TreeSet<>();
            for (String v : p.getOrDefault("status", List.of())) {
                try {
                    s.add(Status.valueOf(v));
                } catch (IllegalArgumentException ignored) {
                    // an old or edited link: ignore what is not a status
                }
            }
            statuses.setValue(s);
            tags.setValue(new TreeSet<>(p.getOrDefault("tag", List.of())));
            owner.setValue(emptyToNull(first(p, "owner")));
            city.setValue(emptyToNull(first(p, "city")));
            source.setValue(emptyToNull(first(p, "source")));
            from.setValue(date(first(p, "from")));
            to.setValue(date(first(p, "to")));
            archived.setValue("true".equals(first(p, "archived")));
        } finally {
            reading = false;
        }
        grid.getDataProvider().refreshAll();
    }

    private static String first(Map<String, List<String>> p, String key) {
        return p.getOrDefault(key, List.of("")).stream().findFirst().orElse("");
    }

    private static String emptyToNull(String s) {
        return s.isBlank() ? null : s;
    }

    private static LocalDate date(String s) {
        try {
            return s.isBlank() ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    List<LeadRow> rows() {
        return grid.getGenericDataView().getItems().collect(Collectors.toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.leads");
    }
}
