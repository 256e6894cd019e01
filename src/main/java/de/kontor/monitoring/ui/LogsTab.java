package de.kontor.monitoring.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Notifications;
import de.kontor.monitoring.MonitoringService;
import de.kontor.monitoring.OperationsModel.ActionState;
import de.kontor.monitoring.OperationsModel.ActionStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's logs: the journal (unit, priority, text filter) or a file under the allowed log roots. The
 * lines shown can be followed — the page asks the node every few seconds for what came since the last
 * reading (the journal's cursor, the file's byte position), each reading audited like every other — and
 * downloaded as a text file. The same for one container's log (through the containers capability), where
 * the position is the time of the last line the engine stamped.
 */
final class LogsTab extends Div {

    static final int FOLLOW_MILLIS = 5000;
    static final int MAX_LINES = 5000;

    private final OperationsPanel panel;
    private final MonitoringService monitoring;
    private final String capability;
    private final @Nullable String container;
    private final TextField unit = new TextField();
    private final Select<String> priority = new Select<>();
    private final TextField filter = new TextField();
    private final IntegerField lines = new IntegerField();
    private final TextField file = new TextField();
    private final Checkbox follow = new Checkbox();
    private final Pre output = new Pre();
    private final Span state = new Span();
    private final List<String> shown = new ArrayList<>();
    private Map<String, String> query = Map.of();
    private String action = "journal";
    private String target = "";
    private @Nullable String position;
    private @Nullable Registration polling;

    LogsTab(OperationsPanel panel, MonitoringService monitoring) {
        this(panel, monitoring, null);
    }

    /** One container's log, with the same follow and download. */
    static LogsTab ofContainer(OperationsPanel panel, MonitoringService monitoring, String container) {
        return new LogsTab(panel, monitoring, container);
    }

    private LogsTab(OperationsPanel panel, MonitoringService monitoring, @Nullable String container) {
        this.panel = panel;
        this.monitoring = monitoring;
        this.container = container;
        this.capability = container == null ? "logs" : "containers";
        setId(container == null ? "ops-logs" : "ops-container-log");
        unit.setLabel(getTranslation("monitoring.ops.logs.unit"));
        unit.setId("ops-logs-unit");
        priority.setId("ops-logs-priority");
        priority.setLabel(getTranslation("monitoring.ops.logs.priority"));
        priority.setItems("", "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");
        priority.setValue("");
        filter.setLabel(getTranslation("monitoring.ops.filter"));
        filter.setId("ops-logs-filter");
        lines.setLabel(getTranslation("monitoring.ops.logs.lines"));
        lines.setId("ops-logs-lines");
        lines.setMin(1);
        lines.setMax(MAX_LINES);
        lines.setValue(200);
        file.setLabel(getTranslation("monitoring.ops.logs.file"));
        file.setId("ops-logs-file");
        Button show = new Button(getTranslation("monitoring.ops.logs.show"), e -> show());
        show.setId("ops-logs-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        follow.setLabel(getTranslation("monitoring.ops.logs.follow"));
        follow.setId("ops-logs-follow");
        follow.addValueChangeListener(e -> following(e.getValue()));
        Anchor export = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] text = (String.join("\n", shown) + "\n").getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(text), fileName(), "text/plain;charset=UTF-8", text.length);
                }),
                "");
        export.setId("ops-logs-export");
        export.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("monitoring.ops.logs.export")));
        export.addClassName("kontor-download");
        output.setId("ops-logs-output");
        output.getStyle().set("max-height", "32em").set("overflow", "auto");
        state.setId("ops-logs-state");
        HorizontalLayout query = new HorizontalLayout(unit, priority, filter, lines, file, show);
        query.setAlignItems(FlexComponent.Alignment.BASELINE);
        query.setWrap(true);
        HorizontalLayout tools = new HorizontalLayout(follow, export, state);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(query, tools, output);
        if (container != null) {
            unit.setVisible(false);
            priority.setVisible(false);
            filter.setVisible(false);
            file.setVisible(false);
            action = "logs";
            target = container;
        }
    }

    /** Reads the last lines anew with the current query. */
    void show() {
        Map<String, String> args = new LinkedHashMap<>();
        if (container != null) {
            args.put("lines", Integer.toString(lines.getValue() == null ? 200 : lines.getValue()));
            args.put("timestamps", "true");
            query = Map.copyOf(args);
            reread();
            return;
        }
        putIfSet(args, "unit", unit.getValue());
        putIfSet(args, "priority", priority.getValue());
        putIfSet(args, "filter", filter.getValue());
        args.put("lines", Integer.toString(lines.getValue() == null ? 200 : lines.getValue()));
        boolean fromFile = !file.getValue().isBlank();
        action = fromFile ? "tail" : "journal";
        target = fromFile ? file.getValue().strip() : "";
        if (!fromFile) {
            args.put("follow", "true");
        }
        query = Map.copyOf(args);
        reread();
    }

    private void reread() {
        ActionStatus status = read(query);
        shown.clear();
        position = null;
        if (status != null) {
            append(status);
        }
    }

    /** Asks for what came since the last reading; called every few seconds while following. */
    void more() {
        if (position == null) {
            return;
        }
        Map<String, String> args = new LinkedHashMap<>(query);
        args.remove("lines");
        args.put(positionArgument(), position);
        ActionStatus status = read(args);
        if (status == null) {
            follow.setValue(false);
            return;
        }
        append(status);
    }

    private @Nullable ActionStatus read(Map<String, String> args) {
        try {
            ActionStatus requested = monitoring.requestReading(panel.nodeId(), capability, action, target, args);
            ActionStatus status = monitoring.awaitAction(requested.id(), monitoring.listingWait());
            if (status.state() != ActionState.DONE) {
                state.setText(getTranslation(
                        "monitoring.ops.result",
                        status.state().name(),
                        status.exitCode() == null ? "" : status.exitCode()));
                output.setText(status.output() == null ? "" : status.output());
                return null;
            }
            state.setText("");
            return status;
        } catch (DomainException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
            return null;
        }
    }

    private void append(ActionStatus status) {
        String text = status.output() == null ? "" : status.output();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (container != null) {
                ContainerLogLine stamped = ContainerLogLine.of(line);
                if (stamped.next() != null) {
                    position = stamped.next();
                }
                shown.add(stamped.text());
            } else {
                shown.add(line);
            }
        }
        if (shown.size() > MAX_LINES) {
            shown.subList(0, shown.size() - MAX_LINES).clear();
        }
        if (container == null) {
            JsonNode next = panel.tree(status).path(positionArgument());
            if (!next.isMissingNode() && !next.isNull()) {
                position = next.asString();
            }
        }
        output.setText(String.join("\n", shown));
        output.getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    private void following(boolean on) {
        UI ui = UI.getCurrent();
        if (on && polling == null && ui != null) {
            if (position == null) {
                show();
            }
            ui.setPollInterval(FOLLOW_MILLIS);
            polling = ui.addPollListener(e -> more());
            state.setText(getTranslation("monitoring.ops.logs.following"));
        } else if (!on) {
            stop(ui);
        }
    }

    private void stop(@Nullable UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            if (ui != null) {
                ui.setPollInterval(-1);
            }
            state.setText("");
        }
    }

    /** What the node takes as "since the last reading": a file's byte position, the journal's cursor, a time. */
    private String positionArgument() {
        return switch (action) {
            case "tail" -> "from";
            case "logs" -> "since";
            default -> "cursor";
        };
    }

    private String fileName() {
        String name = target.isEmpty() ? "journal" : target.substring(target.lastIndexOf('/') + 1);
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + panel.nodeName().replaceAll("[^A-Za-z0-9._-]", "_")
                + ".txt";
    }

    private static void putIfSet(Map<String, String> args, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            args.put(name, value.strip());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stop(event.getUI());
        super.onDetach(event);
    }
}
