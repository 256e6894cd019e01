package de.kontor.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.ui.Badges;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The node page's updates and users tabs: pending package updates (installed and new version, security
 * updates marked) with "install all" and "security only"; users with lock, unlock, delete and their SSH
 * keys, groups, and a new user. Readings and changes go through the panel, so changes are confirmed with
 * a reason and a fresh second factor.
 */
final class UpdatesAndUsersTabs {

    /** What the agent accepts as a user name (it checks again); checked here to show a field error. */
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private final OperationsPanel panel;
    private final Grid<JsonNode> updates = new Grid<>();
    private final Span updatesSummary = new Span();
    private final Grid<JsonNode> users = new Grid<>();
    private final Grid<JsonNode> groups = new Grid<>();
    private final TextField newUser = new TextField();

    UpdatesAndUsersTabs(OperationsPanel panel) {
        this.panel = panel;
    }

    /** apt names the origin ({@code bookworm-security}); dnf's listing does not say. */
    static boolean security(JsonNode update) {
        return update.path("source").asString("").toLowerCase(Locale.ROOT).contains("security");
    }

    Component updatesTab() {
        updates.setId("ops-updates-grid");
        updates.addThemeVariants(GridVariant.LUMO_COMPACT);
        updates.addColumn(u -> u.path("name").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.updates.package"))
                .setKey("name")
                .setAutoWidth(true);
        updates.addColumn(u -> version(u.path("installed").asString("")) + " → "
                        + u.path("available").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.updates.version"))
                .setKey("version")
                .setFlexGrow(1);
        updates.addColumn(u -> u.path("source").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.updates.source"))
                .setAutoWidth(true);
        updates.addComponentColumn(u -> security(u)
                        ? Badges.of(panel.getTranslation("monitoring.ops.updates.security"), Badges.Tone.WARNING)
                        : new Span())
                .setHeader(panel.getTranslation("monitoring.ops.updates.security"))
                .setKey("security")
                .setAutoWidth(true);
        updatesSummary.setId("ops-updates-summary");
        Button load = new Button(panel.getTranslation("monitoring.ops.load"), e -> loadUpdates());
        load.setId("ops-updates-load");
        Button all = new Button(
                panel.getTranslation("monitoring.ops.updates.installAll"),
                e -> panel.change(
                        "updates",
                        "install",
                        "",
                        Map.of(),
                        panel.getTranslation("monitoring.ops.updates.installAll.describe")));
        all.setId("ops-updates-install-all");
        all.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button securityOnly = new Button(
                panel.getTranslation("monitoring.ops.updates.installSecurity"),
                e -> panel.change(
                        "updates",
                        "install",
                        "",
                        Map.of("security", "true"),
                        panel.getTranslation("monitoring.ops.updates.installSecurity.describe")));
        securityOnly.setId("ops-updates-install-security");
        return new Div(OperationsPanel.toolbar(load, all, securityOnly, updatesSummary), updates);
    }

    private String version(String installed) {
        return installed.isBlank() ? panel.getTranslation("monitoring.ops.updates.installedUnknown") : installed;
    }

    private void loadUpdates() {
        panel.read("updates", "list", "", Map.of(), s -> {
            List<JsonNode> pending = panel.rows(s);
            updates.setItems(pending);
            updatesSummary.setText(panel.getTranslation(
                    "monitoring.ops.updates.summary",
                    pending.size(),
                    pending.stream().filter(UpdatesAndUsersTabs::security).count()));
        });
    }

    Component usersTab() {
        users.setId("ops-users-grid");
        users.addThemeVariants(GridVariant.LUMO_COMPACT);
        users.addColumn(u -> u.path("name").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.users.name"))
                .setKey("name")
                .setAutoWidth(true);
        users.addColumn(u -> u.path("uid").asInt())
                .setHeader(panel.getTranslation("monitoring.ops.users.uid"))
                .setKey("uid")
                .setAutoWidth(true);
        users.addColumn(u -> u.path("home").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.users.home"))
                .setFlexGrow(1);
        users.addColumn(u -> u.path("shell").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.users.shell"))
                .setAutoWidth(true);
        users.addComponentColumn(this::userButtons).setKey("actions").setAutoWidth(true);
        groups.setId("ops-groups-grid");
        groups.addThemeVariants(GridVariant.LUMO_COMPACT);
        groups.addColumn(g -> g.path("name").asString(""))
                .setHeader(panel.getTranslation("monitoring.ops.users.group"))
                .setKey("name")
                .setAutoWidth(true);
        groups.addColumn(g -> g.path("gid").asInt())
                .setHeader(panel.getTranslation("monitoring.ops.users.gid"))
                .setAutoWidth(true);
        groups.addColumn(g -> String.join(", ", strings(g.path("members"))))
                .setHeader(panel.getTranslation("monitoring.ops.users.members"))
                .setKey("members")
                .setFlexGrow(1);
        groups.setVisible(false);
        Button load = new Button(
                panel.getTranslation("monitoring.ops.load"),
                e -> panel.read("users", "list", "", Map.of(), s -> users.setItems(panel.rows(s))));
        load.setId("ops-users-load");
        Button loadGroups = new Button(
                panel.getTranslation("monitoring.ops.users.groups"),
                e -> panel.read("users", "groups", "", Map.of(), s -> {
                    groups.setItems(panel.rows(s));
                    groups.setVisible(true);
                }));
        loadGroups.setId("ops-users-groups");
        newUser.setId("ops-users-new");
        newUser.setLabel(panel.getTranslation("monitoring.ops.users.new"));
        newUser.setMaxLength(32);
        Button create = new Button(panel.getTranslation("monitoring.ops.users.create"), e -> create());
        create.setId("ops-users-create");
        return new Div(
                OperationsPanel.toolbar(load, loadGroups), users, OperationsPanel.toolbar(newUser, create), groups);
    }

    private void create() {
        String name = newUser.getValue().strip();
        if (!USER.matcher(name).matches()) {
            newUser.setErrorMessage(panel.getTranslation("monitoring.ops.users.nameInvalid"));
            newUser.setInvalid(true);
            return;
        }
        newUser.setInvalid(false);
        panel.change(
                "users", "create", name, Map.of(), panel.getTranslation("monitoring.ops.users.create.describe", name));
    }

    private Component userButtons(JsonNode user) {
        String name = user.path("name").asString("");
        Button keys = new Button(panel.getTranslation("monitoring.ops.users.keys"), e -> keys(name));
        keys.setId("ops-user-keys-" + name);
        keys.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout buttons = new HorizontalLayout(keys);
        for (String action : List.of("lock", "unlock", "delete")) {
            Button b = new Button(
                    panel.getTranslation("monitoring.ops.users." + action),
                    e -> panel.change(
                            "users",
                            action,
                            name,
                            Map.of(),
                            panel.getTranslation("monitoring.ops.users." + action + ".describe", name)));
            b.setId("ops-user-" + action + "-" + name);
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            if (action.equals("delete")) {
                b.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            buttons.add(b);
        }
        return buttons;
    }

    /** The user's authorized_keys lines in a dialog, each removable, and a field to add one. */
    private void keys(String user) {
        panel.read("users", "keys", user, Map.of(), s -> {
            Dialog dialog = new Dialog();
            dialog.setId("ops-keys-dialog");
            dialog.setHeaderTitle(panel.getTranslation("monitoring.ops.users.keys.title", user));
            dialog.setWidth("min(60rem, 96vw)");
            Grid<String> list = new Grid<>();
            list.setId("ops-keys-grid");
            list.addThemeVariants(GridVariant.LUMO_COMPACT);
            list.addColumn(UpdatesAndUsersTabs::shortKey)
                    .setHeader(panel.getTranslation("monitoring.ops.users.key"))
                    .setKey("key")
                    .setFlexGrow(1);
            list.addComponentColumn(key -> {
                        Button remove = new Button(panel.getTranslation("monitoring.ops.users.key.remove"), e -> {
                            dialog.close();
                            panel.change(
                                    "users",
                                    "remove-key",
                                    user,
                                    Map.of("key", key),
                                    panel.getTranslation(
                                            "monitoring.ops.users.key.remove.describe", shortKey(key), user));
                        });
                        remove.addClassName("ops-key-remove");
                        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                        return remove;
                    })
                    .setKey("actions")
                    .setAutoWidth(true);
            list.setItems(strings(panel.tree(s)));
            list.setAllRowsVisible(true);
            TextArea key = new TextArea(panel.getTranslation("monitoring.ops.users.key.new"));
            key.setId("ops-key-new");
            key.setWidthFull();
            key.setPlaceholder("ssh-ed25519 AAAA… user@host");
            Button add = new Button(panel.getTranslation("monitoring.ops.users.key.add"), e -> {
                if (key.getValue().isBlank()) {
                    key.setErrorMessage(panel.getTranslation("monitoring.ops.users.key.required"));
                    key.setInvalid(true);
                    return;
                }
                dialog.close();
                panel.change(
                        "users",
                        "add-key",
                        user,
                        Map.of("key", key.getValue().strip()),
                        panel.getTranslation("monitoring.ops.users.key.add.describe", user));
            });
            add.setId("ops-key-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.add(list, key);
            dialog.getFooter().add(new Button(panel.getTranslation("action.close"), e -> dialog.close()), add);
            dialog.open();
        });
    }

    /** Type, the start and end of the base64 and the comment: enough to tell keys apart. */
    static String shortKey(String line) {
        String[] parts = line.strip().split("\\s+");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].startsWith("ssh-") || parts[i].startsWith("ecdsa-") || parts[i].startsWith("sk-")) {
                String b64 = parts[i + 1];
                String head = b64.length() > 24 ? b64.substring(0, 12) + "…" + b64.substring(b64.length() - 8) : b64;
                String rest = i + 2 < parts.length
                        ? " " + String.join(" ", List.of(parts).subList(i + 2, parts.length))
                        : "";
                return parts[i] + " " + head + rest;
            }
        }
        return line;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString("")));
        return list;
    }
}
