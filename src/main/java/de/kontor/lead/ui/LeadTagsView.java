package de.kontor.lead.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.ViewHeader;
import de.kontor.lead.LeadModel.Tag;
import de.kontor.lead.LeadService;
import jakarta.annotation.security.RolesAllowed;

import java.util.Map;

/** The leads' tags: name and colour; renaming updates every institution at once. */
@Route("leads/tags")
@RolesAllowed({"ADMIN", "VIEWER"})
class LeadTagsView extends Div implements HasDynamicTitle {

    private final LeadService leads;
    private final Grid<Tag> grid = new Grid<>();
    /** How many leads carry each tag, read once per refresh (not once per row). */
    private Map<Long, Long> usage = Map.of();

    LeadTagsView(LeadService leads) {
        this.leads = leads;
        addClassName("kontor-view");
        setId("lead-tags-view");
        TextField name = new TextField();
        name.setId("lead-tag-name");
        name.setPlaceholder(getTranslation("lead.tag.field.name"));
        TextField color = new TextField();
        color.setId("lead-tag-color");
        color.setPlaceholder("#3b82f6");
        color.setWidth("8em");
        Button add = new Button(getTranslation("lead.tag.add"), VaadinIcon.PLUS.create(), e -> {
            try {
                leads.createTag(name.getValue(), color.getValue());
                name.clear();
                refresh();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("name", name, "color", color));
            }
        });
        add.setId("lead-tag-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader(name, color, add));
        grid.setId("lead-tags");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        Grids.name(
                grid.addComponentColumn(t -> {
                            Span chip = new Span(t.name());
                            chip.getStyle()
                                    .set("background", t.color())
                                    .set("color", "#fff")
                                    .set("border-radius", "1em")
                                    .set("padding", "0 0.6em");
                            return chip;
                        })
                        .setHeader(getTranslation("lead.tag.field.name")),
                "10rem");
        Grids.key(grid.addColumn(t -> usage.getOrDefault(t.id(), 0L)).setHeader(getTranslation("lead.tag.usage")));
        Grids.actions(grid.addComponentColumn(t -> {
                    TextField rename = new TextField();
                    rename.setValue(t.name());
                    rename.setId("lead-tag-rename-" + t.id());
                    TextField recolor = new TextField();
                    recolor.setValue(t.color());
                    recolor.setWidth("7em");
                    Button save = new Button(getTranslation("action.save"), e -> {
                        try {
                            leads.updateTag(t.id(), rename.getValue(), recolor.getValue());
                            refresh();
                        } catch (DomainException ex) {
                            FieldErrors.show(this, ex, Map.of("name", rename, "color", recolor));
                        }
                    });
                    save.setId("lead-tag-save-" + t.id());
                    Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                        leads.deleteTag(t.id());
                        refresh();
                    });
                    delete.setAriaLabel(getTranslation("lead.tag.delete"));
                    delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                    HorizontalLayout row = new HorizontalLayout(rename, recolor, save, delete);
                    row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
                    return row;
                })
                .setKey("edit"));
        grid.setAllRowsVisible(true);
        Grids.counted(grid, getTranslation("lead.tag.empty"));
        add(grid);
        refresh();
    }

    private void refresh() {
        usage = leads.tagUsage();
        grid.setItems(leads.tags());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lead.tags") + " · " + getTranslation("menu.leads");
    }
}
