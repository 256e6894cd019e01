package de.kontor.lead.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.ViewHeader;
import de.kontor.lead.LeadModel.Activity;
import de.kontor.lead.LeadModel.ActivityDraft;
import de.kontor.lead.LeadModel.ActivityKind;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadService;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;

/** A lead's activities and tasks with the timeline of what changed, newest first. */
class LeadTimelineTab extends Div {

    private final LeadService leads;
    private final ZoneId zone;
    private final Runnable reload;

    LeadTimelineTab(LeadService leads, ZoneId zone, Institution i, Runnable reload) {
        this.leads = leads;
        this.zone = zone;
        this.reload = reload;
        Select<ActivityKind> kind = new Select<>();
        kind.setId("lead-activity-kind");
        kind.setLabel(getTranslation("lead.activity.kind"));
        kind.setItems(Arrays.stream(ActivityKind.values())
                .filter(k -> k != ActivityKind.CHANGE)
                .toList());
        kind.setItemLabelGenerator(k -> getTranslation("lead.activity." + k.name()));
        kind.setValue(ActivityKind.CALL);
        TextField subject = new TextField(getTranslation("lead.activity.subject"));
        subject.setId("lead-activity-subject");
        DatePicker due = new DatePicker(getTranslation("lead.activity.due"));
        due.setId("lead-activity-due");
        Button add = new Button(getTranslation("lead.activity.add"), VaadinIcon.PLUS.create(), e -> {
            try {
                leads.addActivity(
                        i.id(), new ActivityDraft(kind.getValue(), subject.getValue(), null, due.getValue(), null));
                reload.run();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("subject", subject, "dueDate", due));
            }
        });
        add.setId("lead-activity-add");
        ViewHeader form = new ViewHeader(kind, subject, due, add);
        form.getStyle().set("align-items", "baseline");

        Grid<Activity> grid = new Grid<>();
        grid.setId("lead-timeline");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(a -> Formats.dateTime(a.createdAt(), zone))
                .setHeader(getTranslation("lead.activity.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> getTranslation("lead.activity." + a.kind().name()))
                .setHeader(getTranslation("lead.activity.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> describe(this, a))
                .setHeader(getTranslation("lead.activity.subject"))
                .setFlexGrow(1)
                .setKey("subject");
        grid.addColumn(Activity::createdBy)
                .setHeader(getTranslation("lead.activity.by"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(a -> {
                    if (a.kind() != ActivityKind.TASK) {
                        return new Span();
                    }
                    Checkbox done = new Checkbox(a.dueDate() == null ? "" : Formats.date(a.dueDate()), a.done());
                    done.addValueChangeListener(e -> {
                        leads.setDone(a.id(), e.getValue());
                        reload.run();
                    });
                    return done;
                })
                .setHeader(getTranslation("lead.activity.task"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(LazyGrids.pages(page -> leads.timeline(i.id(), page)));
        Grids.counted(grid, getTranslation("lead.activity.empty"));
        grid.setHeight("26rem");
        add(new Div(form, grid));
    }

    /** A timeline entry as text; automatic entries are message keys with arguments. */
    static String describe(Component context, Activity a) {
        if (a.kind() != ActivityKind.CHANGE) {
            return a.subject();
        }
        String[] parts = a.subject().split("\\|", -1);
        Object[] args = Arrays.copyOfRange(parts, 1, parts.length);
        for (int k = 0; k < args.length; k++) {
            String arg = (String) args[k];
            if (arg.matches("NEW|CONTACTED|QUALIFIED|WON|LOST")) {
                args[k] = context.getTranslation("lead.status." + arg);
            }
        }
        return context.getTranslation(parts[0], args);
    }
}
