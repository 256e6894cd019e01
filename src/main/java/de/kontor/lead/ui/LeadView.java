package de.kontor.lead.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.lead.LeadModel.Activity;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.Tag;
import de.kontor.lead.LeadService;
import de.kontor.security.UserService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.Arrays;

/**
 * An institution: overview, contact persons, notes (with history, diff and restore), activities and the
 * timeline; convert to a customer, archive or restore.
 */
@Route("leads")
@RolesAllowed({"ADMIN", "VIEWER"})
class LeadView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final LeadService leads;
    private final UserService users;
    private final ZoneId zone;
    private @Nullable Institution lead;

    LeadView(LeadService leads, UserService users, ZoneId zone) {
        this.leads = leads;
        this.users = users;
        this.zone = zone;
        addClassName("kontor-view");
        setId("lead-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        lead = leads.get(id);
        render(0);
    }

    Institution lead() {
        if (lead == null) {
            throw new IllegalStateException("no lead shown");
        }
        return lead;
    }

    private void reload(int tab) {
        lead = leads.get(lead().id());
        render(tab);
    }

    private void render(int selectedTab) {
        Institution i = lead();
        removeAll();
        H2 title = new H2(i.name());
        title.setId("lead-title");
        ViewHeader header = new ViewHeader(
                title, Badges.of(getTranslation("lead.status." + i.status().name()), LeadsView.tone(i.status())));
        if (i.archivedAt() != null) {
            header.start(Badges.of(getTranslation("lead.archived"), Badges.Tone.ERROR));
        }
        Button edit = new Button(
                getTranslation("lead.edit"),
                VaadinIcon.EDIT.create(),
                e -> LeadEditor.open(leads, users, i, saved -> reload(0)));
        edit.setId("lead-edit");
        header.actions(edit);
        if (i.customerId() == null) {
            Button convert =
                    new Button(getTranslation("lead.convert"), VaadinIcon.EXCHANGE.create(), e -> confirmConvert());
            convert.setId("lead-convert");
            convert.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.actions(convert);
        } else {
            Anchor customer = new Anchor("customers/" + i.customerId(), getTranslation("lead.customer"));
            customer.setId("lead-customer-link");
            header.actions(customer);
        }
        Button archive = new Button(getTranslation(i.archivedAt() == null ? "lead.archive" : "lead.restore"), e -> {
            if (i.archivedAt() == null) {
                leads.archive(i.id());
            } else {
                leads.restore(i.id());
            }
            reload(0);
        });
        archive.setId("lead-archive");
        archive.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        header.actions(archive);
        add(header);

        TabSheet sheet = new TabSheet();
        sheet.setId("lead-tabs");
        sheet.add(getTranslation("lead.tab.overview"), overview(i));
        sheet.add(getTranslation("lead.tab.contacts"), new LeadContactsTab(leads, zone, i, () -> reload(1)));
        sheet.add(getTranslation("lead.tab.notes"), new LeadNotesTab(leads, zone, i, () -> reload(2)));
        sheet.add(getTranslation("lead.tab.timeline"), new LeadTimelineTab(leads, zone, i, () -> reload(3)));
        sheet.setSelectedIndex(selectedTab);
        sheet.setWidthFull();
        add(sheet);
    }

    private Component overview(Institution i) {
        Div box = new Div();
        box.setId("lead-overview");
        row(box, "lead.field.type", getTranslation("lead.type." + i.type().name()));
        row(
                box,
                "lead.field.address",
                String.join(
                        ", ",
                        Arrays.stream(new String[] {
                                    i.street(),
                                    (i.postalCode() == null ? "" : i.postalCode() + " ")
                                            + (i.city() == null ? "" : i.city()),
                                    i.country()
                                })
                                .filter(s -> s != null && !s.isBlank())
                                .toList()));
        row(box, "lead.field.website", i.website());
        row(box, "lead.field.phone", i.phone());
        row(box, "lead.field.email", i.email());
        row(box, "lead.field.source", i.source());
        row(box, "lead.field.owner", i.owner());
        Div tagRow = new Div(new Span(getTranslation("lead.field.tags") + ": "));
        for (Tag t : i.tags()) {
            Span chip = new Span(t.name());
            chip.getStyle()
                    .set("background", t.color())
                    .set("color", "#fff")
                    .set("border-radius", "1em")
                    .set("padding", "0 0.6em")
                    .set("margin-right", "0.3em")
                    .set("font-size", "var(--lumo-font-size-s)");
            tagRow.add(chip);
        }
        if (!i.tags().isEmpty()) {
            box.add(tagRow);
        }
        row(box, "lead.field.created", Formats.dateTime(i.createdAt(), zone));
        return box;
    }

    private void row(Div box, String label, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span l = new Span(getTranslation(label) + ": ");
        l.addClassName("kontor-muted");
        box.add(new Div(l, new Span(value)));
    }

    /** A timeline entry as text; automatic entries are message keys with arguments. */
    String describe(Activity a) {
        return LeadTimelineTab.describe(this, a);
    }

    private void confirmConvert() {
        Confirmations.ask(
                "lead-convert-confirm",
                getTranslation("lead.convert"),
                getTranslation("lead.convert.confirm", lead().name()),
                getTranslation("lead.convert"),
                false,
                () -> {
                    try {
                        var customer = leads.convertToCustomer(lead().id());
                        Notifications.success(getTranslation("lead.converted", customer.getNumber()));
                    } catch (DomainException ex) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                    }
                    reload(0);
                });
    }

    @Override
    public String getPageTitle() {
        return lead == null ? getTranslation("menu.leads") : lead.name() + " · " + getTranslation("menu.leads");
    }
}
