package de.kontor.base.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditEntry;
import de.kontor.base.audit.AuditService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AuditViewTest extends KaribuTest {

    @Autowired
    AuditService audit;

    String marker;
    String alice;
    String bob;

    @BeforeEach
    void entries() {
        marker = unique("Marker");
        alice = unique("alice");
        bob = unique("bob");
        audit.recordAs(
                alice,
                "customer",
                "Customer",
                1,
                "UPDATE",
                "Customer K-1 updated " + marker,
                List.of(AuditChange.of("city", "Köln", "Düsseldorf")));
        audit.recordAs(alice, "license", "License", 7, "SUSPEND", "License KNTR-1 suspended " + marker, List.of());
        audit.recordAs(bob, "customer", "Customer", 2, "CREATE", "Customer K-2 created " + marker, List.of());
        loginAsAdmin();
        UI.getCurrent().navigate("audit");
    }

    @Test
    void textFilterFindsSummariesAndChanges() {
        type(text(), marker);
        assertThat(GridKt._size(grid())).isEqualTo(3);

        type(text(), "Düsseldorf");
        assertThat(summaries()).anyMatch(s -> s.contains(marker));
        assertThat(summaries()).allMatch(s -> !s.contains("K-2 created " + marker));
    }

    @Test
    void userFilterShowsOnlyThatUsersChanges() {
        type(text(), marker);
        select("audit-user", bob);

        assertThat(summaries()).containsExactly("Customer K-2 created " + marker);
    }

    @Test
    void moduleFilterShowsOnlyThatModule() {
        type(text(), marker);
        select("audit-module", "license");

        assertThat(summaries()).containsExactly("License KNTR-1 suspended " + marker);
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("Licenses", "Suspended");
    }

    @Test
    void dateRangeFilterIncludesWholeDaysInTheDisplayZone() {
        type(text(), marker);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));

        type(_get(DatePicker.class, s -> s.withId("audit-from")), today);
        type(_get(DatePicker.class, s -> s.withId("audit-to")), today);
        assertThat(GridKt._size(grid())).isEqualTo(3);

        type(_get(DatePicker.class, s -> s.withId("audit-from")), today.plusDays(1));
        type(_get(DatePicker.class, s -> s.withId("audit-to")), today.plusDays(2));
        assertThat(GridKt._size(grid())).isZero();
    }

    @Test
    void newestEntriesComeFirstAndChangesAreReadable() {
        clock.advance(Duration.ofSeconds(1));
        audit.recordAs(alice, "customer", "Customer", 3, "ARCHIVE", "Newest " + marker, List.of());
        type(text(), marker);

        assertThat(summaries().getFirst()).isEqualTo("Newest " + marker);
        int row = summaries().indexOf("Customer K-1 updated " + marker);
        assertThat(GridKt._getFormattedRow(grid(), row)).anyMatch(c -> c.contains("City: Köln → Düsseldorf"));
    }

    private void select(String id, String value) {
        @SuppressWarnings("unchecked")
        ComboBox<String> box = _get(ComboBox.class, s -> s.withId(id));
        type(box, value);
    }

    private List<String> summaries() {
        Grid<AuditEntry> grid = grid();
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._get(grid, i).getSummary())
                .toList();
    }

    private static TextField text() {
        return _get(TextField.class, s -> s.withId("audit-text"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditEntry> grid() {
        return _get(Grid.class, s -> s.withId("audit-grid"));
    }
}
