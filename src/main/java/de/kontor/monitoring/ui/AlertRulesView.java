package de.kontor.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.monitoring.AlertModel.Channel;
import de.kontor.monitoring.AlertModel.Rule;
import de.kontor.monitoring.AlertModel.Severity;
import de.kontor.monitoring.MonitoringModel.NodeSummary;
import de.kontor.monitoring.MonitoringService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The alert rules: what is watched where, how urgent, who is told; add, change, delete. */
@Route("monitoring/rules")
@Menu(title = "monitoring.alert.rule.menu", order = 602, icon = "vaadin:list")
@RolesAllowed({"ADMIN", "VIEWER"})
class AlertRulesView extends Div implements HasDynamicTitle {

    private final MonitoringService monitoring;
    private final Grid<Rule> grid = new Grid<>();
    private Map<Long, String> nodeNames = Map.of();
    private Map<Long, String> channelNames = Map.of();

    AlertRulesView(MonitoringService monitoring) {
        this.monitoring = monitoring;
        addClassName("kontor-view");
        setId("rules-view");
        Paragraph intro = new Paragraph(getTranslation("monitoring.alert.rule.intro"));
        intro.addClassName("kontor-muted");
        Button add =
                new Button(getTranslation("monitoring.alert.rule.add"), VaadinIcon.PLUS.create(), e -> openForm(null));
        add.setId("rule-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader(intro).actions(add));

        grid.setId("rules-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        Grids.name(
                grid.addColumn(Rule::name)
                        .setHeader(getTranslation("monitoring.alert.rule.field.name"))
                        .setKey("name"),
                "8rem");
        Grids.text(grid, this::condition, "8rem")
                .setHeader(getTranslation("monitoring.alert.rule.column.condition"))
                .setKey("condition");
        Grids.text(grid, this::scope, "6rem")
                .setHeader(getTranslation("monitoring.alert.rule.column.scope"))
                .setKey("scope");
        Grids.key(grid.addComponentColumn(this::severity)
                .setHeader(getTranslation("monitoring.alert.rule.field.severity")));
        Grids.text(
                        grid,
                        r -> r.channelIds().stream()
                                .map(id -> channelNames.getOrDefault(id, "#" + id))
                                .collect(Collectors.joining(", ")),
                        "6rem")
                .setHeader(getTranslation("monitoring.alert.rule.field.channels"))
                .setKey("channels");
        Grids.key(grid.addColumn(
                        r -> getTranslation(r.enabled() ? "monitoring.alert.rule.on" : "monitoring.alert.rule.off"))
                .setHeader(getTranslation("monitoring.alert.rule.field.enabled"))
                .setKey("enabled"));
        Grids.actions(grid.addComponentColumn(this::actions).setKey("actions"));
        Grids.counted(grid, getTranslation("monitoring.alert.rule.empty"));
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    void refresh() {
        nodeNames = monitoring.nodes().stream().collect(Collectors.toMap(NodeSummary::id, NodeSummary::name));
        channelNames = monitoring.channels().stream().collect(Collectors.toMap(Channel::id, Channel::name));
        grid.setItems(monitoring.alertRules());
    }

    private String condition(Rule r) {
        String text = r.metric() + " " + r.operator().symbol() + " " + number(r.threshold());
        return r.forSeconds() == 0
                ? text
                : getTranslation("monitoring.alert.rule.forDuration", text, duration(r.forSeconds()));
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String duration(int seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (seconds % 3600 == 0) {
            return d.toHours() + " h";
        }
        return seconds % 60 == 0 ? d.toMinutes() + " min" : seconds + " s";
    }

    private String scope(Rule r) {
        if (!r.nodeIds().isEmpty()) {
            return r.nodeIds().stream()
                    .map(id -> nodeNames.getOrDefault(id, "#" + id))
                    .collect(Collectors.joining(", "));
        }
        return r.tag() == null
                ? getTranslation("monitoring.alert.rule.allNodes")
                : getTranslation("monitoring.alert.rule.tagged", r.tag());
    }

    private Component severity(Rule r) {
        return severityBadge(r.severity(), this::getTranslation);
    }

    static Component severityBadge(Severity severity, Function<String, String> translate) {
        Badges.Tone tone = switch (severity) {
            case CRITICAL -> Badges.Tone.ERROR;
            case WARNING -> Badges.Tone.WARNING;
            case INFO -> Badges.Tone.NEUTRAL;
        };
        return Badges.of(translate.apply("monitoring.alert.severity." + severity.name()), tone);
    }

    private Component actions(Rule r) {
        Button edit = new Button(getTranslation("action.edit"), e -> openForm(r));
        edit.setId("rule-edit-" + r.id());
        Button delete = new Button(
                getTranslation("action.delete"),
                e -> Confirmations.ask(
                        "rule-delete-confirm",
                        getTranslation("monitoring.alert.rule.delete"),
                        getTranslation("monitoring.alert.rule.delete.confirm", r.name()),
                        getTranslation("action.delete"),
                        true,
                        () -> {
                            monitoring.deleteAlertRule(r.id());
                            Notifications.success(getTranslation("monitoring.alert.rule.deleted", r.name()));
                            refresh();
                        }));
        delete.setId("rule-delete-" + r.id());
        HorizontalLayout actions = new HorizontalLayout(edit, delete);
        actions.setSpacing(false);
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return actions;
    }

    void openForm(@Nullable Rule rule) {
        List<NodeSummary> nodes = monitoring.nodes();
        List<Channel> channels = monitoring.channels();
        AlertRuleForm form =
                new AlertRuleForm(rule == null ? new RuleDraft() : RuleDraft.of(rule), rule == null, nodes, channels);
        form.onSave(data -> {
            Rule saved = rule == null
                    ? monitoring.createAlertRule(data.definition())
                    : monitoring.updateAlertRule(rule.id(), data.definition());
            Notifications.success(getTranslation("monitoring.alert.rule.saved", saved.name()));
            refresh();
        });
        form.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("monitoring.alert.rule.menu");
    }
}
