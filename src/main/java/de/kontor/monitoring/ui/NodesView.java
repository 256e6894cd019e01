package de.kontor.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.PublicAddress;
import de.kontor.base.ui.SecretDialog;
import de.kontor.base.ui.ViewHeader;
import de.kontor.monitoring.MonitoringModel.HealthReason;
import de.kontor.monitoring.MonitoringModel.IssuedNodeToken;
import de.kontor.monitoring.MonitoringModel.IssuedScrapeToken;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringModel.NodeSummary;
import de.kontor.monitoring.MonitoringService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The monitored nodes: status, last report, newest CPU/memory/disk, health score with its reasons; add a
 * node (its token is shown once), replace a token, archive; create a Prometheus scrape token.
 */
@Route("monitoring")
@Menu(title = "menu.monitoring", order = 600, icon = "vaadin:server")
@RolesAllowed({"ADMIN", "VIEWER"})
class NodesView extends Div implements HasDynamicTitle {

    private final MonitoringService monitoring;
    private final ZoneId zone;
    private final Grid<NodeSummary> grid = new Grid<>();

    NodesView(MonitoringService monitoring, ZoneId zone) {
        this.monitoring = monitoring;
        this.zone = zone;
        addClassName("kontor-view");
        setId("nodes-view");
        Paragraph intro = new Paragraph(getTranslation("monitoring.intro"));
        intro.addClassName("kontor-muted");
        Button add = new Button(getTranslation("monitoring.add"), VaadinIcon.PLUS.create(), e -> openForm());
        add.setId("node-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button scrape =
                new Button(getTranslation("monitoring.scrape.add"), VaadinIcon.KEY.create(), e -> scrapeToken());
        scrape.setId("scrape-token-add");
        add(new ViewHeader(intro).actions(scrape, add));

        grid.setId("nodes-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        Grids.name(
                grid.addComponentColumn(this::name)
                        .setHeader(getTranslation("monitoring.column.name"))
                        .setKey("name"),
                "8rem");
        Grids.key(grid.addComponentColumn(this::status)
                .setHeader(getTranslation("monitoring.column.status"))
                .setKey("status"));
        Grids.key(grid.addColumn(n -> n.lastSeenAt() == null ? "–" : Formats.dateTime(n.lastSeenAt(), zone))
                .setHeader(getTranslation("monitoring.column.lastSeen")));
        Grids.key(grid.addColumn(n -> percent(n.cpu()))
                .setHeader(getTranslation("monitoring.column.cpu"))
                .setKey("cpu"));
        Grids.key(grid.addColumn(n -> percent(n.memory()))
                .setHeader(getTranslation("monitoring.column.memory"))
                .setKey("memory"));
        Grids.key(grid.addColumn(n -> percent(n.disk()))
                .setHeader(getTranslation("monitoring.column.disk"))
                .setKey("disk"));
        // the reasons grow with what is wrong (several thresholds at once): they share the free width
        Grids.text(grid, this::health, "7rem")
                .setHeader(getTranslation("monitoring.column.health"))
                .setKey("health");
        Grids.text(grid, n -> String.join(", ", n.tags()), "4rem").setHeader(getTranslation("monitoring.column.tags"));
        // the phone layout shows this one column (with the actions beside it) instead of the others
        grid.addComponentColumn(this::summary)
                .setHeader(getTranslation("monitoring.column.name"))
                .setKey("summary")
                .setFlexGrow(1)
                .setVisible(false);
        Grids.actions(grid.addComponentColumn(this::actions).setKey("actions"));
        Grids.counted(grid, getTranslation("monitoring.empty"));
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
        NarrowLayout.whileAttached(this, this::narrow);
    }

    /** On a phone: a node is one row (name, status, health, load) with its actions beside it. */
    void narrow(boolean phone) {
        setClassName("kontor-narrow", phone);
        grid.getColumns()
                .forEach(c -> c.setVisible("actions".equals(c.getKey()) || phone == "summary".equals(c.getKey())));
    }

    private Component summary(NodeSummary n) {
        RouterLink name = new RouterLink(n.name(), NodeView.class, n.id());
        name.addClassName("kontor-card-title");
        Div top = new Div(name);
        if (n.local()) {
            top.add(new Span(" "), Badges.of(getTranslation("monitoring.local"), Badges.Tone.PRIMARY));
        }
        Div state = new Div(status(n));
        String load = getTranslation("monitoring.column.cpu") + " " + percent(n.cpu()) + " · "
                + getTranslation("monitoring.column.memory") + " " + percent(n.memory()) + " · "
                + getTranslation("monitoring.column.disk") + " " + percent(n.disk());
        Div details = new Div(load);
        details.addClassName("kontor-muted");
        Div summary = new Div(top, state, details);
        String health = health(n);
        if (!health.isEmpty()) {
            Div reasons = new Div(getTranslation("monitoring.column.health") + " " + health);
            reasons.addClassName("kontor-muted");
            summary.add(reasons);
        }
        summary.addClassName("kontor-grid-summary");
        return summary;
    }

    void refresh() {
        grid.setItems(monitoring.nodes());
    }

    private Component name(NodeSummary n) {
        Span name = new Span(n.name());
        if (!n.local()) {
            return name;
        }
        // the badge on its own line and in one piece: beside the name it broke into a three-line blob
        Span local = Badges.of(getTranslation("monitoring.local"), Badges.Tone.PRIMARY);
        local.getStyle().set("white-space", "nowrap");
        return new Div(new Div(name), local);
    }

    private Component status(NodeSummary n) {
        Badges.Tone tone = switch (n.status()) {
            case ONLINE -> Badges.Tone.SUCCESS;
            case UNREACHABLE -> Badges.Tone.ERROR;
            case PENDING -> Badges.Tone.NEUTRAL;
        };
        return Badges.of(getTranslation("monitoring.status." + n.status().name()), tone);
    }

    private String health(NodeSummary n) {
        Integer score = n.health().score();
        String reasons = n.health().reasons().stream().map(this::reason).collect(Collectors.joining(", "));
        if (score == null) {
            return reasons;
        }
        return reasons.isEmpty() ? Integer.toString(score) : score + " – " + reasons;
    }

    private String reason(HealthReason r) {
        return getTranslation(
                "monitoring.health." + r.code(),
                r.value() == null ? "" : String.format(getLocale(), "%.0f", r.value()));
    }

    private static String percent(@Nullable Double value) {
        return value == null ? "–" : Math.round(value) + " %";
    }

    private Component actions(NodeSummary n) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.addClassName("kontor-node-actions");
        if (!n.local()) {
            Button rotate = new Button(
                    getTranslation("monitoring.rotate"),
                    e -> Confirmations.ask(
                            "node-rotate-confirm",
                            getTranslation("monitoring.rotate"),
                            getTranslation("monitoring.rotate.confirm", n.name()),
                            getTranslation("monitoring.rotate"),
                            true,
                            () -> {
                                showToken(monitoring.rotateToken(n.id()));
                                refresh();
                            }));
            rotate.setId("node-rotate-" + n.id());
            actions.add(rotate);
        }
        Button archive = new Button(
                getTranslation("monitoring.archive"),
                e -> Confirmations.ask(
                        "node-archive-confirm",
                        getTranslation("monitoring.archive"),
                        getTranslation("monitoring.archive.confirm", n.name()),
                        getTranslation("monitoring.archive"),
                        true,
                        () -> {
                            monitoring.archiveNode(n.id());
                            Notifications.success(getTranslation("monitoring.archived", n.name()));
                            refresh();
                        }));
        archive.setId("node-archive-" + n.id());
        actions.add(archive);
        actions.getChildren()
                .map(c -> (Button) c)
                .forEach(b -> b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY));
        return actions;
    }

    void openForm() {
        NodeForm form = new NodeForm();
        form.onSave(data -> {
            IssuedNodeToken token = monitoring.addNode(new NewNode(data.getName(), List.copyOf(data.getTags())));
            showToken(token);
            refresh();
        });
        form.open();
    }

    private void showToken(IssuedNodeToken token) {
        new SecretDialog(
                        getTranslation("monitoring.token.title", token.name()),
                        getTranslation("monitoring.token.explanation", PublicAddress.of(null)),
                        token.token())
                .open();
    }

    private void scrapeToken() {
        IssuedScrapeToken token = monitoring.createScrapeToken(getTranslation("monitoring.scrape.defaultName"));
        new SecretDialog(
                        getTranslation("monitoring.scrape.title", token.name()),
                        getTranslation("monitoring.scrape.explanation"),
                        token.token())
                .open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.monitoring");
    }
}
