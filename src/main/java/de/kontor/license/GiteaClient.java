package de.kontor.license;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a Gitea server whether a token may read a repository ({@code GET /api/v1/repos/{owner}/{repo}}
 * with {@code Authorization: token ...}) and whose token it is ({@code GET /api/v1/user}). The token
 * never appears in a log line or an exception message.
 */
@Component
class GiteaClient {

    private static final Logger log = LoggerFactory.getLogger(GiteaClient.class);

    /** What Gitea answered about a repository. */
    sealed interface Answer permits Granted, Denied, Unreachable {}

    /** 200: the token can read the repository. */
    record Granted(
            List<String> topics,
            @Nullable String description,
            @Nullable String licensedTo) implements Answer {}

    /** 401, 403 or 404: a definite no. */
    record Denied(int status) implements Answer {}

    /** No answer (connection refused, timeout) or a server error (5xx, a non-Gitea answer). */
    record Unreachable(String why) implements Answer {}

    private final OkHttpClient http;
    private final JsonMapper json;

    GiteaClient(JsonMapper json, LicenseSettings settings) {
        Duration connectTimeout = settings.gitea().connectTimeout();
        Duration readTimeout = settings.gitea().readTimeout();
        this.json = json;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .callTimeout(connectTimeout.plus(readTimeout))
                .followRedirects(false)
                .build();
    }

    Answer repository(GiteaSettings settings, String repository, String token) {
        HttpUrl base = HttpUrl.parse(settings.apiBase());
        if (base == null) {
            return new Unreachable("not a URL: " + settings.baseUrl());
        }
        HttpUrl url = base.newBuilder()
                .addPathSegments("api/v1/repos")
                .addPathSegment(settings.organization())
                .addPathSegment(repository)
                .build();
        try (Response response = http.newCall(get(url, token)).execute()) {
            int status = response.code();
            if (status == 401 || status == 403 || status == 404) {
                return new Denied(status);
            }
            if (status != 200) {
                return new Unreachable("HTTP " + status + " from " + url);
            }
            JsonNode repo = json.readTree(response.body().string());
            if (!repo.isObject() || !repo.has("name")) {
                return new Unreachable("not a Gitea repository answer from " + url);
            }
            List<String> topics = new ArrayList<>();
            repo.path("topics").forEach(t -> topics.add(t.asString()));
            String description = repo.path("description").isString()
                    ? repo.path("description").asString()
                    : null;
            return new Granted(topics, description, user(base, token));
        } catch (IOException e) {
            return new Unreachable(e.getClass().getSimpleName() + " for " + url);
        } catch (JacksonException e) {
            return new Unreachable("unreadable answer from " + url);
        }
    }

    /** The token owner's full name (or login); null when Gitea does not say. */
    private @Nullable String user(HttpUrl base, String token) {
        HttpUrl url = base.newBuilder().addPathSegments("api/v1/user").build();
        try (Response response = http.newCall(get(url, token)).execute()) {
            if (response.code() != 200) {
                return null;
            }
            JsonNode user = json.readTree(response.body().string());
            String fullName = user.path("full_name").asString("");
            return !fullName.isBlank()
                    ? fullName
                    : (user.path("login").asString("").isBlank()
                            ? null
                            : user.path("login").asString());
        } catch (IOException | RuntimeException e) {
            log.debug("Gitea user lookup failed: {}", e.getClass().getSimpleName());
            return null;
        }
    }

    private static Request get(HttpUrl url, String token) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", "token " + token)
                .header("Accept", "application/json")
                .get()
                .build();
    }
}
