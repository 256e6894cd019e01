package de.kontor.agent;

import de.kontor.agent.Protocol.AgentInfo;
import de.kontor.agent.Protocol.Answer;
import de.kontor.agent.Protocol.Report;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent's side of the report exchange over TLS, against a server with a self-signed certificate. */
class KontorClientTest {

    private final HeldCertificate selfSigned = new HeldCertificate.Builder()
            .commonName("kontor.internal")
            .addSubjectAlternativeName("kontor.internal")
            .build();
    private final MockWebServer server = new MockWebServer();
    private URI uri;

    @BeforeEach
    void start() throws IOException {
        server.useHttps(new HandshakeCertificates.Builder()
                .heldCertificate(selfSigned)
                .build()
                .sslSocketFactory());
        server.start();
        // the certificate names another host: with a pin the name does not matter, the key does
        uri = URI.create("https://localhost:" + server.getPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Report report() {
        return new Report(
                new AgentInfo("1.0", Protocol.VERSION, "web-1", List.of()),
                1_800_000_000_000L,
                List.of(new Sample(1_800_000_000L, Map.of("cpu", 12.5))),
                null);
    }

    @Test
    void aSelfSignedCertificateIsRefusedWithoutAPin() {
        KontorClient client = new KontorClient(uri, "tok", List.of());
        assertThatThrownBy(() -> client.report(report())).isInstanceOf(SSLException.class);
    }

    @Test
    void aSelfSignedCertificateWithThePinnedKeyIsTrustedAndTheReportArrives() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body("{\"accepted\":1,\"settings\":{\"intervalSeconds\":30,\"inventorySeconds\":60,"
                        + "\"maxSamplesPerReport\":100},\"pendingCommands\":0,\"somethingNewer\":true}")
                .build());
        KontorClient client = new KontorClient(uri, "tok-123", List.of(KontorClient.pinOf(selfSigned.certificate())));

        Answer answer = client.report(report());

        assertThat(answer.accepted()).isEqualTo(1);
        assertThat(answer.settings().intervalSeconds()).isEqualTo(30);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo(Protocol.REPORT_PATH);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
        String body = request.getBody().utf8();
        assertThat(body).contains("\"hostname\":\"web-1\"", "\"cpu\":12.5").doesNotContain("inventory");
    }

    @Test
    void aCertificateWithAnotherKeyIsRefusedEvenWithAPin() {
        HeldCertificate other = new HeldCertificate.Builder().build();
        KontorClient client = new KontorClient(uri, "tok", List.of(KontorClient.pinOf(other.certificate())));
        assertThatThrownBy(() -> client.report(report()))
                .isInstanceOf(SSLException.class)
                .hasStackTraceContaining("none of the pinned keys");
    }

    @Test
    void aRefusedTokenIsToldApartFromAnUnreachableServer() {
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .body("{\"code\":\"INVALID_NODE_TOKEN\"}")
                .build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        KontorClient client = new KontorClient(uri, "old", List.of(KontorClient.pinOf(selfSigned.certificate())));
        assertThatThrownBy(() -> client.report(report()))
                .isInstanceOf(KontorClient.Refused.class)
                .hasMessageContaining("INVALID_NODE_TOKEN");
        assertThatThrownBy(() -> client.report(report()))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(KontorClient.Refused.class)
                .hasMessageContaining("503");
    }
}
