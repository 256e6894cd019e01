package de.kontor.monitoring;

import de.kontor.agent.MetricNames;
import de.kontor.monitoring.MonitoringModel.Health;
import de.kontor.monitoring.MonitoringModel.HealthReason;
import de.kontor.monitoring.MonitoringModel.NodeStatus;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node's health from 0 to 100: 100 minus points for what needs attention, read from its newest values.
 * UNREACHABLE is 0; a node that never reported has no score. The rules (docs/monitoring.md lists them):
 * CPU ≥ 90 % −30, ≥ 80 % −15; memory ≥ 95 % −30, ≥ 90 % −20, ≥ 80 % −5; fullest filesystem ≥ 95 % −40,
 * ≥ 90 % −25, ≥ 80 % −10; swap ≥ 50 % −10; each failed systemd unit −10 (at most −30); and for Kontor's
 * own server: database unreachable −50, license API not answering −20, scheduler stopped −20, e-mails
 * failing −10.
 */
final class HealthScores {

    private HealthScores() {}

    static Health of(NodeStatus status, Map<String, Double> latest, int failedUnits) {
        if (status == NodeStatus.PENDING) {
            return new Health(null, List.of(new HealthReason("NO_DATA", null, null, 0)));
        }
        if (status == NodeStatus.UNREACHABLE) {
            return new Health(0, List.of(new HealthReason("UNREACHABLE", null, null, 100)));
        }
        List<HealthReason> reasons = new ArrayList<>();
        above(reasons, latest, MetricNames.CPU, "CPU_HIGH", new double[] {90, 80}, new int[] {30, 15});
        above(reasons, latest, MetricNames.MEMORY, "MEMORY_HIGH", new double[] {95, 90, 80}, new int[] {30, 20, 5});
        above(reasons, latest, MetricNames.DISK, "DISK_FULL", new double[] {95, 90, 80}, new int[] {40, 25, 10});
        above(reasons, latest, MetricNames.SWAP, "SWAP_USED", new double[] {50}, new int[] {10});
        if (failedUnits > 0) {
            reasons.add(new HealthReason("FAILED_UNITS", null, (double) failedUnits, Math.min(30, failedUnits * 10)));
        }
        down(reasons, latest, KontorChecks.DATABASE, "DATABASE_DOWN", 50);
        down(reasons, latest, KontorChecks.LICENSE_API, "LICENSE_API_DOWN", 20);
        down(reasons, latest, KontorChecks.SCHEDULER, "SCHEDULER_STOPPED", 20);
        Double mail = latest.get(KontorChecks.MAIL_FAILURES);
        if (mail != null && mail > 0) {
            reasons.add(new HealthReason("MAIL_FAILING", KontorChecks.MAIL_FAILURES, mail, 10));
        }
        above(reasons, latest, KontorChecks.BACKUP_FAILED, "BACKUP_FAILED", new double[] {1}, new int[] {10});
        int score = 100 - reasons.stream().mapToInt(HealthReason::penalty).sum();
        return new Health(Math.max(0, score), List.copyOf(reasons));
    }

    private static void above(
            List<HealthReason> reasons,
            Map<String, Double> latest,
            String metric,
            String code,
            double[] thresholds,
            int[] penalties) {
        @Nullable Double value = latest.get(metric);
        if (value == null) {
            return;
        }
        for (int i = 0; i < thresholds.length; i++) {
            if (value >= thresholds[i]) {
                reasons.add(new HealthReason(code, metric, value, penalties[i]));
                return;
            }
        }
    }

    private static void down(
            List<HealthReason> reasons, Map<String, Double> latest, String metric, String code, int penalty) {
        Double value = latest.get(metric);
        if (value != null && value < 1) {
            reasons.add(new HealthReason(code, metric, value, penalty));
        }
    }
}
