package de.kontor.lead;

import de.kontor.IntegrationTest;
import de.kontor.base.demo.DemoContext;
import de.kontor.lead.LeadModel.LeadQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo mode fills the leads: about 200 institutions with contacts, notes, tags and activities. */
class LeadDemoDataTest extends IntegrationTest {

    @Autowired
    LeadDemoData demo;

    @Autowired
    LeadService leads;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void demoLeadsHaveContactsNotesTagsAndActivities() {
        long before = leads.count(LeadQuery.all());
        long contactsBefore = jdbc.queryForObject("select count(*) from lead_contact", Long.class);
        transactions.executeWithoutResult(s -> demo.load(new DemoContext(new Random(7), "Demo-Passw0rd-1")));
        long added = leads.count(LeadQuery.all()) - before;
        assertThat(added).isBetween(190L, 200L);
        assertThat(jdbc.queryForObject("select count(*) from lead_contact", Long.class) - contactsBefore)
                .isEqualTo(added);
        assertThat(leads.count(new LeadQuery(null, Set.of(), Set.of("3D-Druck"), null, null, null, null, null, false)))
                .isPositive();
        assertThat(jdbc.queryForObject("select count(*) from lead_note", Long.class))
                .isPositive();
        assertThat(leads.openTasks(null)).isNotEmpty();
        assertThat(leads.stats().newPerMonth().stream()
                        .filter(m -> m.count() > 0)
                        .count())
                .isGreaterThan(6);
    }
}
