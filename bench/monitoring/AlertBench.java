import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert rule evaluation at scale against a running Kontor: creates the nodes, gives each one report (CPU,
 * memory, swap, load and three filesystems; about a tenth above the thresholds), adds rules until there are
 * the given number (the shipped ones count), then waits for evaluation cycles of the clustered job and reads
 * their time from {@code /actuator/prometheus} ({@code kontor_monitoring_alerts_seconds}: count, sum, max).
 * Only the JDK: {@code java AlertBench.java <base url> <admin password> <scrape token> <nodes> <rules> <cycles>}
 */
public class AlertBench {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();
    static final Random RANDOM = new Random(11);
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String password = args[1];
        String scrape = args[2];
        int nodes = Integer.parseInt(args[3]);
        int rules = Integer.parseInt(args[4]);
        int cycles = Integer.parseInt(args[5]);
        String admin = field(post("/api/auth/token", "{\"username\":\"admin\",\"password\":\"" + password + "\"}", null)
                .body(), "token");
        String run = Long.toString(System.currentTimeMillis(), 36);

        long start = System.nanoTime();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            String body = post("/api/monitoring/nodes",
                    "{\"name\":\"alerts-" + run + "-" + i + "\",\"tags\":[\"bench\"]}", admin).body();
            tokens.add(field(body, "token"));
        }
        for (String token : tokens) {
            var r = post("/api/monitoring/agent/v1/report", report(), token);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("report: " + r.statusCode() + " " + r.body());
            }
        }
        System.out.printf("created %d nodes with a report each in %d ms%n", nodes, (System.nanoTime() - start) / 1_000_000);

        String[][] extra = {
            {"load1", ">", "4"}, {"swap", ">", "50"}, {"memory", ">", "95"}, {"cpu", ">", "95"}, {"disk", ">=", "99"},
            {"load5", ">", "8"}, {"disk:*", ">", "80"}, {"memory", "<", "1"}, {"load15", ">", "6"}, {"cpu", "<", "0.1"}
        };
        int existing = count(get("/api/monitoring/rules", admin).body(), "\"metric\"");
        for (int i = 0; existing + i < rules && i < extra.length; i++) {
            String[] r = extra[i];
            var created = post("/api/monitoring/rules", "{\"name\":\"bench " + run + " " + i + "\",\"metric\":\"" + r[0]
                    + "\",\"operator\":\"" + r[1] + "\",\"threshold\":" + r[2]
                    + ",\"forSeconds\":0,\"severity\":\"WARNING\",\"channelIds\":[]}", admin);
            if (created.statusCode() != 201) {
                throw new IllegalStateException("rule: " + created.statusCode() + " " + created.body());
            }
        }
        int total = count(get("/api/monitoring/rules", admin).body(), "\"metric\"");
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
        String firing = get("/api/monitoring/alerts?state=ALL&size=200", admin).body();
        System.out.printf("alerts pending, firing or resolved: %d (first page of 200)%n", count(firing, "\"state\""));
    }

    /** count, sum and max of the alert cycle timer. */
    static double[] timer(String scrape) throws Exception {
        String text = get("/actuator/prometheus", scrape).body();
        return new double[] {
            metric(text, "kontor_monitoring_alerts_seconds_count"),
            metric(text, "kontor_monitoring_alerts_seconds_sum"),
            metric(text, "kontor_monitoring_alerts_seconds_max")
        };
    }

    static double metric(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
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

    static HttpResponse<String> post(String path, String json, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String bearer) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
