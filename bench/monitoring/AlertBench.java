import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * Alert rule evaluation at scale against a running Kontor: creates the nodes, gives each one report (CPU,
 * memory, swap, load and three filesystems; about a tenth above the thresholds), adds rules until there are
 * the given number (the shipped ones count), then waits for evaluation cycles of the clustered job and reads
 * their time from {@code /actuator/prometheus} ({@code kontor_monitoring_alerts_seconds}: count, sum, max).
 * Only the JDK: {@code java AlertBench.java <base url> <admin password> <scrape token> <nodes> <rules> <cycles>}
 */
public class AlertBench {

    static final Random RANDOM = new Random(11);
    static BenchClient api;

    public static void main(String[] args) throws Exception {
        api = new BenchClient(args[0]);
        String password = args[1];
        String scrape = args[2];
        int nodes = Integer.parseInt(args[3]);
        int rules = Integer.parseInt(args[4]);
        int cycles = Integer.parseInt(args[5]);
        String admin = api.signIn(password);
        String run = Long.toString(System.currentTimeMillis(), 36);

        long start = System.nanoTime();
        for (BenchClient.Node node : api.createNodes(admin, "alerts-" + run, nodes)) {
            var r = api.post("/api/monitoring/agent/v1/report", report(), node.token());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("report: " + r.statusCode() + " " + r.body());
            }
        }
        System.out.printf("created %d nodes with a report each in %d ms%n", nodes, (System.nanoTime() - start) / 1_000_000);

        String[][] extra = {
            {"load1", ">", "4"}, {"swap", ">", "50"}, {"memory", ">", "95"}, {"cpu", ">", "95"}, {"disk", ">=", "99"},
            {"load5", ">", "8"}, {"disk:*", ">", "80"}, {"memory", "<", "1"}, {"load15", ">", "6"}, {"cpu", "<", "0.1"}
        };
        int existing = count(api.get("/api/monitoring/rules", admin).body(), "\"metric\"");
        for (int i = 0; existing + i < rules && i < extra.length; i++) {
            String[] r = extra[i];
            var created = api.post("/api/monitoring/rules", "{\"name\":\"bench " + run + " " + i + "\",\"metric\":\"" + r[0]
                    + "\",\"operator\":\"" + r[1] + "\",\"threshold\":" + r[2]
                    + ",\"forSeconds\":0,\"severity\":\"WARNING\",\"channelIds\":[]}", admin);
            if (created.statusCode() != 201) {
                throw new IllegalStateException("rule: " + created.statusCode() + " " + created.body());
            }
        }
        int total = count(api.get("/api/monitoring/rules", admin).body(), "\"metric\"");
        System.out.printf("%d rules (the shipped ones included)%n", total);

        double[] before = timer(scrape);
        System.out.printf("waiting for %d evaluation cycles ...%n", cycles);
        double[] after = before;
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (after[0] < before[0] + cycles && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            after = timer(scrape);
        }
        double n = after[0] - before[0];
        System.out.printf(Locale.ROOT, "%d nodes x %d rules: %.0f cycles, mean %.0f ms per cycle, max %.0f ms (max since start)%n",
                nodes, total, n, n == 0 ? 0 : (after[1] - before[1]) / n * 1000, after[2] * 1000);
        String firing = api.get("/api/monitoring/alerts?state=ALL&size=200", admin).body();
        System.out.printf("alerts pending, firing or resolved: %d (first page of 200)%n", count(firing, "\"state\""));
    }

    /** count, sum and max of the alert cycle timer. */
    static double[] timer(String scrape) throws Exception {
        String text = api.get("/actuator/prometheus", scrape).body();
        return new double[] {
            metric(text, "kontor_monitoring_alerts_seconds_count"),
            metric(text, "kontor_monitoring_alerts_seconds_sum"),
            metric(text, "kontor_monitoring_alerts_seconds_max")
        };
    }

    static double metric(String text, String name) {
        return BenchClient.metric(text, name).map(Double::parseDouble).orElse(0.0);
    }

    static String report() {
        long now = System.currentTimeMillis();
        boolean hot = RANDOM.nextInt(10) == 0;
        String values = String.format(Locale.ROOT,
                "\"cpu\":%.1f,\"memory\":%.1f,\"swap\":%.1f,\"load1\":%.2f,\"load5\":%.2f,\"load15\":%.2f,\"disk\":%.1f,"
                        + "\"disk:/\":%.1f,\"disk:/var\":%.1f,\"disk:/home\":%.1f",
                hot ? 85 + RANDOM.nextDouble() * 15 : RANDOM.nextDouble() * 70,
                hot ? 92 + RANDOM.nextDouble() * 8 : 20 + RANDOM.nextDouble() * 60,
                RANDOM.nextDouble() * 60,
                RANDOM.nextDouble() * 6,
                RANDOM.nextDouble() * 5,
                RANDOM.nextDouble() * 4,
                hot ? 95.0 : 60.0,
                hot ? 95.0 : 60.0,
                RANDOM.nextDouble() * 90,
                RANDOM.nextDouble() * 50);
        return "{\"agent\":{\"version\":\"bench\",\"protocol\":1,\"hostname\":\"bench\",\"capabilities\":[]},\"sentAt\":" + now
                + ",\"samples\":[{\"at\":" + now / 1000 + ",\"values\":{" + values + "}}]}";
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }



}
