package de.kontor.license;

import de.kontor.HttpClientSupport;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Gitea server's API over real HTTP (OkHttp's MockWebServer), answering in Gitea's JSON shapes:
 * {@code GET /api/v1/repos/{owner}/{repo}} (private repositories: 404 for tokens without access, as
 * Gitea does; 403 for a token without the repository scope; 401 for an unknown token) and
 * {@code GET /api/v1/user}. {@link #down(boolean)} answers 503 like a Gitea behind a proxy during an
 * outage; {@link #close()} refuses connections.
 */
public final class GiteaEmulator implements AutoCloseable {

    private record Repo(
            String owner,
            String name,
            List<String> topics,
            @Nullable String description) {}

    private record User(String login, String fullName, boolean repoScope, Set<String> repos) {}

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final Map<String, User> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger repoRequests = new AtomicInteger();
    private final List<String> authorizations = new ArrayList<>();
    private volatile boolean down;

    public GiteaEmulator() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    public GiteaEmulator repository(String owner, String name, @Nullable String description, String... topics) {
        repos.put(owner + "/" + name, new Repo(owner, name, List.of(topics), description));
        return this;
    }

    public GiteaEmulator user(String token, String login, String fullName, String... readableRepos) {
        tokens.put(token, new User(login, fullName, true, new HashSet<>(List.of(readableRepos))));
        return this;
    }

    /** A token whose scopes do not include reading repositories (Gitea answers 403). */
    public GiteaEmulator tokenWithoutRepoScope(String token, String login) {
        tokens.put(token, new User(login, login, false, Set.of()));
        return this;
    }

    public void revokeAccess(String token, String fullRepo) {
        tokens.get(token).repos().remove(fullRepo);
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** Requests for repositories so far (the license check; user lookups are not counted). */
    public int repoRequests() {
        return repoRequests.get();
    }

    public synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private MockResponse answer(RecordedRequest request) {
        if (down) {
            return new MockResponse.Builder()
                    .code(503)
                    .body("<html><body>502 Bad Gateway</body></html>")
                    .build();
        }
        String path = request.getUrl().encodedPath();
        String authorization = request.getHeaders().get("Authorization");
        synchronized (this) {
            authorizations.add(authorization);
        }
        User user = authorization != null && authorization.startsWith("token ")
                ? tokens.get(authorization.substring("token ".length()))
                : null;
        if (path.startsWith("/api/v1/repos/")) {
            repoRequests.incrementAndGet();
            if (user == null) {
                return json(
                        401,
                        Map.of("message", "user does not exist [uid: 0, name: ]", "url", baseUrl() + "/api/swagger"));
            }
            if (!user.repoScope()) {
                return json(
                        403,
                        Map.of(
                                "message",
                                "token does not have at least one of required scope(s): [read:repository]",
                                "url",
                                baseUrl() + "/api/swagger"));
            }
            String full = path.substring("/api/v1/repos/".length());
            Repo repo = repos.get(full);
            if (repo == null || !user.repos().contains(full)) {
                return json(
                        404,
                        Map.of(
                                "errors",
                                List.of(),
                                "message",
                                "The target couldn't be found.",
                                "url",
                                baseUrl() + "/api/swagger"));
            }
            return json(200, repoJson(repo));
        }
        if (path.equals("/api/v1/user")) {
            if (user == null) {
                return json(401, Map.of("message", "user does not exist [uid: 0, name: ]"));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", Math.abs(user.login().hashCode()));
            body.put("login", user.login());
            body.put("full_name", user.fullName());
            body.put("email", user.login() + "@example.org");
            body.put("is_admin", false);
            return json(200, body);
        }
        return json(404, Map.of("message", "not found"));
    }

    private Map<String, Object> repoJson(Repo repo) {
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("id", 3);
        owner.put("login", repo.owner());
        owner.put("full_name", "");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Math.abs(repo.name().hashCode()));
        body.put("owner", owner);
        body.put("name", repo.name());
        body.put("full_name", repo.owner() + "/" + repo.name());
        body.put("description", repo.description() == null ? "" : repo.description());
        body.put("empty", false);
        body.put("private", true);
        body.put("fork", false);
        body.put("html_url", baseUrl() + "/" + repo.owner() + "/" + repo.name());
        body.put("default_branch", "main");
        body.put("topics", repo.topics());
        body.put("permissions", Map.of("admin", false, "push", false, "pull", true));
        return body;
    }

    private static MockResponse json(int status, Object body) {
        try {
            return new MockResponse.Builder()
                    .code(status)
                    .addHeader("Content-Type", "application/json;charset=utf-8")
                    .body(HttpClientSupport.JSON.writeValueAsString(body))
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
