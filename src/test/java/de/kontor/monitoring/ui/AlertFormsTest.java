package de.kontor.monitoring.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import de.kontor.monitoring.AlertModel.Channel;
import de.kontor.monitoring.AlertModel.ChannelDefinition;
import de.kontor.monitoring.AlertModel.ChannelType;
import de.kontor.monitoring.AlertModel.Operator;
import de.kontor.monitoring.AlertModel.RuleDefinition;
import de.kontor.monitoring.AlertModel.Severity;
import de.kontor.monitoring.AlertModel.WebhookFormat;
import de.kontor.monitoring.MonitoringModel.Health;
import de.kontor.monitoring.MonitoringModel.NodeStatus;
import de.kontor.monitoring.MonitoringModel.NodeSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static de.kontor.KaribuTest.type;
import static org.assertj.core.api.Assertions.assertThat;

/** The rule and channel forms on their own: Save only when valid, and the events carry what was entered. */
class AlertFormsTest {

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static NodeSummary node(long id, String name) {
        return new NodeSummary(
                id, name, List.of(), NodeStatus.ONLINE, null, null, null, null, new Health(100, List.of()), false);
    }

    @Test
    void theRuleFormSavesOnlyAValidRuleAndHandsOverItsDefinition() {
        AlertRuleForm form = new AlertRuleForm(
                new RuleDraft(),
                true,
                List.of(node(7, "web-1"), node(8, "db-1")),
                List.of(new Channel(3, "ops", ChannelType.EMAIL, null, "ops@example.org", null)));
        List<RuleDraft> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        assertThat(form.save.isEnabled()).isFalse();

        type(form.name, "Load high");
        type(form.metric, "cpu *");
        assertThat(form.metric.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();
        type(form.metric, "disk:*");
        type(form.forSeconds, -5);
        assertThat(form.forSeconds.isInvalid()).isTrue();
        type(form.forSeconds, 120);
        type(form.operator, Operator.GE);
        type(form.threshold, 95.0);
        type(form.nodes, Set.of(8L));
        type(form.severity, Severity.CRITICAL);
        type(form.channels, Set.of(3L));
        assertThat(form.save.isEnabled()).isTrue();
        form.save.click();

        assertThat(saved).hasSize(1);
        RuleDefinition d = saved.getFirst().definition();
        assertThat(d.name()).isEqualTo("Load high");
        assertThat(d.metric()).isEqualTo("disk:*");
        assertThat(d.operator()).isEqualTo(">=");
        assertThat(d.threshold()).isEqualTo(95.0);
        assertThat(d.forSeconds()).isEqualTo(120);
        assertThat(d.nodeIds()).containsExactly(8L);
        assertThat(d.tag()).isNull();
        assertThat(d.severity()).isEqualTo("CRITICAL");
        assertThat(d.channelIds()).containsExactly(3L);
        assertThat(form.nodes.getItemLabelGenerator().apply(8L)).isEqualTo("db-1");
    }

    @Test
    void theChannelFormAsksForATargetWhenAddingAndShowsTheTemplateOnlyForTemplates() {
        ChannelForm form = new ChannelForm(new ChannelDraft(), true, "");
        List<ChannelDraft> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        assertThat(form.format.isVisible()).isFalse();
        assertThat(form.template.isVisible()).isFalse();

        type(form.name, "SMS");
        assertThat(form.save.isEnabled()).as("no target yet").isFalse();
        type(form.type, ChannelType.WEBHOOK);
        assertThat(form.format.isVisible()).isTrue();
        type(form.format, WebhookFormat.TEMPLATE);
        assertThat(form.template.isVisible()).isTrue();
        type(form.target, "https://sms.example/send");
        type(form.template, "to=49170&text={{title}}");
        assertThat(form.save.isEnabled()).isTrue();
        form.save.click();

        ChannelDefinition d = saved.getFirst().definition();
        assertThat(d.type()).isEqualTo("WEBHOOK");
        assertThat(d.format()).isEqualTo("TEMPLATE");
        assertThat(d.target()).isEqualTo("https://sms.example/send");
        assertThat(d.template()).isEqualTo("to=49170&text={{title}}");
    }

    @Test
    void changingAChannelMayKeepItsStoredTarget() {
        ChannelForm form = new ChannelForm(
                ChannelDraft.of(new Channel(4, "hook", ChannelType.WEBHOOK, WebhookFormat.SLACK, "https://x/…", null)),
                false,
                "https://x/…");
        List<ChannelDraft> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        type(form.name, "hook 2");
        form.save.click();
        assertThat(saved.getFirst().definition().target()).isEmpty();
        assertThat(saved.getFirst().definition().format()).isEqualTo("SLACK");
    }
}
