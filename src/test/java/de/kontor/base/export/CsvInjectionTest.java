package de.kontor.base.export;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV exports never hand a spreadsheet a formula that came from user input. */
class CsvInjectionTest extends IntegrationTest {

    @Autowired
    ExportService exports;

    @Autowired
    CustomerService customers;

    record Row(String text, long number, BigDecimal amount) {}

    @Test
    void aCustomerNamedLikeAFormulaIsExportedAsText() {
        String marker = unique("csvinj");
        customers.create(CustomerData.named("=HYPERLINK(\"http://x\",\"y\") " + marker));
        var http = new HttpClientSupport(baseUrl());
        String token = http.token(ADMIN, ADMIN_PASSWORD);

        var csv = http.get("/api/customers/export?format=csv&q=" + marker, token);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\") " + marker + "\"");
        assertThat(csv.body()).doesNotContain(",\"=HYPERLINK").doesNotContain(";\"=HYPERLINK");
    }

    @Test
    void everyFormulaStartInTextCellsIsNeutralisedButNegativeNumbersStayNumbers() throws Exception {
        List<Row> rows = List.of(
                new Row("+1+2", -5, new BigDecimal("-1.5")),
                new Row("-2+3", 7, BigDecimal.ONE),
                new Row("@SUM(A1:A2)", 0, BigDecimal.ZERO),
                new Row("\tcmd", 0, BigDecimal.ZERO),
                new Row("\rcmd", 0, BigDecimal.ZERO),
                new Row("plain - text", 0, BigDecimal.ZERO));
        var request = new ExportRequest<>(
                "Rows",
                List.of(
                        ExportColumn.of("Text", Row::text),
                        ExportColumn.of("Number", Row::number),
                        ExportColumn.of("Amount", Row::amount)),
                pageable -> new SliceImpl<>(pageable.getOffset() == 0 ? rows : List.of(), pageable, false),
                Sort.unsorted(),
                null,
                Locale.ENGLISH,
                ZoneId.of("Europe/Berlin"));
        var out = new ByteArrayOutputStream();

        exports.write(request, ExportFormat.CSV, out, ExportProgress.NONE);

        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("'+1+2,-5,-1.5\r\n")
                .contains("'-2+3,7,1\r\n")
                .contains("'@SUM(A1:A2),0,0\r\n")
                .contains("'\tcmd")
                .doesNotContain(",\tcmd")
                .contains("\"'\rcmd\",0,0\r\n")
                .contains("plain - text,0,0\r\n");
    }
}
