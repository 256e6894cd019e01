package de.kontor.license;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Finds licenses whose use looks like sharing or tampering, from what the client API keeps: devices seen
 * (and seats taken over), the client address and clock skew of each heartbeat, and the heartbeats per device
 * and hour. Checked every few minutes by the maintenance job; a license stays flagged while a rule keeps
 * breaking and is cleared once it does not. One SQL statement per rule, grouped per license: the
 * heartbeat index (license, time) keeps each to the last day's rows.
 */
@Component
class LicenseAnomalies {

    private static final Duration DAY = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final LicenseSettings settings;

    LicenseAnomalies(JdbcClient jdbc, LicenseSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    record Finding(long licenseId, AnomalyRule rule, long observed, long threshold) {}

    /** Remembers a seat moving to another machine, for the transfer rule. */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordTransfer(long licenseId, long activationId, Instant at) {
        jdbc.sql("insert into license_transfer (license_id, activation_id, transferred_at) values (?, ?, ?)")
                .params(licenseId, activationId, Timestamp.from(at))
                .update();
    }

    /** What breaks a rule now. */
    List<Finding> evaluate(Instant now) {
        LicenseSettings.Anomalies rules = settings.anomalies();
        Timestamp since = Timestamp.from(now.minus(DAY));
        List<Finding> found = new ArrayList<>();
        found.addAll(findings(
                AnomalyRule.FINGERPRINTS,
                "select * from (select l.id as license_id, "
                        + "(select count(*) from license_activation a where a.license_id = l.id and a.last_seen_at >= :since)"
                        + " + (select count(*) from license_transfer t where t.license_id = l.id"
                        + " and t.transferred_at >= :since) as observed, "
                        + "l.max_activations * :factor as threshold from license l "
                        + "where l.id in (select a.license_id from license_activation a where a.last_seen_at >= :since) "
                        + ") per_license where observed > threshold",
                since,
                "factor",
                rules.fingerprintFactor()));
        found.addAll(findings(
                AnomalyRule.ADDRESSES,
                "select license_id, count(distinct client_address) as observed, :max as threshold "
                        + "from license_heartbeat where received_at >= :since and client_address is not null "
                        + "group by license_id having observed > :max",
                since,
                "max",
                rules.maxAddresses()));
        found.addAll(findings(
                AnomalyRule.TRANSFERS,
                "select license_id, count(*) as observed, :max as threshold from license_transfer "
                        + "where transferred_at >= :since group by license_id having observed > :max",
                Timestamp.from(now.minus(rules.transferWindow())),
                "max",
                rules.maxTransfers()));
        found.addAll(findings(
                AnomalyRule.CLOCK_SKEW,
                "select license_id, max(abs(clock_skew_seconds)) as observed, :max as threshold "
                        + "from license_heartbeat where received_at >= :since and clock_skew_seconds is not null "
                        + "group by license_id having observed > :max",
                since,
                "max",
                rules.maxClockSkew().toSeconds()));
        found.addAll(findings(
                AnomalyRule.BURST,
                "select license_id, max(beats) as observed, :max as threshold from ("
                        + "select license_id, count(*) as beats from license_heartbeat where received_at >= :since "
                        + "group by license_id, activation_id, date_format(received_at, '%Y-%m-%d %H')) per_hour "
                        + "group by license_id having observed > :max",
                since,
                "max",
                rules.maxHeartbeatsPerHour()));
        return found;
    }

    /** Stores what breaks a rule now and clears what no longer does; returns the licenses flagged. */
    @Transactional(propagation = Propagation.MANDATORY)
    int check(Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Finding> found = evaluate(now);
        for (Finding f : found) {
            jdbc.sql(
                            "insert into license_anomaly (license_id, rule_name, observed, threshold, detected_at, checked_at) "
                                    + "values (?, ?, ?, ?, ?, ?) on duplicate key update observed = values(observed), "
                                    + "threshold = values(threshold), checked_at = values(checked_at)")
                    .params(f.licenseId(), f.rule().name(), f.observed(), f.threshold(), at, at)
                    .update();
        }
        jdbc.sql("delete from license_anomaly where checked_at < ?").param(at).update();
        return (int) found.stream().map(Finding::licenseId).distinct().count();
    }

    List<LicenseAnomaly> of(long licenseId) {
        return jdbc.sql("select license_id, rule_name, observed, threshold, detected_at from license_anomaly "
                        + "where license_id = ? order by rule_name")
                .param(licenseId)
                .query((rs, n) -> new LicenseAnomaly(
                        rs.getLong("license_id"),
                        AnomalyRule.valueOf(rs.getString("rule_name")),
                        rs.getLong("observed"),
                        rs.getLong("threshold"),
                        rs.getTimestamp("detected_at").toInstant()))
                .list();
    }

    /** The licenses flagged now (few: the list's filter reads them first). */
    Set<Long> flaggedLicenses() {
        return Set.copyOf(jdbc.sql("select distinct license_id from license_anomaly")
                .query(Long.class)
                .list());
    }

    /** Which of {@code licenseIds} are flagged. */
    Set<Long> flagged(Collection<Long> licenseIds) {
        if (licenseIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select distinct license_id from license_anomaly where license_id in (:ids)")
                .param("ids", licenseIds)
                .query(Long.class)
                .list());
    }

    private List<Finding> findings(AnomalyRule rule, String sql, Timestamp since, String name, long value) {
        return jdbc.sql(sql)
                .param("since", since)
                .param(name, value)
                .query((rs, n) ->
                        new Finding(rs.getLong("license_id"), rule, rs.getLong("observed"), rs.getLong("threshold")))
                .list();
    }
}
