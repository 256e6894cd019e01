package de.kontor.agent;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The agent takes the collection interval Kontor's answer asks for, and keeps its own when none is asked. */
class AgentSettingsTest {

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger reports = new AtomicInteger();
    private volatile String settings = "{\"intervalSeconds\":3,\"inventorySeconds\":60,\"maxSamplesPerReport\":100}";

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!Protocol.REPORT_PATH.equals(request.getUrl().encodedPath())) {
                    return new MockResponse.Builder().code(404).build();
                }
                reports.incrementAndGet();
                return new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "application/json")
                        .body("{\"accepted\":1,\"settings\":" + settings + ",\"pendingCommands\":0}")
                        .build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Agent agent() {
        URI uri = URI.create("http://127.0.0.1:" + server.getPort());
        return new Agent(AgentConfig.of(uri, "node-token", Duration.ofSeconds(1)));
    }

    @Test
    void theIntervalInKontorsAnswerReplacesTheAgentsOwn() {
        try (Agent agent = agent()) {
            assertThat(agent.interval()).isEqualTo(Duration.ofSeconds(1));
            agent.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> reports.get() >= 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> agent.interval().equals(Duration.ofSeconds(3)));

            // Kontor stops asking for an interval: the agent goes back to the one it was started with
            settings = "{\"intervalSeconds\":null,\"inventorySeconds\":60,\"maxSamplesPerReport\":100}";
            int seen = reports.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> reports.get() > seen);
            await().atMost(Duration.ofSeconds(10)).until(() -> agent.interval().equals(Duration.ofSeconds(1)));
        }
    }
}
