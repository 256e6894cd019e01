package de.kontor.monitoring.ui;

import de.kontor.monitoring.AlertModel.Operator;
import de.kontor.monitoring.AlertModel.Rule;
import de.kontor.monitoring.AlertModel.RuleDefinition;
import de.kontor.monitoring.AlertModel.Severity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the alert rule form edits. */
public class RuleDraft {

    @NotBlank
    @Size(max = 100)
    private String name = "";

    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = "[^\\s*]+(:\\*)?")
    private String metric = "";

    @NotNull
    private Operator operator = Operator.GT;

    @NotNull
    private Double threshold = 80.0;

    @NotNull
    @Min(0)
    @Max(7 * 24 * 3600)
    private Integer forSeconds = 300;

    private Set<Long> nodeIds = new LinkedHashSet<>();

    @Size(max = 50)
    private String tag = "";

    @NotNull
    private Severity severity = Severity.WARNING;

    private Set<Long> channelIds = new LinkedHashSet<>();

    private boolean enabled = true;

    static RuleDraft of(Rule rule) {
        RuleDraft d = new RuleDraft();
        d.name = rule.name();
        d.metric = rule.metric();
        d.operator = rule.operator();
        d.threshold = rule.threshold();
        d.forSeconds = rule.forSeconds();
        d.nodeIds = new LinkedHashSet<>(rule.nodeIds());
        d.tag = rule.tag() == null ? "" : rule.tag();
        d.severity = rule.severity();
        d.channelIds = new LinkedHashSet<>(rule.channelIds());
        d.enabled = rule.enabled();
        return d;
    }

    RuleDefinition definition() {
        return new RuleDefinition(
                name,
                metric,
                operator.symbol(),
                threshold,
                forSeconds,
                new ArrayList<>(nodeIds),
                tag.isBlank() ? null : tag,
                severity.name(),
                new ArrayList<>(channelIds),
                enabled);
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name;
    }

    public String getMetric() {
        return metric;
    }

    public void setMetric(@Nullable String metric) {
        this.metric = metric == null ? "" : metric.strip();
    }

    public Operator getOperator() {
        return operator;
    }

    public void setOperator(Operator operator) {
        this.operator = operator;
    }

    public Double getThreshold() {
        return threshold;
    }

    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public Integer getForSeconds() {
        return forSeconds;
    }

    public void setForSeconds(Integer forSeconds) {
        this.forSeconds = forSeconds;
    }

    public Set<Long> getNodeIds() {
        return nodeIds;
    }

    public void setNodeIds(@Nullable Set<Long> nodeIds) {
        this.nodeIds = nodeIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(nodeIds);
    }

    public String getTag() {
        return tag;
    }

    public void setTag(@Nullable String tag) {
        this.tag = tag == null ? "" : tag;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    public Set<Long> getChannelIds() {
        return channelIds;
    }

    public void setChannelIds(@Nullable Set<Long> channelIds) {
        this.channelIds = channelIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(channelIds);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
