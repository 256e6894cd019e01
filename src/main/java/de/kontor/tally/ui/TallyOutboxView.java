package de.kontor.tally.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.Notifications;
import de.kontor.tally.TallyModel.Mail;
import de.kontor.tally.TallyService;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;

/** Every notice with its state: sent, failed (with the error), or kept because no SMTP server is set. */
@Route("tally/outbox")
@RolesAllowed("ADMIN")
class TallyOutboxView extends Div implements HasDynamicTitle {

    TallyOutboxView(TallyService tally, ZoneId zone) {
        addClassName("kontor-view");
        setId("tally-outbox-view");
        add(TallyUi.nav(this, "tally/outbox"));
        Paragraph intro = new Paragraph(getTranslation("tally.outbox.intro"));
        intro.addClassName("kontor-muted");
        add(intro);
        Grid<Mail> grid = new Grid<>();
        grid.setId("tally-outbox");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(m -> Formats.dateTime(m.createdAt(), zone))
                .setHeader(getTranslation("tally.column.time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(m -> Badges.of(
                        getTranslation("tally.mail.state." + m.state()),
                        switch (m.state()) {
                            case "SENT" -> Badges.Tone.SUCCESS;
                            case "FAILED" -> Badges.Tone.ERROR;
                            case "NO_SMTP" -> Badges.Tone.WARNING;
                            default -> Badges.Tone.NEUTRAL;
                        }))
                .setHeader(getTranslation("tally.column.state"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("state");
        grid.addColumn(m -> getTranslation("tally.mail.kind." + m.kind()))
                .setHeader(getTranslation("tally.column.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Mail::recipient)
                .setHeader(getTranslation("tally.column.recipient"))
                .setAutoWidth(true);
        grid.addColumn(Mail::subject)
                .setHeader(getTranslation("tally.column.subject"))
                .setFlexGrow(1);
        grid.addComponentColumn(m -> {
                    if ("SENT".equals(m.state())) {
                        return new Span();
                    }
                    Button resend = new Button(getTranslation("tally.outbox.resend"), e -> {
                        try {
                            tally.resendMail(m.id());
                            Notifications.success(getTranslation("tally.outbox.resent"));
                        } catch (DomainException ex) {
                            Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                        }
                        grid.getDataProvider().refreshAll();
                    });
                    resend.setId("tally-resend-" + m.id());
                    resend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    return resend;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(m -> {
            Div details = new Div(new Pre(m.body()));
            if (m.error() != null) {
                Span error = new Span(m.error());
                error.getStyle().set("color", "var(--lumo-error-text-color)");
                details.add(error);
            }
            return details;
        }));
        grid.setItems(LazyGrids.pages(tally::mails));
        grid.setEmptyStateText(getTranslation("tally.outbox.empty"));
        grid.setHeight("36rem");
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tally.nav.outbox") + " · " + getTranslation("menu.tally");
    }
}
