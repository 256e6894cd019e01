package de.kontor.monitoring;

import de.kontor.IntegrationTest;
import de.kontor.TestMail;
import de.kontor.agent.Inventory;
import de.kontor.agent.Protocol.AgentInfo;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Sample;
import de.kontor.base.error.DomainException;
import de.kontor.base.export.ExportFormat;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringModel.Point;
import de.kontor.monitoring.ReportModel.MetricStats;
import de.kontor.monitoring.ReportModel.NodeStats;
import de.kontor.monitoring.ReportModel.ReportFile;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reports: statistics, the PDF and CSV files, the weekly e-mail. */
class MonitoringReportsTest extends IntegrationTest {

    @Autowired
    MonitoringService monitoring;

    @Autowired
    UserService users;

    @Autowired
    ZoneId zone;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    /** A node with 20 samples, 15 s apart and ending now: cpu 1 … 20, memory 50, disk 70. */
    long nodeWithSamples(String name) {
        long id = monitoring.addNode(new NewNode(name, List.of())).nodeId();
        report(id, 20, i -> Map.of("cpu", (double) i + 1, "memory", 50.0, "disk", 70.0), null);
        return id;
    }

    interface Values {
        Map<String, Double> at(int index);
    }

    void report(long id, int count, Values values, @Nullable Inventory inventory) {
        report(id, count, values, inventory, 0);
    }

    /** Samples 15 s apart, the last one {@code endsAgo} seconds before now. */
    void report(long id, int count, Values values, @Nullable Inventory inventory, long endsAgo) {
        long now = clock.instant().getEpochSecond() - endsAgo;
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new Sample(now - (count - 1 - i) * 15L, values.at(i)));
        }
        monitoring.report(
                id,
                new Report(new AgentInfo("test", 1, "host", List.of()), clock.millis(), samples, inventory),
                "127.0.0.1");
    }

    @Test
    void statisticsAreAverageNinetyFifthPercentileAndMaximumOfTheSamples() {
        long id = nodeWithSamples(unique("stats"));
        Instant now = clock.instant();

        List<NodeStats> stats = monitoring.reportStats(List.of(id), now.minus(Duration.ofHours(1)), now.plusSeconds(1));

        MetricStats cpu = stats.getFirst().metrics().getFirst();
        assertThat(cpu.metric()).isEqualTo("cpu");
        assertThat(cpu.avg()).isEqualTo(10.5);
        assertThat(cpu.p95()).isEqualTo(19.0);
        assertThat(cpu.max()).isEqualTo(20.0);
        assertThat(cpu.samples()).isEqualTo(20);
        MetricStats load = stats.getFirst().metrics().stream()
                .filter(m -> m.metric().equals("load1"))
                .findFirst()
                .orElseThrow();
        assertThat(load.avg()).as("never reported").isNull();
    }

    @Test
    void sparklinesOfSeveralNodesArePerMinuteAveragesFromOneQuery() {
        long a = nodeWithSamples(unique("spark-a"));
        long b = nodeWithSamples(unique("spark-b"));
        long pending =
                monitoring.addNode(new NewNode(unique("spark-none"), List.of())).nodeId();
        Instant now = clock.instant();
        Map<Long, Double> expected = new TreeMap<>();
        Map<Long, Integer> counts = new TreeMap<>();
        for (int i = 0; i < 20; i++) {
            long minute = Math.floorDiv(now.getEpochSecond() - (19 - i) * 15L, 60) * 60;
            expected.merge(minute, i + 1.0, Double::sum);
            counts.merge(minute, 1, Integer::sum);
        }
        expected.replaceAll((minute, sum) -> sum / counts.get(minute));

        Map<Long, List<Point>> lines = monitoring.sparklines(
                List.of(a, b, pending), "cpu", now.minus(Duration.ofHours(1)), now.plusSeconds(1));

        assertThat(lines).containsOnlyKeys(a, b);
        for (long id : List.of(a, b)) {
            Map<Long, Double> actual = new TreeMap<>();
            lines.get(id).forEach(p -> actual.put(p.at(), p.value()));
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void pdfHasThePeriodTheNodesAndATableOfAverageP95AndMaximum() throws Exception {
        String first = unique("pdf-web");
        String second = unique("pdf-db");
        long a = nodeWithSamples(first);
        long b = nodeWithSamples(second);
        Instant now = clock.instant();

        ReportFile file = monitoring.report(
                List.of(a, b), now.minus(Duration.ofHours(2)), now.plusSeconds(1), ExportFormat.PDF, Locale.ENGLISH);

        assertThat(file.fileName()).startsWith("monitoring-report-").endsWith(".pdf");
        assertThat(file.contentType()).isEqualTo("application/pdf");
        PdfReader reader = new PdfReader(file.content());
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            all.append(extractor.getTextFromPage(page)).append('\n');
        }
        String text = all.toString().replaceAll("\\s+", " ");
        assertThat(text)
                .contains("Monitoring report")
                .contains("Nodes: " + first + ", " + second)
                .contains("Network received")
                .contains("Average", "p95", "Maximum")
                .contains(second);
        // the extractor runs table cells together: compare without white space
        assertThat(text.replace(" ", ""))
                .contains(first + "CPU10.5%19.0%20.0%Memory50.0%50.0%50.0%")
                .contains(second + "CPU10.5%19.0%20.0%");
    }

    @Test
    void csvHasOneLinePerPointAndNeutralisesFormulaLikeNames() throws Exception {
        String name = "=HYPERLINK(" + unique("x") + ")";
        long id = nodeWithSamples(name);
        Instant now = clock.instant();

        ReportFile file = monitoring.report(
                List.of(id), now.minus(Duration.ofHours(1)), now.plusSeconds(1), ExportFormat.CSV, Locale.ENGLISH);

        assertThat(file.fileName()).endsWith(".csv");
        String text = new String(file.content(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(rows.getFirst().values()).containsExactly("Node", "Metric", "Time", "Epoch seconds", "Value");
        List<CSVRecord> cpu = rows.stream().filter(r -> r.get(1).equals("cpu")).toList();
        assertThat(cpu).hasSize(20);
        assertThat(cpu.getFirst().get(0)).as("CSV injection").isEqualTo("'" + name);
        assertThat(cpu.getLast().get(4)).isEqualTo("20");
        long epoch = Long.parseLong(cpu.getLast().get(3));
        assertThat(epoch).isBetween(now.getEpochSecond() - 5, now.getEpochSecond());
        assertThat(cpu.getLast().get(2))
                .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .withZone(zone)
                        .format(Instant.ofEpochSecond(epoch)));
        assertThat(rows.stream().filter(r -> r.get(1).equals("memory"))).hasSize(20);
    }

    @Test
    void excelHoldsTheSameSeriesAsTheCsv() throws Exception {
        String name = unique("xlsx-node");
        long id = nodeWithSamples(name);
        Instant now = clock.instant();

        ReportFile file = monitoring.report(
                List.of(id), now.minus(Duration.ofHours(1)), now.plusSeconds(1), ExportFormat.XLSX, Locale.ENGLISH);

        assertThat(file.fileName()).endsWith(".xlsx");
        assertThat(file.contentType()).isEqualTo(ExportFormat.XLSX.contentType());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            Sheet sheet = book.getSheetAt(0);
            List<Row> cpu = new ArrayList<>();
            for (Row row : sheet) {
                Cell metric = row.getCell(1);
                if (metric != null
                        && metric.getCellType() == CellType.STRING
                        && metric.getStringCellValue().equals("cpu")) {
                    cpu.add(row);
                }
            }
            assertThat(cpu).hasSize(20);
            assertThat(cpu.getFirst().getCell(0).getStringCellValue()).isEqualTo(name);
            assertThat(cpu.getLast().getCell(4).getNumericCellValue()).isEqualTo(20.0);
        }
    }

    @Test
    void badChoicesAreRefusedWithTheirField() {
        long id = nodeWithSamples(unique("refuse"));
        Instant now = clock.instant();

        assertThatThrownBy(() -> monitoring.report(List.of(), null, null, ExportFormat.PDF, Locale.ENGLISH))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("NODES_REQUIRED"));
        assertThatThrownBy(() -> monitoring.report(List.of(id), now, now, ExportFormat.PDF, Locale.ENGLISH))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("RANGE_EMPTY"));
        assertThatThrownBy(() -> monitoring.report(
                        List.of(id), now.minus(Duration.ofDays(500)), now, ExportFormat.PDF, Locale.ENGLISH))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("RANGE_TOO_OLD"));
        assertThatThrownBy(() -> monitoring.report(List.of(id, -1L), null, null, ExportFormat.CSV, Locale.ENGLISH))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("NODE_NOT_FOUND"));
    }

    @Test
    void theWeeklyReportGoesOnceToEachAdminWhoOptedIn() throws Exception {
        String admin = unique("weekly-admin");
        String address = admin + "@example.org";
        String quiet = unique("weekly-quiet");
        runAs("setup");
        users.createUser(new NewUser(admin, "Weekly", address, EnumSet.of(Role.ADMIN), "Weekly-Pass-12345"));
        users.createUser(
                new NewUser(quiet, "Quiet", quiet + "@example.org", EnumSet.of(Role.ADMIN), "Weekly-Pass-12345"));
        runAs(admin);
        assertThat(monitoring.weeklyReportSubscribed()).isFalse();
        monitoring.subscribeWeeklyReport(true);
        assertThat(monitoring.weeklyReportSubscribed()).isTrue();
        SecurityContextHolder.clearContext();

        // Monday 00:30; samples from Sunday 23:45 on fall into the week that just ended
        LocalDate nextMonday =
                LocalDate.ofInstant(clock.instant(), zone).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        clock.advance(Duration.between(
                clock.instant(), nextMonday.atTime(0, 30).atZone(zone).toInstant()));
        String node = unique("weekly-node");
        long id = monitoring.addNode(new NewNode(node, List.of())).nodeId();
        report(id, 20, i -> Map.of("cpu", 42.0, "memory", 60.0, "disk", 30.0), null, 40 * 60);

        assertThat(monitoring.sendWeeklyReports().sent()).isGreaterThanOrEqualTo(1);
        List<MimeMessage> mails = TestMail.awaitMailsTo(address, 1);
        // mails go out in the outbox's language, German by default
        assertThat(mails.getFirst().getSubject()).contains("Monitoring-Bericht");
        String body = TestMail.text(mails.getFirst()).replaceAll("=\\r?\\n", "");
        assertThat(body).contains(node).contains("CPU: Mittel 42,0 %");
        assertThat(TestMail.awaitMailsTo(address, 1)).hasSize(1);

        assertThat(monitoring.sendWeeklyReports().sent())
                .as("the same week again")
                .isZero();
        assertThat(TestMail.server().getReceivedMessagesForDomain(quiet + "@example.org"))
                .as("not opted in")
                .isEmpty();
        assertThat(TestMail.awaitMailsTo(address, 1)).hasSize(1);

        runAs(admin);
        monitoring.subscribeWeeklyReport(false);
        assertThat(monitoring.weeklyReportSubscribed()).isFalse();
    }

    private void runAs(String username) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
    }
}
