package de.kontor.monitoring.api;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;
import de.kontor.agent.Protocol.AgentInfo;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Sample;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringService;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/monitoring/report} over real HTTP: files, validation and who may ask. */
class ReportApiTest extends IntegrationTest {

    @Autowired
    MonitoringService monitoring;

    @Autowired
    UserService users;

    private HttpClientSupport http;
    private String admin;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
        admin = http.token(ADMIN, ADMIN_PASSWORD);
    }

    private long node(String name) {
        long id = monitoring.addNode(new NewNode(name, List.of())).nodeId();
        long now = clock.instant().getEpochSecond();
        monitoring.report(
                id,
                new Report(
                        new AgentInfo("test", 1, "host", List.of()),
                        clock.millis(),
                        List.of(
                                new Sample(now - 30, Map.of("cpu", 10.0, "memory", 40.0)),
                                new Sample(now - 15, Map.of("cpu", 30.0, "memory", 40.0))),
                        null),
                null);
        return id;
    }

    private static String period(long from, long to) {
        return "&from=" + from + "&to=" + to;
    }

    @Test
    void csvAndPdfComeAsAttachments() {
        String name = unique("api-report");
        long id = node(name);
        long now = clock.instant().getEpochSecond();

        Response csv =
                http.get("/api/monitoring/report?nodeIds=" + id + period(now - 3600, now + 1) + "&format=csv", admin);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains(".csv");
        assertThat(csv.body()).contains(name + ",cpu,").contains(name + ",memory,");

        Response pdf = http.get("/api/monitoring/report?nodeIds=" + id + "," + id + "&format=PDF", admin);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains(".pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        long id = node(unique("api-bad"));
        long now = clock.instant().getEpochSecond();

        expectProblem("/api/monitoring/report?format=pdf", 400, "NODES_REQUIRED");
        expectProblem("/api/monitoring/report?nodeIds=1,x", 400, "NODE_IDS_INVALID");
        expectProblem("/api/monitoring/report?nodeIds=" + id + "&format=docx", 400, "INVALID_FORMAT");
        expectProblem("/api/monitoring/report?nodeIds=" + id + "&from=yesterday", 400, "TIME_INVALID");
        expectProblem("/api/monitoring/report?nodeIds=" + id + period(now, now - 60), 400, "RANGE_EMPTY");
        expectProblem("/api/monitoring/report?nodeIds=" + id + period(now - 500L * 86400, now), 400, "RANGE_TOO_OLD");
        expectProblem("/api/monitoring/report?nodeIds=" + id + ",999999999", 404, "NODE_NOT_FOUND");
    }

    private void expectProblem(String path, int status, String code) {
        Response r = http.get(path, admin);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo(code);
    }

    @Test
    void onlyAdminsGetReports() {
        long id = node(unique("api-who"));
        String member = unique("report-member");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        users.createUser(new NewUser(member, "M", null, EnumSet.of(Role.MEMBER), "Member-Pass-1234"));
        SecurityContextHolder.clearContext();
        String memberToken = http.token(member, "Member-Pass-1234");

        assertThat(http.get("/api/monitoring/report?nodeIds=" + id, null).status())
                .isEqualTo(401);
        assertThat(http.get("/api/monitoring/report?nodeIds=" + id, memberToken).status())
                .isEqualTo(403);
    }
}
