package de.kontor.lead.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.CurrentUser;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.ViewHeader;
import de.kontor.lead.LeadModel.Activity;
import de.kontor.lead.LeadService;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The signed-in user's open lead tasks (or everyone's), overdue ones first and marked. */
@Route("leads/tasks")
@RolesAllowed("ADMIN")
class MyTasksView extends Div implements HasDynamicTitle {

    private final LeadService leads;
    private final Grid<Activity> grid = new Grid<>();
    private final Checkbox everyone = new Checkbox();

    MyTasksView(LeadService leads, Clock clock, ZoneId zone) {
        this.leads = leads;
        addClassName("kontor-view");
        setId("lead-tasks-view");
        everyone.setId("lead-tasks-everyone");
        everyone.setLabel(getTranslation("lead.tasks.everyone"));
        everyone.addValueChangeListener(e -> refresh());
        add(new ViewHeader(everyone));
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        grid.setId("lead-tasks");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        Grids.key(grid.addColumn(a -> a.dueDate() == null ? "" : Formats.date(a.dueDate()))
                .setHeader(getTranslation("lead.activity.due")));
        Grids.text(grid, Activity::subject, "12rem").setHeader(getTranslation("lead.activity.subject"));
        Grids.name(grid.addColumn(Activity::institutionName).setHeader(getTranslation("lead.field.name")), "12rem");
        Grids.key(grid.addColumn(a -> a.assignee() == null ? "" : a.assignee())
                .setHeader(getTranslation("lead.field.owner")));
        Grids.actions(grid.addComponentColumn(a -> {
            Button open = new Button(
                    getTranslation("lead.open"), e -> UI.getCurrent().navigate(LeadView.class, a.institutionId()));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button done = new Button(getTranslation("lead.tasks.done"), e -> {
                leads.setDone(a.id(), true);
                refresh();
            });
            done.setId("lead-task-done-" + a.id());
            done.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return new Div(open, done);
        }));
        grid.setPartNameGenerator(a -> a.dueDate() != null && a.dueDate().isBefore(today) ? "overdue" : null);
        Grids.counted(grid, getTranslation("lead.tasks.empty"));
        add(grid);
        refresh();
    }

    void refresh() {
        grid.setItems(leads.openTasks(
                everyone.getValue() ? null : CurrentUser.username().orElse("")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lead.tasks.mine") + " · " + getTranslation("menu.leads");
    }
}
