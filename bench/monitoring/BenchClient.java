import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the monitoring benchmarks share: one HTTP client on a running Kontor's API, the admin's sign-in,
 * nodes with their agent tokens, and reading the few JSON fields and Prometheus values they need. Only the JDK.
 */
final class BenchClient {

    /** A node the benchmark created, with the token its agent reports with. */
    record Node(long id, String token) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();
    private final String base;

    BenchClient(String base) {
        this.base = base;
    }

    /** The admin's bearer token. */
    String signIn(String password) throws Exception {
        return field(post("/api/auth/token", "{\"username\":\"admin\",\"password\":\"" + password + "\"}", null)
                .body(), "token");
    }

    /** Nodes named {@code <prefix>-0} and on, tagged "bench". */
    List<Node> createNodes(String admin, String prefix, int count) throws Exception {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = post("/api/monitoring/nodes",
                    "{\"name\":\"" + prefix + "-" + i + "\",\"tags\":[\"bench\"]}", admin).body();
            nodes.add(new Node(Long.parseLong(field(body, "id")), field(body, "token")));
        }
        return nodes;
    }

    HttpResponse<String> post(String path, String json, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first value of the field in a JSON answer (enough for ids and tokens). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** A value of Prometheus text format, if the metric is there. */
    static Optional<String> metric(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(text);
        return m.find() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
