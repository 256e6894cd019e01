package de.kontor.tally.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.Notifications;
import de.kontor.tally.TallyModel.ResetInfo;
import de.kontor.tally.TallyService;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;

/** Resets of one or all ledgers: their entries are archived, and a reset can be restored as a whole. */
@Route("tally/resets")
@RolesAllowed({"ADMIN", "VIEWER"})
class TallyResetsView extends Div implements HasDynamicTitle {

    private final TallyService tally;
    private final Grid<ResetInfo> grid = new Grid<>();

    TallyResetsView(TallyService tally, ZoneId zone) {
        this.tally = tally;
        addClassName("kontor-view");
        setId("tally-resets-view");
        add(TallyUi.nav(this, "tally/resets"));
        Paragraph intro = new Paragraph(getTranslation("tally.resets.intro"));
        intro.addClassName("kontor-muted");
        add(intro);
        grid.setId("tally-resets");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> Formats.dateTime(r.resetAt(), zone))
                .setHeader(getTranslation("tally.column.time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.personId() == null ? getTranslation("tally.resets.everyone") : r.personName())
                .setHeader(getTranslation("tally.column.person"))
                .setFlexGrow(1);
        grid.addColumn(ResetInfo::entries)
                .setHeader(getTranslation("tally.column.entries"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ResetInfo::resetBy)
                .setHeader(getTranslation("tally.column.bookedBy"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> {
                    if (r.restoredAt() != null) {
                        return Badges.of(
                                getTranslation("tally.resets.restored", Formats.dateTime(r.restoredAt(), zone)),
                                Badges.Tone.SUCCESS);
                    }
                    if (r.entries() == 0) {
                        return new Span();
                    }
                    Button restore = new Button(getTranslation("tally.restore"), e -> {
                        int restored = tally.restoreReset(r.id());
                        Notifications.success(getTranslation("tally.resets.done", restored));
                        load();
                    });
                    restore.setId("tally-restore-" + r.id());
                    restore.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    return restore;
                })
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("restore");
        Grids.counted(grid, getTranslation("tally.resets.empty"));
        add(grid);
        load();
    }

    private void load() {
        grid.setItems(tally.resets());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tally.nav.resets") + " · " + getTranslation("menu.tally");
    }
}
