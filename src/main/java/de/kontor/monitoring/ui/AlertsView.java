package de.kontor.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.export.ExportColumn;
import de.kontor.base.export.ExportService;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.ExportMenu;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.monitoring.AlertModel.Alert;
import de.kontor.monitoring.AlertModel.AlertFilter;
import de.kontor.monitoring.AlertModel.AlertState;
import de.kontor.monitoring.AlertModel.Silence;
import de.kontor.monitoring.MonitoringModel.NodeSummary;
import de.kontor.monitoring.MonitoringService;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alerts: those firing now (acknowledge, silence their node) and the history, filtered by state and node,
 * exported as CSV, XLSX or PDF; current and coming silences.
 */
@Route("monitoring/alerts")
@Menu(title = "monitoring.alert.menu", order = 601, icon = "vaadin:bell")
@RolesAllowed({"ADMIN", "VIEWER"})
class AlertsView extends Div implements HasDynamicTitle {

    static final String ALL = "ALL";

    private final MonitoringService monitoring;
    private final ZoneId zone;
    private final Clock clock;
    final Select<String> state = new Select<>();
    final ComboBox<NodeSummary> node = new ComboBox<>();
    final Grid<Alert> grid = new Grid<>();
    final Grid<Silence> silences = new Grid<>();

    AlertsView(MonitoringService monitoring, ExportService exports, ZoneId zone, Clock clock) {
        this.monitoring = monitoring;
        this.zone = zone;
        this.clock = clock;
        addClassName("kontor-view");
        setId("alerts-view");
        state.setId("alert-state");
        state.setLabel(getTranslation("monitoring.alert.field.state"));
        state.setItems(AlertState.FIRING.name(), AlertState.PENDING.name(), AlertState.RESOLVED.name(), ALL);
        state.setItemLabelGenerator(s -> getTranslation("monitoring.alert.state." + s));
        state.setValue(AlertState.FIRING.name());
        state.addValueChangeListener(e -> refresh());
        node.setId("alert-node");
        node.setLabel(getTranslation("monitoring.alert.field.node"));
        node.setItems(monitoring.nodes());
        node.setItemLabelGenerator(NodeSummary::name);
        node.setClearButtonVisible(true);
        node.addValueChangeListener(e -> refresh());
        ExportMenu<Alert> export = new ExportMenu<>(
                exports,
                zone,
                () -> getTranslation("monitoring.alert.menu"),
                exportColumns(),
                () -> page -> monitoring.alerts(filter(), page),
                Sort::unsorted,
                null);
        add(new ViewHeader(state, node).actions(export));

        grid.setId("alerts-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        Grids.key(grid.addComponentColumn(this::state)
                .setHeader(getTranslation("monitoring.alert.field.state"))
                .setKey("state"));
        Grids.key(grid.addComponentColumn(a -> AlertRulesView.severityBadge(a.severity(), this::getTranslation))
                .setHeader(getTranslation("monitoring.alert.rule.field.severity")));
        Grids.name(
                grid.addColumn(Alert::ruleName)
                        .setHeader(getTranslation("monitoring.alert.column.rule"))
                        .setKey("rule"),
                "8rem");
        Grids.text(grid, Alert::nodeName, "6rem")
                .setHeader(getTranslation("monitoring.alert.field.node"))
                .setKey("node");
        Grids.key(grid.addColumn(AlertsView::value)
                .setHeader(getTranslation("monitoring.alert.column.value"))
                .setKey("value"));
        // When it resolved stands under since when it fired, who acknowledged it under its state: two
        // columns less, so the list fits beside the menu.
        Grids.key(grid.addComponentColumn(this::since)
                .setHeader(getTranslation("monitoring.alert.column.since"))
                .setKey("since"));
        Grids.actions(grid.addComponentColumn(this::actions).setKey("actions"));
        Grids.counted(grid, getTranslation("monitoring.alert.empty"));
        grid.setItems(q -> monitoring.alerts(filter(), PageRequest.of(q.getPage(), q.getPageSize())).stream());

        silences.setId("silences-grid");
        silences.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        Grids.name(
                silences.addColumn(Silence::nodeName).setHeader(getTranslation("monitoring.alert.field.node")), "8rem");
        Grids.key(silences.addColumn(s -> Formats.dateTime(s.startsAt(), zone))
                .setHeader(getTranslation("monitoring.alert.silence.from")));
        Grids.key(silences.addColumn(s -> Formats.dateTime(s.endsAt(), zone))
                .setHeader(getTranslation("monitoring.alert.silence.until")));
        Grids.text(silences, s -> s.reason() == null ? "" : s.reason(), "8rem")
                .setHeader(getTranslation("monitoring.alert.silence.reason"));
        Grids.key(silences.addColumn(Silence::createdBy).setHeader(getTranslation("monitoring.alert.silence.by")));
        Grids.actions(silences.addComponentColumn(s -> {
            Button end = new Button(getTranslation("monitoring.alert.silence.end"), e -> {
                monitoring.endSilence(s.id());
                refresh();
            });
            end.setId("silence-end-" + s.id());
            end.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return end;
        }));
        Grids.counted(silences, getTranslation("monitoring.alert.silence.none"));
        silences.setAllRowsVisible(true);
        add(grid, new H3(getTranslation("monitoring.alert.silence.title")), silences);
        refresh();
    }

    AlertFilter filter() {
        String s = state.getValue();
        Set<AlertState> states = s == null || s.equals(ALL) ? Set.of() : Set.of(AlertState.valueOf(s));
        return new AlertFilter(
                states, node.getValue() == null ? null : node.getValue().id(), null, null, null);
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        silences.setItems(monitoring.silences());
    }

    private static String value(Alert a) {
        return a.metric() + " = " + (a.value() == null ? "–" : AlertRulesView.number(a.value())) + " ("
                + a.operator().symbol() + " " + AlertRulesView.number(a.threshold()) + ")";
    }

    private Component state(Alert a) {
        Div cell = new Div(stateBadge(a));
        if (a.acknowledgedBy() != null) {
            Span by = new Span(getTranslation("monitoring.alert.column.acknowledged") + " " + a.acknowledgedBy());
            by.addClassName("kontor-muted");
            cell.add(by);
        }
        cell.addClassName("kontor-two-lines");
        return cell;
    }

    private Component since(Alert a) {
        Div cell = new Div(new Span(Formats.dateTime(a.firedAt() == null ? a.startedAt() : a.firedAt(), zone)));
        if (a.resolvedAt() != null) {
            Span resolved = new Span(
                    getTranslation("monitoring.alert.column.resolved") + " " + Formats.dateTime(a.resolvedAt(), zone));
            resolved.addClassName("kontor-muted");
            cell.add(resolved);
        }
        cell.addClassName("kontor-two-lines");
        return cell;
    }

    private Component stateBadge(Alert a) {
        Badges.Tone tone = switch (a.state()) {
            case FIRING -> Badges.Tone.ERROR;
            case PENDING -> Badges.Tone.WARNING;
            case RESOLVED -> Badges.Tone.SUCCESS;
        };
        String text = getTranslation("monitoring.alert.state." + a.state().name());
        return Badges.of(a.silenced() ? text + " – " + getTranslation("monitoring.alert.silenced") : text, tone);
    }

    private Component actions(Alert a) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (a.state() == AlertState.FIRING && a.acknowledgedAt() == null) {
            Button ack = new Button(getTranslation("monitoring.alert.ack"), e -> {
                monitoring.acknowledgeAlert(a.id());
                Notifications.success(getTranslation("monitoring.alert.acked", a.ruleName(), a.nodeName()));
                refresh();
            });
            ack.setId("alert-ack-" + a.id());
            ack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(ack);
        }
        if (a.state() != AlertState.RESOLVED && !a.silenced()) {
            Button silence = new Button(getTranslation("monitoring.alert.silence"), e -> openSilence(a));
            silence.setId("alert-silence-" + a.id());
            silence.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(silence);
        }
        return actions;
    }

    /** A maintenance window for the alert's node: how long, and why. */
    void openSilence(Alert a) {
        Dialog dialog = new Dialog();
        dialog.setId("silence-dialog");
        dialog.setHeaderTitle(getTranslation("monitoring.alert.silence.dialog", a.nodeName()));
        Select<Duration> length = new Select<>();
        length.setId("silence-length");
        length.setLabel(getTranslation("monitoring.alert.silence.length"));
        length.setItems(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24), Duration.ofDays(7));
        length.setItemLabelGenerator(d -> getTranslation("monitoring.alert.silence.length." + d));
        length.setValue(Duration.ofHours(1));
        TextField reason = new TextField(getTranslation("monitoring.alert.silence.reason"));
        reason.setId("silence-reason");
        reason.setMaxLength(200);
        dialog.add(new FormLayout(length, reason));
        Dialogs.footer(
                dialog,
                "silence-save",
                getTranslation("monitoring.alert.silence"),
                () -> {
                    monitoring.silenceNode(
                            a.nodeId(), null, clock.instant().plus(length.getValue()), reason.getValue());
                    Notifications.success(getTranslation("monitoring.alert.silence.done", a.nodeName()));
                    refresh();
                },
                Map.of("reason", reason, "endsAt", length));
        dialog.open();
    }

    private List<ExportColumn<Alert>> exportColumns() {
        return List.of(
                ExportColumn.of(getTranslation("monitoring.alert.column.id"), Alert::id),
                ExportColumn.of(
                        getTranslation("monitoring.alert.field.state"),
                        a -> a.state().name()),
                ExportColumn.of(
                        getTranslation("monitoring.alert.rule.field.severity"),
                        a -> a.severity().name()),
                ExportColumn.of(getTranslation("monitoring.alert.column.rule"), Alert::ruleName),
                ExportColumn.of(getTranslation("monitoring.alert.field.node"), Alert::nodeName),
                ExportColumn.of(getTranslation("monitoring.alert.rule.field.metric"), Alert::metric),
                ExportColumn.of(getTranslation("monitoring.alert.column.value"), Alert::value),
                ExportColumn.of(
                        getTranslation("monitoring.alert.rule.field.operator"),
                        a -> a.operator().symbol()),
                ExportColumn.of(getTranslation("monitoring.alert.rule.field.threshold"), Alert::threshold),
                ExportColumn.of(getTranslation("monitoring.alert.column.started"), Alert::startedAt),
                ExportColumn.of(getTranslation("monitoring.alert.column.fired"), Alert::firedAt),
                ExportColumn.of(getTranslation("monitoring.alert.column.resolved"), Alert::resolvedAt),
                ExportColumn.of(getTranslation("monitoring.alert.column.acknowledged"), Alert::acknowledgedBy));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("monitoring.alert.menu");
    }
}
