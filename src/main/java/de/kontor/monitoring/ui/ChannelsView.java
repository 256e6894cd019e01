package de.kontor.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.monitoring.AlertModel.Channel;
import de.kontor.monitoring.AlertModel.Delivery;
import de.kontor.monitoring.AlertModel.DeliveryState;
import de.kontor.monitoring.MonitoringService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

import java.time.ZoneId;

/**
 * Where alerts are sent: e-mail and webhooks (Slack, Teams, ntfy, Gotify, SMS gateways); add, change,
 * send a test, delete; and every delivery with its state, so failed ones are seen.
 */
@Route("monitoring/channels")
@Menu(title = "monitoring.channel.menu", order = 603, icon = "vaadin:paperplane")
@RolesAllowed({"ADMIN", "VIEWER"})
class ChannelsView extends Div implements HasDynamicTitle {

    private final MonitoringService monitoring;
    private final ZoneId zone;
    private final Grid<Channel> grid = new Grid<>();
    private final Grid<Delivery> deliveries = new Grid<>();

    ChannelsView(MonitoringService monitoring, ZoneId zone) {
        this.monitoring = monitoring;
        this.zone = zone;
        addClassName("kontor-view");
        setId("channels-view");
        Paragraph intro = new Paragraph(getTranslation("monitoring.channel.intro"));
        intro.addClassName("kontor-muted");
        Button add =
                new Button(getTranslation("monitoring.channel.add"), VaadinIcon.PLUS.create(), e -> openForm(null));
        add.setId("channel-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader(intro).actions(add));

        grid.setId("channels-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        Grids.name(
                grid.addColumn(Channel::name)
                        .setHeader(getTranslation("monitoring.channel.field.name"))
                        .setKey("name"),
                "8rem");
        Grids.key(grid.addColumn(c -> getTranslation(
                                "monitoring.channel.type." + c.type().name())
                        + (c.format() == null ? "" : " – " + getTranslation("monitoring.channel.format." + c.format())))
                .setHeader(getTranslation("monitoring.channel.field.type"))
                .setKey("type"));
        Grids.text(grid, Channel::targetHint, "8rem")
                .setHeader(getTranslation("monitoring.channel.column.target"))
                .setKey("target");
        Grids.actions(grid.addComponentColumn(this::actions).setKey("actions"));
        Grids.counted(grid, getTranslation("monitoring.channel.empty"));
        grid.setAllRowsVisible(true);

        deliveries.setId("deliveries-grid");
        deliveries.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        deliveries
                .addColumn(d -> Formats.dateTime(d.createdAt(), zone))
                .setHeader(getTranslation("monitoring.channel.delivery.at"))
                .setAutoWidth(true);
        deliveries
                .addColumn(Delivery::channelName)
                .setHeader(getTranslation("monitoring.channel.delivery.channel"))
                .setAutoWidth(true);
        deliveries
                .addColumn(d ->
                        getTranslation("monitoring.channel.event." + d.event().name()))
                .setHeader(getTranslation("monitoring.channel.delivery.event"))
                .setAutoWidth(true);
        deliveries
                .addComponentColumn(this::state)
                .setHeader(getTranslation("monitoring.channel.delivery.state"))
                .setAutoWidth(true)
                .setKey("state");
        Grids.key(deliveries
                .addColumn(Delivery::attempts)
                .setHeader(getTranslation("monitoring.channel.delivery.attempts")));
        Grids.text(deliveries, d -> d.error() == null ? "" : d.error(), "8rem")
                .setHeader(getTranslation("monitoring.channel.delivery.error"))
                .setKey("error");
        Grids.counted(deliveries, getTranslation("monitoring.channel.delivery.empty"));
        deliveries.setItems(
                q -> monitoring.deliveries(null, null, PageRequest.of(q.getPage(), q.getPageSize())).stream());
        add(grid, new H3(getTranslation("monitoring.channel.delivery.title")), deliveries);
        refresh();
    }

    void refresh() {
        grid.setItems(monitoring.channels());
        deliveries.getDataProvider().refreshAll();
    }

    private Component state(Delivery d) {
        Badges.Tone tone = switch (d.state()) {
            case SENT -> Badges.Tone.SUCCESS;
            case PENDING -> Badges.Tone.NEUTRAL;
            case RETRYING -> Badges.Tone.WARNING;
            case FAILED -> Badges.Tone.ERROR;
        };
        String text = getTranslation("monitoring.channel.delivery." + d.state().name());
        if (d.state() == DeliveryState.RETRYING && d.nextAttemptAt() != null) {
            text = getTranslation("monitoring.channel.delivery.retryAt", Formats.dateTime(d.nextAttemptAt(), zone));
        }
        return Badges.of(text, tone);
    }

    private Component actions(Channel c) {
        Button test = new Button(getTranslation("monitoring.channel.test"), e -> test(c));
        test.setId("channel-test-" + c.id());
        Button edit = new Button(getTranslation("action.edit"), e -> openForm(c));
        edit.setId("channel-edit-" + c.id());
        Button delete = new Button(
                getTranslation("action.delete"),
                e -> Confirmations.ask(
                        "channel-delete-confirm",
                        getTranslation("monitoring.channel.delete"),
                        getTranslation("monitoring.channel.delete.confirm", c.name()),
                        getTranslation("action.delete"),
                        true,
                        () -> {
                            monitoring.deleteChannel(c.id());
                            Notifications.success(getTranslation("monitoring.channel.deleted", c.name()));
                            refresh();
                        }));
        delete.setId("channel-delete-" + c.id());
        HorizontalLayout actions = new HorizontalLayout(test, edit, delete);
        actions.setSpacing(false);
        test.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return actions;
    }

    void test(Channel c) {
        Delivery delivery = monitoring.testChannel(c.id());
        if (delivery.state() == DeliveryState.SENT) {
            Notifications.success(getTranslation("monitoring.channel.test.sent", c.name()));
        } else {
            Notifications.error(getTranslation(
                    "monitoring.channel.test.failed", c.name(), delivery.error() == null ? "" : delivery.error()));
        }
        refresh();
    }

    void openForm(@Nullable Channel channel) {
        ChannelForm form = new ChannelForm(
                channel == null ? new ChannelDraft() : ChannelDraft.of(channel),
                channel == null,
                channel == null ? "" : channel.targetHint());
        form.onSave(data -> {
            Channel saved = channel == null
                    ? monitoring.createChannel(data.definition())
                    : monitoring.updateChannel(channel.id(), data.definition());
            Notifications.success(getTranslation("monitoring.channel.saved", saved.name()));
            refresh();
        });
        form.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("monitoring.channel.menu");
    }
}
