package de.kontor.tally;

import de.kontor.AuditRefusal;
import de.kontor.IntegrationTest;
import de.kontor.base.error.DomainException;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import de.kontor.tally.TallyModel.NewPerson;
import de.kontor.tally.TallyModel.PersonDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A write of several statements is one transaction with its audit entry: a failure part-way leaves nothing. */
class TallyTransactionsTest extends IntegrationTest {

    @Autowired
    TallyService tally;

    @Autowired
    UserService users;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void signInAsAdmin() {
        signInAs(ADMIN);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signInAs(String username) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
    }

    private PersonDetails person(String first) {
        String code = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        return tally.createPerson(new NewPerson(code, first, unique("Tx"), null, null));
    }

    private int auditEntries(String action, String summaryPart) {
        return jdbc.queryForObject(
                "select count(*) from audit_log where module = 'tally' and action = ? and summary like ?",
                Integer.class,
                action,
                "%" + summaryPart + "%");
    }

    @Test
    void aBulkBookingThatFailsAtItsLastPersonBooksForNoOne() {
        PersonDetails a = person("Anton");
        PersonDetails b = person("Berta");
        String description = unique("Essen");
        long missing = b.id() + 1_000_000;

        // the rows are booked in id order: the unknown person comes after two written bookings
        assertThatThrownBy(() -> tally.bulkBooking(List.of(a.id(), b.id(), missing), -3, description))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("PERSON_NOT_FOUND");

        assertThat(tally.details(a.id()).balance()).isZero();
        assertThat(tally.details(b.id()).balance()).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from tally_entry where description = ?", Integer.class, description))
                .isZero();
        assertThat(auditEntries("BULK", description)).isZero();

        assertThat(tally.bulkBooking(List.of(a.id(), b.id()), -3, description)).isEqualTo(2);
        assertThat(tally.details(a.id()).balance()).isEqualTo(-3);
        assertThat(auditEntries("BULK", description)).isEqualTo(1);
    }

    @Test
    void aPersonWhoseAuditEntryIsRefusedGetsNeitherAPersonNorAnAccount() {
        String code = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        // the account (security module) and the person's row are written before the audit entry fails
        try (var refusal = AuditRefusal.refuse(jdbc, "tally", "CREATE", "Tally person " + code + "%")) {
            assertThatThrownBy(() -> tally.createPerson(new NewPerson(code, "Paul", unique("Tx"), null, null)))
                    .isInstanceOf(DataAccessException.class);
        }
        assertThat(tally.person(code)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from tally_person where code = ?", Integer.class, code))
                .isZero();
        assertThat(users.findByUsername(code))
                .as("the account rolled back with it")
                .isEmpty();
        assertThat(tally.createPerson(new NewPerson(code, "Paul", unique("Tx"), null, null))
                        .code())
                .isEqualTo(code);
    }

    @Test
    void aReversalWhoseAuditEntryIsRefusedBooksNothing() {
        PersonDetails p = person("Rita");
        long entry = tally.addBooking(p.id(), 40, "Einzahlung");
        try (var refusal = AuditRefusal.refuse(jdbc, "tally", "REVERSE", "Tally entry #" + entry + " %")) {
            assertThatThrownBy(() -> tally.reverseBooking(p.id(), entry)).isInstanceOf(DataAccessException.class);
        }
        assertThat(tally.details(p.id()).balance()).isEqualTo(40);
        assertThat(tally.ledgerCount(p.id())).isEqualTo(1);
        assertThat(tally.reverseBooking(p.id(), entry).amount())
                .as("not reversed before")
                .isEqualTo(-40);
        assertThat(tally.details(p.id()).balance()).isZero();
    }

    @Test
    void archivingThatTheAccountRefusesLeavesThePersonActive() {
        PersonDetails self = person("Selma");
        tally.setAdmin(self.id(), true);
        long version = tally.details(self.id()).version();
        // an admin archiving their own tally person: the person's row is written first, then disabling the
        // own account is refused by the security module
        signInAs(self.code());
        assertThatThrownBy(() -> tally.archivePerson(self.id()))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("CANNOT_DISABLE_SELF");
        signInAs(ADMIN);

        PersonDetails after = tally.details(self.id());
        assertThat(after.archivedAt()).isNull();
        assertThat(after.version()).as("the row's update rolled back").isEqualTo(version);
        assertThat(tally.person(self.code())).isPresent();
        assertThat(users.findByUsername(self.code()).orElseThrow().isEnabled()).isTrue();
        assertThat(auditEntries("ARCHIVE", self.code())).isZero();
    }
}
