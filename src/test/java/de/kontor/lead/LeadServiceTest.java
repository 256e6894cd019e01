package de.kontor.lead;

import de.kontor.IntegrationTest;
import de.kontor.base.audit.AuditEntry;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.base.importing.ColumnMapping;
import de.kontor.base.importing.ImportFiles;
import de.kontor.base.importing.ImportPreview;
import de.kontor.base.importing.ImportSummary;
import de.kontor.base.importing.ImportTable;
import de.kontor.base.importing.PreviewRow;
import de.kontor.base.importing.Verdict;
import de.kontor.base.notes.NoteRevision;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerService;
import de.kontor.lead.LeadModel.Activity;
import de.kontor.lead.LeadModel.ActivityDraft;
import de.kontor.lead.LeadModel.ActivityKind;
import de.kontor.lead.LeadModel.ContactDraft;
import de.kontor.lead.LeadModel.DiffKind;
import de.kontor.lead.LeadModel.DiffPart;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.LeadQuery;
import de.kontor.lead.LeadModel.Note;
import de.kontor.lead.LeadModel.Stats;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Tag;
import de.kontor.lead.LeadModel.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Leads: note revisions, tags, the timeline, conversion, import verdicts and undo, statistics. */
class LeadServiceTest extends IntegrationTest {

    @Autowired
    LeadService leads;

    @Autowired
    AuditService audit;

    @Autowired
    CustomerService customers;

    @BeforeEach
    void admin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    Institution lead(String name, Status status, String... tags) {
        return leads.create(new InstitutionDraft(
                name, Type.SCHOOL, null, null, "Köln", "de", null, null, null, status, "Messe", ADMIN, Set.of(tags)));
    }

    @Test
    void everyNoteEditKeepsARevisionThatCanBeComparedAndRestored() {
        Institution i = lead(unique("Gymnasium"), Status.NEW);
        Note n = leads.addNote(i.id(), "Termin mit der Schulleitung im März.");
        n = leads.editNote(n.id(), n.revision(), "Termin mit der Schulleitung im April.");
        n = leads.editNote(n.id(), n.revision(), "Termin mit dem Förderverein im April, danach Angebot.");
        assertThat(n.revision()).isEqualTo(3);
        List<NoteRevision> history = leads.history(n.id());
        assertThat(history).extracting(NoteRevision::revision).containsExactly(3, 2, 1);
        assertThat(history.get(2).text()).isEqualTo("Termin mit der Schulleitung im März.");
        assertThat(history.get(2).editedBy()).isEqualTo(ADMIN);

        List<DiffPart> diff = leads.diff(n.id(), 1, 2);
        assertThat(diff).contains(new DiffPart(DiffKind.REMOVED, "März."), new DiffPart(DiffKind.ADDED, "April."));
        assertThat(String.join(
                        "",
                        diff.stream()
                                .filter(p -> p.kind() != DiffKind.REMOVED)
                                .map(DiffPart::text)
                                .toList()))
                .isEqualTo("Termin mit der Schulleitung im April.");

        long revisionBefore = n.revision();
        Note finalNote = n;
        assertThatThrownBy(() -> leads.editNote(finalNote.id(), 1, "stale edit"))
                .isInstanceOf(DomainException.class);
        Note restored = leads.restoreRevision(n.id(), 1);
        assertThat(restored.text()).isEqualTo("Termin mit der Schulleitung im März.");
        assertThat(restored.revision()).isEqualTo(revisionBefore + 1);
        assertThat(leads.history(n.id())).hasSize(4);

        leads.archiveNote(n.id());
        assertThat(leads.notes(i.id(), false)).isEmpty();
        assertThat(leads.notes(i.id(), true)).extracting(Note::id).containsExactly(n.id());
        leads.restoreNote(n.id());
        assertThat(leads.notes(i.id(), false)).hasSize(1);
    }

    @Test
    void renamingATagRenamesItEverywhere() {
        String tag = unique("Robotik");
        Institution a = lead(unique("Schule A"), Status.NEW, tag);
        Institution b = lead(unique("Schule B"), Status.NEW, tag);
        Tag t = leads.tags().stream()
                .filter(x -> x.name().equals(tag))
                .findFirst()
                .orElseThrow();
        String renamed = tag + "-AG";
        leads.updateTag(t.id(), renamed, "#22aa88");
        assertThat(leads.get(a.id()).tags()).extracting(Tag::name).containsExactly(renamed);
        assertThat(leads.get(b.id()).tags()).extracting(Tag::color).containsExactly("#22aa88");
        assertThat(leads.count(new LeadQuery(null, Set.of(), Set.of(renamed), null, null, null, null, null, false)))
                .isEqualTo(2);
        Tag other = leads.createTag(unique("MINT"), "#000000");
        assertThatThrownBy(() -> leads.updateTag(other.id(), renamed, "#000000"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("TAG_TAKEN"));
        assertThatThrownBy(() -> leads.createTag("x", "red"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.field()).isEqualTo("color"));
    }

    @Test
    void theTimelineRecordsChangesByItself() {
        Institution i = lead(unique("Verein"), Status.NEW);
        leads.setStatus(i.id(), Status.CONTACTED);
        leads.addContact(i.id(), new ContactDraft("Petra Lang", "Vorsitzende", "petra@example.org", null, null, true));
        Note n = leads.addNote(i.id(), "erste Notiz");
        leads.editNote(n.id(), n.revision(), "zweite Fassung");
        Activity call =
                leads.addActivity(i.id(), new ActivityDraft(ActivityKind.CALL, "Anruf wegen Kurs", null, null, null));
        List<Activity> timeline = leads.timeline(i.id(), PageRequest.of(0, 50)).getContent();
        assertThat(timeline.get(0).id()).isEqualTo(call.id());
        assertThat(timeline)
                .extracting(Activity::subject)
                .contains(
                        "lead.change.status|NEW|CONTACTED",
                        "lead.change.contactAdded|Petra Lang",
                        "lead.change.noteEdited|zweite Fassung");
        assertThatThrownBy(() ->
                        leads.addActivity(i.id(), new ActivityDraft(ActivityKind.TASK, "Angebot", null, null, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.field()).isEqualTo("dueDate"));
    }

    @Test
    void convertingCreatesALinkedCustomerAndKeepsTheLead() {
        Institution i = lead(unique("Werkstatt eG"), Status.QUALIFIED, "Kunde-bald");
        leads.addContact(i.id(), new ContactDraft("Nebenperson", null, "neben@example.org", null, null, false));
        leads.addContact(
                i.id(), new ContactDraft("Hanna Berg", "Einkauf", "hanna@example.org", "0221 123", null, true));
        Customer customer = leads.convertToCustomer(i.id());
        assertThat(customer.getName()).isEqualTo(i.name());
        assertThat(customer.getContactPerson()).isEqualTo("Hanna Berg");
        assertThat(customer.getEmail()).isEqualTo("hanna@example.org");
        Institution after = leads.get(i.id());
        assertThat(after.customerId()).isEqualTo(customer.getId());
        assertThat(after.status()).isEqualTo(Status.WON);
        assertThat(leads.timeline(i.id(), PageRequest.of(0, 50)).getContent())
                .extracting(Activity::subject)
                .contains("lead.change.converted|" + customer.getNumber());
        assertThatThrownBy(() -> leads.convertToCustomer(i.id()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_CONVERTED"));
    }

    @Test
    void aFailureAfterTheFirstStatementOfAnArchiveLeavesNothingBehind() {
        Institution i = lead(unique("Halbarchiv"), Status.NEW);
        // The archive's first statement (archived_at) succeeds; its second, the timeline entry, cannot
        // store a user name longer than its column, so the database refuses it.
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "u".repeat(101), null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        assertThatThrownBy(() -> leads.archive(i.id())).isInstanceOf(DataAccessException.class);
        admin();

        Institution after = leads.get(i.id());
        assertThat(after.archivedAt()).isNull();
        assertThat(after.version()).isEqualTo(i.version());
        assertThat(leads.timeline(i.id(), PageRequest.of(0, 50)).getContent())
                .extracting(Activity::subject)
                .doesNotContain("lead.change.archived");
        assertThat(audit.findForEntity("Institution", i.id(), PageRequest.of(0, 50))
                        .getContent())
                .extracting(AuditEntry::getAction)
                .containsExactly("CREATE");
    }

    @Test
    void deletingTheCustomerALeadBecameUnlinksTheLead() {
        Institution i = lead(unique("Kurzkunde"), Status.QUALIFIED);
        Customer customer = leads.convertToCustomer(i.id());
        customers.delete(customer.getId());
        await().untilAsserted(() -> assertThat(leads.get(i.id()).customerId()).isNull());
        assertThat(leads.timeline(i.id(), PageRequest.of(0, 50)).getContent())
                .extracting(Activity::subject)
                .contains("lead.change.customerDeleted|" + customer.getNumber());
        Customer again = leads.convertToCustomer(i.id());
        assertThat(leads.get(i.id()).customerId()).isEqualTo(again.getId());
    }

    @Test
    void twoConversionsAtOnceMakeOneCustomer() throws Exception {
        Institution i = lead(unique("Zweimal"), Status.QUALIFIED);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Object> convert = () -> {
            start.await();
            try {
                return leads.convertToCustomer(i.id());
            } catch (DomainException e) {
                return e.code();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Object> first = pool.submit(convert);
            Future<Object> second = pool.submit(convert);
            start.countDown();
            List<Object> results = List.of(first.get(), second.get());
            assertThat(results).filteredOn(Customer.class::isInstance).hasSize(1);
            assertThat(results).contains("ALREADY_CONVERTED");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void importJudgesEveryRowAndCanBeUndone() {
        String marker = unique("imp");
        Institution existing = leads.create(new InstitutionDraft(
                "Gymnasium Nord " + marker,
                Type.SCHOOL,
                null,
                null,
                "Köln",
                null,
                "https://www.nord-" + marker + ".example/",
                null,
                null,
                Status.NEW,
                null,
                null,
                Set.of()));
        Institution same = leads.create(new InstitutionDraft(
                "Grundschule " + marker,
                Type.SCHOOL,
                null,
                null,
                "Bonn",
                null,
                null,
                "0228 1",
                null,
                Status.NEW,
                null,
                null,
                Set.of()));
        String csv = "Name;Ort;Webseite;Telefon;E-Mail;Typ;Ansprechpartner\n"
                + "Realschule Süd " + marker + ";Köln;;;;Schule;Eva Roth\n"
                + "Gymnasium Nord " + marker + ";köln;;0221 999;;;\n"
                + "Ganz anderer Name " + marker + ";;nord-" + marker + ".example/kontakt;;info@nord.example;;\n"
                + "Realschule Süd " + marker + ";Köln;;;;;\n"
                + "Fehler " + marker + ";;;;keine-mail;;\n"
                + "Grundschule " + marker + ";Bonn;;0228 1;;;\n"
                + "Unbekannt " + marker + ";;;;;Raumstation;\n";
        ImportTable table = ImportFiles.read("leads.csv", csv.getBytes(StandardCharsets.UTF_8));
        ColumnMapping mapping = ColumnMapping.guess(table.headers(), LeadImportFields.ALL);
        ImportPreview preview = leads.previewImport(table, mapping);
        assertThat(preview.rows())
                .extracting(PreviewRow::verdict)
                .containsExactly(
                        Verdict.CREATE,
                        Verdict.UPDATE,
                        Verdict.DUPLICATE,
                        Verdict.DUPLICATE,
                        Verdict.ERROR,
                        Verdict.UNCHANGED,
                        Verdict.ERROR);
        assertThat(preview.rows().get(1).matchedId()).isEqualTo(existing.id());
        assertThat(preview.rows().get(1).reasonText()).contains("phone");
        assertThat(preview.rows().get(5).matchedId()).isEqualTo(same.id());
        assertThat(preview.rows().get(6).reasonText()).contains("Raumstation");

        ImportSummary summary = leads.applyImport(table, mapping, false);
        assertThat(summary.created()).isEqualTo(1);
        assertThat(summary.updated()).isEqualTo(1);
        assertThat(leads.get(existing.id()).phone()).isEqualTo("0221 999");
        long created = leads.find(
                        new LeadQuery(
                                "Realschule Süd " + marker, Set.of(), Set.of(), null, null, null, null, null, false),
                        PageRequest.of(0, 5))
                .getContent()
                .get(0)
                .id();
        assertThat(leads.contacts(created)).extracting(c -> c.name()).containsExactly("Eva Roth");
        assertThatThrownBy(() -> leads.applyImport(table, mapping, true)).isInstanceOf(DomainException.class);

        int[] undone = leads.undoImport(summary.importId());
        assertThat(undone).containsExactly(1, 1);
        assertThat(leads.get(created).archivedAt()).isNotNull();
        assertThat(leads.get(existing.id()).phone()).isNull();
    }

    @Test
    void statisticsCountKnownData() {
        Stats before = leads.stats();
        String tag = unique("Stat");
        lead(unique("S1"), Status.WON, tag);
        lead(unique("S2"), Status.WON, tag);
        lead(unique("S3"), Status.LOST, tag);
        Institution open = lead(unique("S4"), Status.NEW);
        leads.addActivity(
                open.id(),
                new ActivityDraft(
                        ActivityKind.TASK,
                        "Nachfassen",
                        null,
                        LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"))
                                .minusDays(2),
                        null));
        leads.addActivity(
                open.id(),
                new ActivityDraft(
                        ActivityKind.TASK,
                        "Später",
                        null,
                        LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"))
                                .plusDays(5),
                        null));
        Stats after = leads.stats();
        assertThat(after.total() - before.total()).isEqualTo(4);
        assertThat(after.won() - before.won()).isEqualTo(2);
        assertThat(after.lost() - before.lost()).isEqualTo(1);
        assertThat(after.byTag()).containsEntry(tag, 3L);
        assertThat(after.overdueTasks() - before.overdueTasks()).isEqualTo(1);
        assertThat(after.openTasks() - before.openTasks()).isEqualTo(2);
        assertThat(after.conversionRate()).isEqualTo((double) after.won() / (after.won() + after.lost()));
        assertThat(after.newPerMonth()).hasSize(12);
        assertThat(after.newPerMonth().get(11).count()
                        - before.newPerMonth().get(11).count())
                .isEqualTo(4);
        assertThat(leads.openTasks(ADMIN)).anyMatch(a -> a.subject().equals("Nachfassen"));
    }

    @Test
    void searchFindsInstitutionsByContactsAndNotes() {
        String marker = unique("such");
        Institution i = lead("Kita Sonnenschein " + marker, Status.NEW);
        leads.addContact(i.id(), new ContactDraft("Zora " + marker, null, null, null, null, true));
        Institution j = lead("Kita Mond " + marker, Status.CONTACTED);
        leads.addNote(j.id(), "Interesse an Lötkurs " + marker);
        assertThat(leads.count(
                        new LeadQuery("zora " + marker, Set.of(), Set.of(), null, null, null, null, null, false)))
                .isEqualTo(1);
        assertThat(leads.count(
                        new LeadQuery("lötkurs " + marker, Set.of(), Set.of(), null, null, null, null, null, false)))
                .isEqualTo(1);
        assertThat(leads.count(new LeadQuery(
                        marker, Set.of(Status.CONTACTED), Set.of(), null, "Köln", null, null, null, false)))
                .isEqualTo(1);
    }
}
