package de.kontor.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.ui.Grids;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The node page's containers and files tabs: containers with their state, logs and the actions that
 * change them; a folder inside the node's allowed roots, its entries, and a text file to view or edit
 * (saved only if nobody changed it since it was read). Readings and changes go through the panel.
 */
final class ContainerAndFileTabs {

    private final OperationsPanel panel;
    private final Grid<JsonNode> containers = new Grid<>();
    private final Grid<JsonNode> files = new Grid<>();
    private final TextField folder = new TextField();

    ContainerAndFileTabs(OperationsPanel panel) {
        this.panel = panel;
    }

    Component containersTab() {
        containers.setId("ops-containers-grid");
        containers.addThemeVariants(GridVariant.LUMO_COMPACT);
        containers
                .addColumn(c -> c.path("name").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.container.name"))
                .setKey("name")
                .setAutoWidth(true);
        containers
                .addColumn(c -> c.path("image").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.container.image"))
                .setAutoWidth(true);
        containers
                .addColumn(c -> c.path("state").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.container.state"))
                .setKey("state")
                .setAutoWidth(true);
        containers
                .addColumn(c -> c.path("status").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.container.status"))
                .setFlexGrow(1);
        Grids.actions(containers.addComponentColumn(this::containerButtons).setKey("actions"));
        Grids.counted(containers, panel.getTranslation("monitoring.ops.empty"));
        Button load = new Button(panel.getTranslation("monitoring.ops.load"), e -> loadContainers());
        load.setId("ops-containers-load");
        return new Div(toolbar(load), containers);
    }

    private void loadContainers() {
        panel.read("containers", "list", "", Map.of(), s -> containers.setItems(panel.rows(s)));
    }

    /** The container's log in a dialog: the last lines, follow and download as in the logs tab. */
    private void openLog(String name) {
        Dialog dialog = new Dialog();
        dialog.setId("ops-container-log-dialog");
        dialog.setHeaderTitle(panel.getTranslation("monitoring.ops.container.logs.title", name));
        dialog.setWidth("min(70rem, 96vw)");
        LogsTab log = LogsTab.ofContainer(panel, panel.monitoring(), name);
        dialog.add(log);
        dialog.getFooter().add(new Button(panel.getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
        log.show();
    }

    private Component containerButtons(JsonNode container) {
        String name = container.path("name").asString("");
        Button logs = new Button(panel.getTranslation("monitoring.ops.container.logs"), e -> openLog(name));
        logs.setId("ops-container-logs-" + name);
        logs.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout buttons = new HorizontalLayout(logs);
        for (String action : List.of("start", "stop", "restart", "remove")) {
            Button b = new Button(action, e -> panel.change("containers", action, name, Map.of(), action + " " + name));
            b.setId("ops-container-" + action + "-" + name);
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            if (action.equals("remove")) {
                b.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            buttons.add(b);
        }
        return buttons;
    }

    Component filesTab() {
        folder.setId("ops-files-folder");
        folder.setLabel(panel.getTranslation("monitoring.ops.files.folder"));
        folder.setPlaceholder("/srv");
        folder.setWidth("24rem");
        Button open = new Button(panel.getTranslation("monitoring.ops.files.open"), e -> list(folder.getValue()));
        open.setId("ops-files-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        files.setId("ops-files-grid");
        files.addThemeVariants(GridVariant.LUMO_COMPACT);
        files.addColumn(f -> f.path("name").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.files.name"))
                .setKey("name")
                .setFlexGrow(1);
        files.addColumn(f -> f.path("type").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.files.type"))
                .setAutoWidth(true);
        files.addColumn(f -> f.path("size").asLong())
                .setHeader(panel.getTranslation("monitoring.ops.files.size"))
                .setAutoWidth(true);
        files.addColumn(f -> f.path("mode").asString("") + " " + f.path("owner").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.files.mode"))
                .setAutoWidth(true);
        Grids.actions(files.addComponentColumn(this::fileButtons).setKey("actions"));
        Grids.counted(files, panel.getTranslation("monitoring.ops.files.empty"));
        return new Div(toolbar(folder, open), files);
    }

    private void list(String path) {
        String target = path.strip();
        if (target.isEmpty()) {
            folder.setInvalid(true);
            folder.setErrorMessage(panel.getTranslation("monitoring.ops.files.folderRequired"));
            return;
        }
        folder.setInvalid(false);
        panel.read("files", "list", target, Map.of(), s -> {
            JsonNode listing = panel.tree(s);
            folder.setValue(listing.path("path").asString(target));
            List<JsonNode> entries = new ArrayList<>();
            listing.path("entries").forEach(entries::add);
            files.setItems(entries);
        });
    }

    private Component fileButtons(JsonNode entry) {
        String path = child(entry.path("name").asString(""));
        if (entry.path("type").asString("").equals("directory")) {
            Button open = new Button(panel.getTranslation("monitoring.ops.files.open"), e -> list(path));
            open.setId("ops-file-open-" + entry.path("name").asString(""));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return open;
        }
        Button edit = new Button(panel.getTranslation("monitoring.ops.files.edit"), e -> edit(path));
        edit.setId("ops-file-edit-" + entry.path("name").asString(""));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return edit;
    }

    private String child(String name) {
        String base = folder.getValue().strip();
        return base.endsWith("/") ? base + name : base + "/" + name;
    }

    private void edit(String path) {
        panel.read("files", "read", path, Map.of(), s -> {
            JsonNode content = panel.tree(s);
            Dialog dialog = new Dialog();
            dialog.setId("ops-file-editor");
            dialog.setHeaderTitle(path);
            dialog.setWidth("min(60rem, 96vw)");
            TextArea text = new TextArea();
            text.setId("ops-file-content");
            text.setWidthFull();
            text.setMinHeight("20rem");
            text.setValue(content.path("content").asString(""));
            String sha = content.path("sha256").asString("");
            Button save = new Button(panel.getTranslation("action.save"), e -> {
                dialog.close();
                panel.change(
                        "files",
                        "write",
                        path,
                        Map.of("content", text.getValue(), "ifSha256", sha),
                        panel.getTranslation("monitoring.ops.files.write", path));
            });
            save.setId("ops-file-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button cancel = new Button(panel.getTranslation("action.cancel"), e -> dialog.close());
            dialog.add(text);
            dialog.getFooter().add(cancel, save);
            dialog.open();
        });
    }

    private static HorizontalLayout toolbar(Component... components) {
        HorizontalLayout bar = new HorizontalLayout(components);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }
}
