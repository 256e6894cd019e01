package de.kontor.license.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import de.kontor.KaribuTest;
import de.kontor.customer.CustomerService;
import de.kontor.license.License;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseFixture;
import de.kontor.license.LicenseService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The license page shows a license's anomalies and usage counters; the list filters flagged licenses. */
class LicenseAnomalyViewsTest extends KaribuTest {

    @Autowired
    LicenseService licenses;

    @Autowired
    CustomerService customers;

    LicenseFixture f;

    @BeforeEach
    void setUp() {
        f = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.ANY, clock);
        loginAsAdmin();
    }

    @Test
    void aFlaggedLicenseShowsItsAnomalyAndUsageAndIsFoundByTheFilter() {
        License flagged = f.license(1);
        License calm = f.license(1);
        long seat = f.post("/api/license/activate", f.body(flagged.getKey(), LicenseFixture.machine(1), "2.0.0"))
                .json()
                .get("activationId")
                .asLong();
        f.post(
                "/api/license/heartbeat",
                Map.of(
                        "licenseKey", flagged.getKey(),
                        "activationId", seat,
                        "usage", Map.of("users", 4, "docs", 2),
                        "clientTime", clock.instant().minus(Duration.ofHours(3)).toString()));
        licenses.checkAnomalies();

        UI.getCurrent().navigate(LicenseView.class, flagged.getId());

        assertThat(_get(Div.class, s -> s.withId("license-anomaly-CLOCK_SKEW"))
                        .getElement()
                        .getTextRecursively())
                .contains("Clock off")
                .contains("seconds off");
        assertThat(_get(Html.class, s -> s.withId("license-usage-chart")).getInnerHtml())
                .contains("<svg")
                .contains("users")
                .contains("docs");

        UI.getCurrent().navigate(LicenseView.class, calm.getId());
        assertThat(_get(Div.class, s -> s.withId("license-anomalies"))
                        .getElement()
                        .getTextRecursively())
                .isEqualTo("Nothing unusual.");

        UI.getCurrent().navigate("licenses");
        _get(Checkbox.class, s -> s.withId("licenses-anomalous")).setValue(true);
        @SuppressWarnings("unchecked")
        Grid<License> grid = _get(Grid.class, s -> s.withId("licenses-grid"));
        List<Long> shown = GridKt._findAll(grid).stream().map(License::getId).toList();
        assertThat(shown).contains(flagged.getId()).doesNotContain(calm.getId());
    }
}
