package de.kontor.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.CurrentUser;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.Notifications;
import de.kontor.monitoring.MonitoringService;
import de.kontor.monitoring.OperationsModel;
import de.kontor.monitoring.OperationsModel.ActionRequest;
import de.kontor.monitoring.OperationsModel.ActionStatus;
import de.kontor.monitoring.OperationsModel.NodeCapabilities;
import de.kontor.security.StepUpDialog;
import de.kontor.security.UserService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A node's server operations: which capabilities the node allows (the rest greyed out) and, for admins,
 * one tab per capability this Kontor can drive: processes with signals, services, containers, logs, files,
 * ports, package updates, users and their SSH keys, a terminal. Listings
 * and logs are read at once; actions that change the server ask for a reason and, when the last
 * second-factor confirmation is older than ten minutes, for a code. The last result stays visible.
 */
final class OperationsPanel extends Div {

    private static final List<String> TABS =
            List.of("processes", "services", "containers", "logs", "files", "ports", "updates", "users", "terminal");

    private final MonitoringService monitoring;
    private final UserService users;
    private final JsonMapper json;
    private final Div capabilities = new Div();
    private final TabSheet tabs = new TabSheet();
    private final Map<String, Tab> tabByCapability = new LinkedHashMap<>();
    private final Pre result = new Pre();
    private final Paragraph none = new Paragraph();
    private final TerminalTab terminal;
    private final Grid<JsonNode> processes = new Grid<>();
    private final Grid<JsonNode> services = new Grid<>();
    private final Grid<JsonNode> ports = new Grid<>();
    private final TextField processFilter = new TextField();
    private List<JsonNode> allProcesses = List.of();
    private long nodeId;
    private String nodeName = "";

    OperationsPanel(MonitoringService monitoring, UserService users, JsonMapper json) {
        this.monitoring = monitoring;
        this.users = users;
        this.json = json;
        setId("node-operations");
        addClassName("kontor-node-operations");
        capabilities.setId("ops-capabilities");
        none.setId("ops-none");
        none.setText(getTranslation("monitoring.ops.none"));
        result.setId("ops-result");
        result.setVisible(false);
        terminal = new TerminalTab(monitoring, users);
        add(new H3(getTranslation("monitoring.ops.title")), capabilities, none);
        if (!CurrentUser.hasRole("ADMIN")) {
            return;
        }
        tabs.setId("ops-tabs");
        tabs.setWidthFull();
        tabByCapability.put("processes", tabs.add(getTranslation("monitoring.ops.cap.processes"), processesTab()));
        tabByCapability.put("services", tabs.add(getTranslation("monitoring.ops.cap.services"), servicesTab()));
        ContainerAndFileTabs more = new ContainerAndFileTabs(this);
        tabByCapability.put(
                "containers", tabs.add(getTranslation("monitoring.ops.cap.containers"), more.containersTab()));
        tabByCapability.put("logs", tabs.add(getTranslation("monitoring.ops.cap.logs"), new LogsTab(this, monitoring)));
        tabByCapability.put("files", tabs.add(getTranslation("monitoring.ops.cap.files"), more.filesTab()));
        tabByCapability.put("ports", tabs.add(getTranslation("monitoring.ops.cap.ports"), portsTab()));
        UpdatesAndUsersTabs system = new UpdatesAndUsersTabs(this);
        tabByCapability.put("updates", tabs.add(getTranslation("monitoring.ops.cap.updates"), system.updatesTab()));
        tabByCapability.put("users", tabs.add(getTranslation("monitoring.ops.cap.users"), system.usersTab()));
        tabByCapability.put("terminal", tabs.add(getTranslation("monitoring.ops.cap.terminal"), terminal));
        tabByCapability.forEach((capability, tab) -> tab.setId("ops-tab-" + capability));
        add(tabs, result);
    }

    MonitoringService monitoring() {
        return monitoring;
    }

    void show(long id, String name) {
        nodeId = id;
        nodeName = name;
        terminal.show(id, name);
        NodeCapabilities allowed = monitoring.nodeCapabilities(id);
        capabilities.removeAll();
        for (String capability : allowed.known()) {
            boolean on = allowed.allows(capability);
            var badge = Badges.of(
                    getTranslation("monitoring.ops.cap." + capability), on ? Badges.Tone.SUCCESS : Badges.Tone.NEUTRAL);
            badge.setId("ops-cap-" + capability);
            badge.getElement()
                    .setAttribute("title", getTranslation(on ? "monitoring.ops.allowed" : "monitoring.ops.notAllowed"));
            if (!on) {
                badge.getStyle().set("opacity", "0.5");
            }
            capabilities.add(badge);
        }
        none.setVisible(allowed.allowed().isEmpty());
        tabs.setVisible(TABS.stream().anyMatch(allowed::allows));
        tabByCapability.forEach((capability, tab) -> tab.setEnabled(allowed.allows(capability)));
        TABS.stream()
                .filter(allowed::allows)
                .findFirst()
                .ifPresent(first -> tabs.setSelectedTab(tabByCapability.get(first)));
    }

    // ---- tabs -------------------------------------------------------------------------------------

    private Component processesTab() {
        processes.setId("ops-processes-grid");
        processes.addThemeVariants(GridVariant.LUMO_COMPACT);
        processes
                .addColumn(p -> p.path("pid").asLong())
                .setHeader(getTranslation("monitoring.ops.process.pid"))
                .setKey("pid")
                .setAutoWidth(true);
        processes
                .addColumn(p -> p.path("user").asString(""))
                .setHeader(getTranslation("monitoring.ops.process.user"))
                .setKey("user")
                .setAutoWidth(true);
        processes
                .addColumn(p -> p.path("command").asString(""))
                .setHeader(getTranslation("monitoring.ops.process.command"))
                .setKey("command")
                .setFlexGrow(1);
        Grids.actions(processes.addComponentColumn(this::signalButtons).setKey("signals"));
        Grids.counted(processes, getTranslation("monitoring.ops.empty"));
        processFilter.setId("ops-processes-filter");
        processFilter.setPlaceholder(getTranslation("monitoring.ops.filter"));
        processFilter.addValueChangeListener(e -> filterProcesses());
        Button load = new Button(
                getTranslation("monitoring.ops.load"),
                e -> read("processes", "list", "", Map.of(), s -> {
                    allProcesses = rows(s);
                    filterProcesses();
                }));
        load.setId("ops-processes-load");
        return new Div(toolbar(load, processFilter), processes);
    }

    private Component signalButtons(JsonNode process) {
        long pid = process.path("pid").asLong();
        HorizontalLayout buttons = new HorizontalLayout();
        for (String signal : List.of("TERM", "KILL", "HUP")) {
            Button b = new Button(
                    signal,
                    e -> change(
                            "processes",
                            "signal",
                            Long.toString(pid),
                            Map.of("signal", signal),
                            signal + " " + pid + " (" + process.path("command").asString("") + ")"));
            b.setId("ops-signal-" + signal + "-" + pid);
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            buttons.add(b);
        }
        return buttons;
    }

    private void filterProcesses() {
        String f = processFilter.getValue().strip().toLowerCase(Locale.ROOT);
        processes.setItems(allProcesses.stream()
                .filter(p -> f.isEmpty()
                        || p.path("command")
                                .asString("")
                                .toLowerCase(Locale.ROOT)
                                .contains(f)
                        || Long.toString(p.path("pid").asLong()).equals(f))
                .toList());
    }

    private Component servicesTab() {
        services.setId("ops-services-grid");
        services.addThemeVariants(GridVariant.LUMO_COMPACT);
        services.addColumn(u -> u.path("name").asString(""))
                .setHeader(getTranslation("monitoring.ops.service.name"))
                .setKey("name")
                .setAutoWidth(true);
        services.addColumn(u -> u.path("active").asString(""))
                .setHeader(getTranslation("monitoring.ops.service.active"))
                .setKey("active")
                .setAutoWidth(true);
        services.addColumn(u -> u.path("sub").asString(""))
                .setHeader(getTranslation("monitoring.ops.service.sub"))
                .setKey("sub")
                .setAutoWidth(true);
        services.addColumn(u -> u.path("description").asString(""))
                .setHeader(getTranslation("monitoring.ops.service.description"))
                .setFlexGrow(1);
        Grids.actions(services.addComponentColumn(this::serviceButtons).setKey("actions"));
        Grids.counted(services, getTranslation("monitoring.ops.empty"));
        Button load = new Button(
                getTranslation("monitoring.ops.load"),
                e -> read("services", "list", "", Map.of(), s -> services.setItems(rows(s))));
        load.setId("ops-services-load");
        return new Div(toolbar(load), services);
    }

    private Component serviceButtons(JsonNode unit) {
        String name = unit.path("name").asString("");
        Button status = new Button(
                getTranslation("monitoring.ops.service.status"),
                e -> read("services", "status", name, Map.of("lines", "20"), s -> {}));
        status.setId("ops-service-status-" + name);
        status.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout buttons = new HorizontalLayout(status);
        for (String action : List.of("start", "stop", "restart", "enable", "disable")) {
            Button b = new Button(action, e -> change("services", action, name, Map.of(), action + " " + name));
            b.setId("ops-service-" + action + "-" + name);
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            buttons.add(b);
        }
        return buttons;
    }

    private Component portsTab() {
        ports.setId("ops-ports-grid");
        ports.addThemeVariants(GridVariant.LUMO_COMPACT);
        ports.addColumn(p -> p.path("protocol").asString(""))
                .setHeader(getTranslation("monitoring.ops.ports.protocol"))
                .setAutoWidth(true);
        ports.addColumn(p -> p.path("address").asString(""))
                .setHeader(getTranslation("monitoring.ops.ports.address"))
                .setAutoWidth(true);
        ports.addColumn(p -> p.path("port").asInt())
                .setHeader(getTranslation("monitoring.ops.ports.port"))
                .setKey("port")
                .setAutoWidth(true);
        ports.addColumn(p -> p.path("process").asString(""))
                .setHeader(getTranslation("monitoring.ops.ports.process"))
                .setFlexGrow(1);
        Grids.counted(ports, getTranslation("monitoring.ops.empty"));
        Button load = new Button(
                getTranslation("monitoring.ops.load"),
                e -> read("ports", "list", "", Map.of(), s -> ports.setItems(rows(s))));
        load.setId("ops-ports-load");
        Button firewall = new Button(
                getTranslation("monitoring.ops.ports.firewall"), e -> read("ports", "firewall", "", Map.of(), s -> {}));
        firewall.setId("ops-ports-firewall");
        IntegerField port = new IntegerField(getTranslation("monitoring.ops.ports.port"));
        port.setId("ops-ports-port");
        port.setMin(1);
        port.setMax(65535);
        Select<String> protocol = new Select<>();
        protocol.setId("ops-ports-protocol");
        protocol.setItems("tcp", "udp");
        protocol.setValue("tcp");
        Button open = new Button(getTranslation("monitoring.ops.ports.open"), e -> portChange("open", port, protocol));
        open.setId("ops-ports-open");
        Button close =
                new Button(getTranslation("monitoring.ops.ports.close"), e -> portChange("close", port, protocol));
        close.setId("ops-ports-close");
        return new Div(toolbar(load, firewall), ports, toolbar(port, protocol, open, close));
    }

    private void portChange(String action, IntegerField port, Select<String> protocol) {
        if (port.getValue() == null || port.isInvalid()) {
            port.setInvalid(true);
            return;
        }
        String target = Integer.toString(port.getValue());
        change(
                "ports",
                action,
                target,
                Map.of("protocol", protocol.getValue()),
                action + " " + target + "/" + protocol.getValue());
    }

    static HorizontalLayout toolbar(Component... components) {
        HorizontalLayout bar = new HorizontalLayout(components);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    // ---- running -----------------------------------------------------------------------------------

    long nodeId() {
        return nodeId;
    }

    String nodeName() {
        return nodeName;
    }

    /** A reading: no reason and no step-up; waits for the agent and shows the answer. */
    void read(String capability, String action, String target, Map<String, String> args, Consumer<ActionStatus> done) {
        try {
            ActionStatus requested = monitoring.requestReading(nodeId, capability, action, target, args);
            finish(monitoring.awaitAction(requested.id(), monitoring.listingWait()), done);
        } catch (DomainException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
        }
    }

    /** A change: confirmed with a reason, then a step-up if needed, then run and shown. */
    void change(String capability, String action, String target, Map<String, String> args, String description) {
        new OperationDialog(
                        nodeName,
                        description,
                        reason -> run(new ActionRequest(capability, action, target, args, reason)))
                .open();
    }

    private void run(ActionRequest request) {
        try {
            ActionStatus requested = monitoring.requestAction(nodeId, request);
            finish(monitoring.awaitAction(requested.id(), monitoring.listingWait()), s -> {});
        } catch (DomainException e) {
            if (!StepUpDialog.handle(e, users, () -> run(request))) {
                Notifications.error(getTranslation(e.messageKey(), e.args()));
            }
        }
    }

    private void finish(ActionStatus status, Consumer<ActionStatus> done) {
        result.setVisible(true);
        if (!status.state().finished()) {
            result.setText(
                    getTranslation("monitoring.ops.waiting", status.state().name()));
            return;
        }
        String head = getTranslation(
                "monitoring.ops.result", status.state().name(), status.exitCode() == null ? "" : status.exitCode());
        String output = status.output() == null ? "" : status.output();
        result.setText(output.isBlank() ? head : head + "\n\n" + output);
        if (status.state() == OperationsModel.ActionState.DONE) {
            done.accept(status);
        }
    }

    /** The answer's data as one JSON value (an empty object when there is none). */
    JsonNode tree(ActionStatus status) {
        return status.data() == null ? json.createObjectNode() : json.readTree(status.data());
    }

    List<JsonNode> rows(ActionStatus status) {
        if (status.data() == null) {
            return List.of();
        }
        List<JsonNode> list = new ArrayList<>();
        json.readTree(status.data()).forEach(list::add);
        return list;
    }
}
