package de.kontor.lead;

import de.kontor.base.Texts;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.lead.LeadModel.Contact;
import de.kontor.lead.LeadModel.ContactDraft;
import de.kontor.lead.LeadModel.Institution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/** An institution's contact persons; one of them is the primary one. Callers hold the transaction. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LeadContacts {

    private final JdbcClient jdbc;
    private final LeadTimeline timeline;
    private final AuditService audit;
    private final Clock clock;

    LeadContacts(JdbcClient jdbc, LeadTimeline timeline, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    /** The primary contact first, then by name. */
    List<Contact> of(long institutionId) {
        return jdbc.sql("select id, institution_id, name, position, email, phone, notes, is_primary as `primary` "
                        + "from lead_contact where institution_id = ? order by is_primary desc, name")
                .param(institutionId)
                .query(Contact.class)
                .list();
    }

    private Contact one(long institutionId, long contactId) {
        return of(institutionId).stream()
                .filter(c -> c.id() == contactId)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("CONTACT_NOT_FOUND", "lead.contact.notFound", contactId));
    }

    Contact add(Institution institution, ContactDraft draft) {
        ContactDraft d = validate(draft);
        long institutionId = institution.id();
        if (d.primary()) {
            clearPrimary(institutionId);
        }
        long id = LeadRows.insert(jdbc.sql("insert into lead_contact (institution_id, name, position, email, phone, "
                        + "notes, is_primary, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(institutionId, d.name(), d.position(), d.email(), d.phone(), d.notes(), d.primary())
                .param(clock.instant()));
        timeline.change(institutionId, "lead.change.contactAdded", d.name());
        audit.record(
                LeadService.MODULE, "Contact", id, "CREATE", "Contact " + d.name() + " added to " + institution.name());
        return one(institutionId, id);
    }

    Contact update(long institutionId, long contactId, ContactDraft draft) {
        ContactDraft d = validate(draft);
        if (d.primary()) {
            clearPrimary(institutionId);
        }
        int changed = jdbc.sql("update lead_contact set name = ?, position = ?, email = ?, phone = ?, notes = ?, "
                        + "is_primary = ? where id = ? and institution_id = ?")
                .params(d.name(), d.position(), d.email(), d.phone(), d.notes(), d.primary(), contactId, institutionId)
                .update();
        if (changed == 0) {
            throw DomainException.notFound("CONTACT_NOT_FOUND", "lead.contact.notFound", contactId);
        }
        audit.record(LeadService.MODULE, "Contact", contactId, "UPDATE", "Contact " + d.name() + " changed");
        return one(institutionId, contactId);
    }

    private void clearPrimary(long institutionId) {
        jdbc.sql("update lead_contact set is_primary = false where institution_id = ?")
                .param(institutionId)
                .update();
    }

    /** Removes a contact person; the timeline keeps who it was. */
    void delete(long institutionId, long contactId) {
        Contact c = one(institutionId, contactId);
        jdbc.sql("delete from lead_contact where id = ?").param(contactId).update();
        timeline.change(
                institutionId,
                "lead.change.contactRemoved",
                c.name() + (c.email() == null ? "" : " <" + c.email() + ">"));
        audit.record(LeadService.MODULE, "Contact", contactId, "DELETE", "Contact " + c.name() + " removed");
    }

    /** The draft trimmed, or a field error (no database: callers may catch it). */
    static ContactDraft validate(ContactDraft d) {
        String name = Institutions.name(d.name());
        String email = Institutions.email(d.email());
        return new ContactDraft(
                name,
                Texts.blankToNull(d.position()),
                email,
                Texts.blankToNull(d.phone()),
                Texts.blankToNull(d.notes()),
                d.primary());
    }
}
