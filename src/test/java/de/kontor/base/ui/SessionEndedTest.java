package de.kontor.base.ui;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser whose session is gone (its node went away and the load balancer sent it to another one, or Kontor
 * was restarted) sends its next UI request with a session cookie nobody knows and is told "session expired".
 * What it then shows comes with the page when it starts: Kontor's "please sign in again" in the user's
 * language, instead of Vaadin's silent reload.
 */
class SessionEndedTest extends IntegrationTest {

    private HttpResponse<String> uiRequestOfAGoneSession(String language) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept-Language", language)
                .header("Cookie", "JSESSIONID=" + unique("gone-with-its-node"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":3,\"clientId\":3}"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** What the page's client gets at its start: its configuration, with the texts for an ended session. */
    private HttpResponse<String> pageStart(String language) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/?v-r=init&location=login&query="))
                .header("Accept-Language", language)
                .GET()
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theNodeThatDoesNotKnowTheSessionSaysItExpired() throws Exception {
        HttpResponse<String> answer = uiRequestOfAGoneSession("de-DE,de;q=0.9");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"sessionExpired\":true");
    }

    @Test
    void thePageCarriesPleaseSignInAgainInTheUsersLanguage() throws Exception {
        HttpResponse<String> german = pageStart("de-DE,de;q=0.9");
        HttpResponse<String> english = pageStart("en-GB,en;q=0.9");

        assertThat(german.statusCode()).isEqualTo(200);
        JsonNode germanTexts = sessionExpiredTexts(german.body());
        assertThat(germanTexts.path("caption").asString()).isEqualTo("Bitte melde dich erneut an");
        assertThat(germanTexts.path("message").asString()).contains("Sitzung ist beendet");
        assertThat(english.statusCode()).isEqualTo(200);
        JsonNode englishTexts = sessionExpiredTexts(english.body());
        assertThat(englishTexts.path("caption").asString()).isEqualTo("Please sign in again");
        assertThat(englishTexts.path("message").asString()).contains("session has ended");
    }

    private static JsonNode sessionExpiredTexts(String initResponse) {
        JsonNode texts = HttpClientSupport.JSON.readTree(initResponse).findValue("sessExpMsg");
        assertThat(texts).as(initResponse).isNotNull();
        return texts;
    }
}
