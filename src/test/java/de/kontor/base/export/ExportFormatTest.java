package de.kontor.base.export;

import de.kontor.base.error.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The export APIs' {@code format} parameter. */
class ExportFormatTest {

    @Test
    void theFormatIsReadIgnoringCaseAndSpaces() {
        assertThat(ExportFormat.fromParameter("xlsx")).isEqualTo(ExportFormat.XLSX);
        assertThat(ExportFormat.fromParameter(" Csv ")).isEqualTo(ExportFormat.CSV);
    }

    @Test
    void anUnknownFormatIsAFieldError() {
        assertThatThrownBy(() -> ExportFormat.fromParameter("docx"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_FORMAT");
                    assertThat(e.field()).isEqualTo("format");
                });
    }
}
