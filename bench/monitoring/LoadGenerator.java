import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulates agents against a running Kontor: creates the nodes, backfills 24 hours of samples for the
 * first one, then lets every agent post a report of 34 values every 15 s (and its inventory every
 * minute), spread evenly over the interval, for the given time. Prints ingest latency percentiles,
 * Kontor's and MariaDB's CPU share during the load, the rollup job's time, and a node's 24 h chart query.
 * Only the JDK: {@code java LoadGenerator.java <base url> <admin password> <agents> <seconds> <kontor pid> <mariadb pid>}
 */
public class LoadGenerator {

    static final Random RANDOM = new Random(7);

    static BenchClient api;

    public static void main(String[] args) throws Exception {
        api = new BenchClient(args[0]);
        String password = args[1];
        int agents = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long kontorPid = Long.parseLong(args[4]);
        long mariadbPid = args.length > 5 ? Long.parseLong(args[5]) : 0;

        String admin = api.signIn(password);
        String run = Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime();
        List<BenchClient.Node> nodes = api.createNodes(admin, "bench-" + run, agents);
        List<String> tokens = nodes.stream().map(BenchClient.Node::token).toList();
        System.out.printf("created %d nodes in %d ms%n", agents, (System.nanoTime() - start) / 1_000_000);
        Files.writeString(Path.of(System.getProperty("agentTokenFile", "/dev/null")), tokens.getLast());

        // 24 h of history for the first node, as an agent's buffer would bring it
        long now = System.currentTimeMillis() / 1000;
        start = System.nanoTime();
        for (long from = now - 24 * 3600; from < now - 60; from += 500 * 15) {
            StringBuilder samples = new StringBuilder();
            for (long at = from; at < Math.min(from + 500 * 15, now - 60); at += 15) {
                samples.append(samples.isEmpty() ? "" : ",").append(sample(at));
            }
            var r = api.post("/api/monitoring/agent/v1/report", report(samples.toString(), null), tokens.getFirst());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("backfill: " + r.statusCode() + " " + r.body());
            }
        }
        System.out.printf("backfilled 24 h (5,760 samples) for one node in %d ms%n", (System.nanoTime() - start) / 1_000_000);

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(4);
        var workers = Executors.newVirtualThreadPerTaskExecutor();
        long[] kontorBefore = {cpuTicks(kontorPid), cpuTicks(mariadbPid), System.nanoTime()};
        for (int i = 0; i < agents; i++) {
            String token = tokens.get(i);
            AtomicInteger round = new AtomicInteger();
            timers.scheduleAtFixedRate(() -> workers.submit(() -> {
                long at = System.currentTimeMillis() / 1000;
                String inventory = round.getAndIncrement() % 4 == 0 ? inventory() : null;
                long t0 = System.nanoTime();
                try {
                    var r = api.post("/api/monitoring/agent/v1/report", report(sample(at), inventory), token);
                    if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                latencies.add(System.nanoTime() - t0);
            }), i * 15_000L / agents, 15_000, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(seconds * 1000L);
        long[] after = {cpuTicks(kontorPid), cpuTicks(mariadbPid), System.nanoTime()};
        timers.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double wall = (after[2] - kontorBefore[2]) / 1e9;
        System.out.printf(Locale.ROOT, "ingest: %d reports in %.0f s (%.1f/s), %d errors; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sorted.size(), wall, sorted.size() / wall, errors.get(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.getLast() / 1e6);
        long hz = 100;
        System.out.printf(Locale.ROOT, "CPU during the load (of 2 cores = 200 %%): Kontor %.1f %%, MariaDB %.1f %%%n",
                100.0 * (after[0] - kontorBefore[0]) / hz / wall, 100.0 * (after[1] - kontorBefore[1]) / hz / wall);

        String scrape = BenchClient.field(api.post("/api/monitoring/scrape-tokens", "{\"name\":\"bench\"}", admin).body(), "token");
        String metrics = api.get("/actuator/prometheus", scrape).body();
        System.out.printf(Locale.ROOT, "rollup job: %s runs, total %s s, longest %s s%n",
                metric(metrics, "kontor_monitoring_rollup_seconds_count"),
                metric(metrics, "kontor_monitoring_rollup_seconds_sum"),
                metric(metrics, "kontor_monitoring_rollup_seconds_max"));

        String chart = "/api/monitoring/nodes/" + nodes.getFirst().id() + "/series?metric=cpu&from=" + (now - 24 * 3600) + "&to=" + now;
        List<Long> queries = new ArrayList<>();
        String body = "";
        for (int i = 0; i < 40; i++) {
            long t0 = System.nanoTime();
            body = api.get(chart, admin).body();
            if (i >= 10) {
                queries.add(System.nanoTime() - t0);
            }
        }
        Collections.sort(queries);
        int points = body.split("\\],\\[").length;
        System.out.printf(Locale.ROOT, "24 h chart of one node (%s, %d points): p50 %.1f ms, p99 %.1f ms%n",
                BenchClient.field(body, "resolution"), points, pct(queries, 50), pct(queries, 99));
        System.exit(0);
    }

    static String report(String samples, String inventory) {
        return "{\"agent\":{\"version\":\"1.0\",\"protocol\":1,\"hostname\":\"bench\",\"capabilities\":[]},"
                + "\"sentAt\":" + System.currentTimeMillis() + ",\"samples\":[" + samples + "]"
                + (inventory == null ? "" : ",\"inventory\":" + inventory) + "}";
    }

    /** 34 values like a small server's agent sends: two filesystems, two interfaces, a temperature. */
    static String sample(long at) {
        StringBuilder v = new StringBuilder();
        String[] names = {"cpu", "load1", "load5", "load15", "memory", "swap", "disk", "disk:/", "disk.free:/",
            "disk.inodes:/", "disk:/var", "disk.free:/var", "disk.inodes:/var", "disk.read", "disk.write", "net.rx",
            "net.tx", "net.rx:eth0", "net.tx:eth0", "net.rx.errors:eth0", "net.tx.errors:eth0", "net.rx:eth1",
            "net.tx:eth1", "net.rx.errors:eth1", "net.tx.errors:eth1", "uptime", "processes", "temp:cpu-thermal",
            "disk:/boot", "disk.free:/boot", "disk.inodes:/boot", "disk:/srv", "disk.free:/srv", "disk.inodes:/srv"};
        for (String n : names) {
            v.append(v.isEmpty() ? "" : ",").append('"').append(n).append("\":")
                    .append(String.format(Locale.ROOT, "%.2f", RANDOM.nextDouble() * 100));
        }
        return "{\"at\":" + at + ",\"values\":{" + v + "}}";
    }

    static String inventory() {
        StringBuilder processes = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            processes.append(i == 0 ? "" : ",").append("{\"pid\":").append(1000 + i)
                    .append(",\"user\":\"www-data\",\"cpu\":1.5,\"memory\":2.5,\"command\":\"/usr/sbin/nginx -g daemon on; master_process on;\"}");
        }
        return "{\"at\":" + System.currentTimeMillis() / 1000 + ",\"facts\":{\"hostname\":\"bench\",\"os\":\"Debian GNU/Linux 12 (bookworm)\","
                + "\"kernel\":\"6.1.0-18-amd64\",\"architecture\":\"amd64\",\"cpuModel\":\"Intel Xeon\",\"cpuCores\":4,\"cpuThreads\":8,"
                + "\"memoryBytes\":17179869184,\"swapBytes\":0,\"bootTime\":1700000000,\"disks\":[],\"filesystems\":[]},"
                + "\"processes\":[" + processes + "],\"ports\":[{\"protocol\":\"tcp\",\"address\":\"0.0.0.0\",\"port\":443,\"pid\":1000,"
                + "\"process\":\"nginx\"}],\"containers\":null,\"failedUnits\":[]}";
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static long cpuTicks(long pid) throws Exception {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static String metric(String text, String name) {
        return BenchClient.metric(text, name).orElse("?");
    }



}
