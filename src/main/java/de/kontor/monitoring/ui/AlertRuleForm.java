package de.kontor.monitoring.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.ui.EditorDialog;
import de.kontor.monitoring.AlertModel.Channel;
import de.kontor.monitoring.AlertModel.Operator;
import de.kontor.monitoring.AlertModel.Severity;
import de.kontor.monitoring.MonitoringModel.NodeSummary;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Adds or changes an alert rule: metric, comparison, threshold, how long, scope (nodes or a tag, else all),
 * severity and channels; validated as you type. Fires {@link EditorDialog.SaveEvent}; the view saves.
 */
class AlertRuleForm extends EditorDialog<RuleDraft, RuleDraft> {

    /** Metric names offered in the list; others can be typed. */
    static final List<String> METRICS = List.of(
            "cpu",
            "memory",
            "swap",
            "disk",
            "disk:*",
            "disk.inodes:*",
            "load1",
            "load5",
            "load15",
            "net.rx",
            "net.tx",
            "temp:*",
            "node.unreachable",
            "services.failed",
            "containers.exited",
            "kontor.database",
            "kontor.license.api",
            "kontor.scheduler",
            "kontor.datadir",
            "kontor.mail.failures",
            "kontor.backup.failed",
            "kontor.backup.overdue",
            "kontor.license.anomalies");

    final TextField name = new TextField();
    final ComboBox<String> metric = new ComboBox<>();
    final Select<Operator> operator = new Select<>();
    final NumberField threshold = new NumberField();
    final IntegerField forSeconds = new IntegerField();
    final MultiSelectComboBox<Long> nodes = new MultiSelectComboBox<>();
    final TextField tag = new TextField();
    final Select<Severity> severity = new Select<>();
    final MultiSelectComboBox<Long> channels = new MultiSelectComboBox<>();
    final Checkbox enabled = new Checkbox();

    AlertRuleForm(RuleDraft draft, boolean adding, List<NodeSummary> nodeList, List<Channel> channelList) {
        super(RuleDraft.class, "rule");
        setId("rule-form");
        setHeaderTitle(getTranslation(adding ? "monitoring.alert.rule.add" : "monitoring.alert.rule.edit"));
        name.setId("rule-name");
        name.setLabel(getTranslation("monitoring.alert.rule.field.name"));
        name.setMaxLength(100);
        metric.setId("rule-metric");
        metric.setLabel(getTranslation("monitoring.alert.rule.field.metric"));
        metric.setHelperText(getTranslation("monitoring.alert.rule.field.metric.help"));
        TreeSet<String> metrics = new TreeSet<>(METRICS);
        metrics.add(draft.getMetric());
        metrics.remove("");
        metric.setItems(metrics);
        metric.setAllowCustomValue(true);
        metric.addCustomValueSetListener(e -> {
            metrics.add(e.getDetail().strip());
            metric.setItems(metrics);
            metric.setValue(e.getDetail().strip());
        });
        operator.setId("rule-operator");
        operator.setLabel(getTranslation("monitoring.alert.rule.field.operator"));
        operator.setItems(Operator.values());
        operator.setItemLabelGenerator(Operator::symbol);
        threshold.setId("rule-threshold");
        threshold.setLabel(getTranslation("monitoring.alert.rule.field.threshold"));
        forSeconds.setId("rule-for");
        forSeconds.setLabel(getTranslation("monitoring.alert.rule.field.forSeconds"));
        forSeconds.setMin(0);
        forSeconds.setStepButtonsVisible(true);
        forSeconds.setStep(60);
        Map<Long, String> nodeNames =
                nodeList.stream().collect(Collectors.toMap(NodeSummary::id, NodeSummary::name, (a, b) -> a));
        nodes.setId("rule-nodes");
        nodes.setLabel(getTranslation("monitoring.alert.rule.field.nodes"));
        nodes.setHelperText(getTranslation("monitoring.alert.rule.field.nodes.help"));
        nodes.setItems(nodeList.stream().map(NodeSummary::id).toList());
        nodes.setItemLabelGenerator(label(nodeNames));
        tag.setId("rule-tag");
        tag.setLabel(getTranslation("monitoring.alert.rule.field.tag"));
        severity.setId("rule-severity");
        severity.setLabel(getTranslation("monitoring.alert.rule.field.severity"));
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(s -> getTranslation("monitoring.alert.severity." + s.name()));
        Map<Long, String> channelNames =
                channelList.stream().collect(Collectors.toMap(Channel::id, Channel::name, (a, b) -> a));
        channels.setId("rule-channels");
        channels.setLabel(getTranslation("monitoring.alert.rule.field.channels"));
        channels.setItems(channelList.stream().map(Channel::id).toList());
        channels.setItemLabelGenerator(label(channelNames));
        enabled.setId("rule-enabled");
        enabled.setLabel(getTranslation("monitoring.alert.rule.field.enabled"));

        binder.forField(name).bind("name");
        binder.forField(metric).bind("metric");
        binder.forField(operator).bind("operator");
        binder.forField(threshold).bind("threshold");
        binder.forField(forSeconds).bind("forSeconds");
        binder.forField(nodes).bind("nodeIds");
        binder.forField(tag).bind("tag");
        binder.forField(severity).bind("severity");
        binder.forField(channels).bind("channelIds");
        binder.forField(enabled).bind("enabled");
        binder.readBean(draft);
        FormLayout layout =
                new FormLayout(name, metric, operator, threshold, forSeconds, severity, nodes, tag, channels, enabled);
        layout.setColspan(name, 2);
        layout.setColspan(nodes, 2);
        layout.setColspan(channels, 2);
        add(layout);

        addFooterButtons();
    }

    private static ItemLabelGenerator<Long> label(Map<Long, String> names) {
        return id -> names.getOrDefault(id, "#" + id);
    }

    @Override
    protected RuleDraft newBean() {
        return new RuleDraft();
    }

    @Override
    protected RuleDraft toData(RuleDraft draft) {
        return draft;
    }

    @Override
    public Map<String, HasValidation> fields() {
        return Map.of(
                "name", name,
                "metric", metric,
                "operator", operator,
                "threshold", threshold,
                "forSeconds", forSeconds,
                "nodeIds", nodes,
                "tag", tag,
                "severity", severity,
                "channelIds", channels);
    }
}
