package de.kontor.base.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.audit.AuditEntry;
import de.kontor.base.audit.AuditQuery;
import de.kontor.base.audit.AuditService;
import de.kontor.base.export.ExportColumn;
import de.kontor.base.export.ExportService;
import de.kontor.base.i18n.KontorI18NProvider;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Who changed what, when: filterable by user, module, date range and text; exportable. */
@Route("audit")
@Menu(title = "menu.audit", order = 990, icon = "vaadin:clipboard-text")
@RolesAllowed({"ADMIN", "VIEWER"})
class AuditView extends Div implements HasDynamicTitle {

    private final AuditService audit;
    private final ZoneId zone;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final ComboBox<String> user = new ComboBox<>();
    private final ComboBox<String> module = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField text = new TextField();

    AuditView(AuditService audit, ExportService exports, ZoneId zone, KontorI18NProvider i18n) {
        this.audit = audit;
        this.zone = zone;
        addClassName("kontor-view");

        user.setLabel(getTranslation("audit.user"));
        user.setId("audit-user");
        user.setItems(audit.usernames());
        user.setClearButtonVisible(true);
        module.setLabel(getTranslation("audit.module"));
        module.setId("audit-module");
        module.setItems(audit.modules());
        module.setItemLabelGenerator(m -> getTranslation("module." + m));
        module.setClearButtonVisible(true);
        from.setLabel(getTranslation("audit.from"));
        from.setId("audit-from");
        from.setClearButtonVisible(true);
        to.setLabel(getTranslation("audit.to"));
        to.setId("audit-to");
        to.setClearButtonVisible(true);
        text.setLabel(getTranslation("audit.text"));
        text.setId("audit-text");
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        user.addValueChangeListener(e -> refresh());
        module.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());

        // Export values are computed in a background thread, away from the UI: translate with a fixed locale.
        Locale locale = getLocale();
        AuditTexts texts = new AuditTexts(i18n, locale, zone);
        List<ExportColumn<AuditEntry>> columns = List.of(
                ExportColumn.<AuditEntry>of(getTranslation("audit.time"), AuditEntry::getOccurredAt)
                        .withWidth(1.3f),
                ExportColumn.<AuditEntry>of(getTranslation("audit.user"), AuditEntry::getUsername),
                ExportColumn.<AuditEntry>of(
                                getTranslation("audit.channel"),
                                e -> i18n.getTranslation(
                                        "audit.channel." + e.getChannel().name(), locale))
                        .withWidth(0.6f),
                ExportColumn.<AuditEntry>of(
                        getTranslation("audit.module"), e -> i18n.getTranslation("module." + e.getModule(), locale)),
                ExportColumn.<AuditEntry>of(
                        getTranslation("audit.entity"),
                        e -> e.getEntityType() + (e.getEntityId() == null ? "" : " #" + e.getEntityId())),
                ExportColumn.<AuditEntry>of(getTranslation("audit.action"), texts::action),
                ExportColumn.<AuditEntry>of(getTranslation("audit.summary"), AuditEntry::getSummary)
                        .withWidth(2.5f),
                ExportColumn.<AuditEntry>of(getTranslation("audit.changes"), e -> changesText(texts, e))
                        .withWidth(2.5f));
        ExportMenu<AuditEntry> export = new ExportMenu<>(
                exports,
                zone,
                () -> getTranslation("audit.exportTitle"),
                columns,
                () -> pageable -> audit.find(query(), pageable),
                () -> GridSorts.of(grid),
                () -> audit.count(query()));

        ViewHeader toolbar = new ViewHeader(user, module, from, to, text).actions(export);

        grid.setId("audit-grid");
        grid.addThemeVariants(
                GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        Grids.key(grid.addColumn(e -> Formats.dateTime(e.getOccurredAt(), zone)))
                .setHeader(getTranslation("audit.time"))
                .setSortProperty("occurredAt")
                .setKey("time");
        Grids.key(grid.addColumn(AuditEntry::getUsername))
                .setHeader(getTranslation("audit.user"))
                .setSortProperty("username")
                .setKey("user");
        Grids.key(grid.addColumn(e -> getTranslation("module." + e.getModule())))
                .setHeader(getTranslation("audit.module"))
                .setSortProperty("module")
                .setKey("module");
        Grids.key(grid.addColumn(texts::action))
                .setHeader(getTranslation("audit.action"))
                .setSortProperty("action")
                .setKey("action");
        Grids.name(grid.addColumn(AuditEntry::getSummary), "14rem")
                .setHeader(getTranslation("audit.summary"))
                .setTooltipGenerator(AuditEntry::getSummary)
                .setKey("summary");
        Grids.name(grid.addColumn(e -> changesText(texts, e)), "16rem")
                .setHeader(getTranslation("audit.changes"))
                .setPartNameGenerator(e -> "kontor-muted")
                .setKey("changes")
                .setFlexGrow(2);
        Grids.lazy(grid, pageable -> audit.find(query(), pageable), () -> audit.count(query()));
        Grids.counted(grid, getTranslation("audit.empty"));

        add(toolbar, grid);
    }

    AuditQuery query() {
        return new AuditQuery(
                user.getValue(),
                module.getValue(),
                startOf(from.getValue()),
                to.getValue() == null ? null : startOf(to.getValue().plusDays(1)),
                text.getValue());
    }

    private @Nullable Instant startOf(@Nullable LocalDate date) {
        return date == null ? null : date.atStartOfDay(zone).toInstant();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private String changesText(AuditTexts texts, AuditEntry entry) {
        return texts.changes(entry.getModule(), audit.changesOf(entry));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.audit");
    }
}
