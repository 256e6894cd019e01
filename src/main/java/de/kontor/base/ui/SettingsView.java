package de.kontor.base.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.CurrentUser;
import de.kontor.base.error.DomainException;
import de.kontor.base.modules.ModuleSwitches;
import de.kontor.base.modules.ModuleSwitches.Source;
import de.kontor.base.modules.ModuleSwitches.State;
import de.kontor.base.settings.ShownSetting;
import de.kontor.base.settings.ShownSettings;
import jakarta.annotation.security.RolesAllowed;

import java.util.Comparator;
import java.util.List;

/**
 * Installation-wide settings: each module switched on or off, and where its state comes from. A module
 * the configuration switched off cannot be switched on here; viewers see the settings read-only.
 */
@Route("settings")
@Menu(title = "menu.settings", order = 990, icon = "vaadin:cogs")
@RolesAllowed({"ADMIN", "VIEWER"})
class SettingsView extends Div implements HasDynamicTitle {

    private final ModuleSwitches modules;
    private final Div list = new Div();

    SettingsView(ModuleSwitches modules, List<ShownSettings> options) {
        this.modules = modules;
        addClassName("kontor-view");
        setId("settings-view");
        Paragraph intro = new Paragraph(getTranslation("settings.modules.intro"));
        intro.addClassName("kontor-muted");
        list.setId("settings-modules");
        add(new ViewHeader(new H3(getTranslation("settings.modules"))), intro, list);
        render();
        Grid<ShownSetting> grid = new Grid<>();
        grid.setId("settings-options");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        Grids.name(
                grid.addColumn(o -> getTranslation(o.labelKey())).setHeader(getTranslation("settings.option")),
                "16rem");
        Grids.key(grid.addColumn(o -> getTranslation("settings.value." + o.value()))
                .setHeader(getTranslation("settings.value"))
                .setKey("value"));
        Grids.key(grid.addColumn(o -> switch (o.source()) {
                    case "default" -> getTranslation("settings.source.DEFAULT");
                    case "setting" -> getTranslation("settings.source.SETTING");
                    default -> o.source();
                })
                .setHeader(getTranslation("settings.source"))
                .setKey("source"));
        Grids.key(grid.addComponentColumn(o -> o.changedIn().isEmpty()
                        ? new Span(getTranslation("settings.changedInConfiguration"))
                        : new Anchor(o.changedIn(), getTranslation("settings.changeThere")))
                .setHeader(getTranslation("settings.changedIn")));
        grid.setItems(options.stream()
                .flatMap(o -> o.shownSettings().stream())
                .sorted(Comparator.comparing(ShownSetting::name))
                .toList());
        Grids.counted(grid, getTranslation("settings.options.empty"));
        add(new H3(getTranslation("settings.options")), grid);
    }

    private void render() {
        list.removeAll();
        for (State state : modules.states()) {
            Checkbox box =
                    new Checkbox(getTranslation("module." + state.module().packageName()));
            box.setId("settings-module-" + state.module().key());
            box.setValue(state.enabled());
            box.setHelperText(getTranslation("settings.source." + state.source()));
            box.setReadOnly(!CurrentUser.canWrite() || state.source() == Source.ENVIRONMENT);
            box.addValueChangeListener(e -> {
                try {
                    modules.set(state.module().key(), e.getValue());
                    Notifications.success(getTranslation(
                            e.getValue() ? "settings.module.on" : "settings.module.off",
                            getTranslation("module." + state.module().packageName())));
                } catch (DomainException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                }
                render();
            });
            Div row = new Div(box);
            list.add(row);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.settings");
    }
}
