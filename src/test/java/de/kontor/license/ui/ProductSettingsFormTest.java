package de.kontor.license.ui;

import de.kontor.license.LicenseEnums.Backend;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.ProductTerms;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The product settings form on its own: what it shows, what it refuses, what it hands over. */
class ProductSettingsFormTest {

    private final ProductTerms terms = new ProductTerms("Werkstatt-Planer", "2.0.0", MatchRule.ALL, 30, 7, Backend.KEY);

    @Test
    void showsTheSettingsAndSavesOnlyOnceChanged() {
        ProductSettingsForm form = new ProductSettingsForm(terms);
        assertThat(form.name.getValue()).isEqualTo("Werkstatt-Planer");
        assertThat(form.minVersion.getValue()).isEqualTo("2.0.0");
        assertThat(form.rule.getValue()).isEqualTo(MatchRule.ALL);
        assertThat(form.heartbeat.getValue()).isEqualTo(30);
        assertThat(form.save.isEnabled()).isFalse();

        List<ProductTerms> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.terms()));
        form.grace.setValue(14);
        form.minVersion.setValue("");
        assertThat(form.save.isEnabled()).isTrue();
        form.save.click();

        assertThat(saved)
                .containsExactly(new ProductTerms("Werkstatt-Planer", null, MatchRule.ALL, 30, 14, Backend.KEY));
    }

    @Test
    void invalidValuesAreShownAndCannotBeSaved() {
        ProductSettingsForm form = new ProductSettingsForm(terms);
        form.minVersion.setValue("zwei");
        assertThat(form.minVersion.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();

        form.minVersion.setValue("2.1");
        form.heartbeat.setValue(0);
        assertThat(form.heartbeat.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();

        form.heartbeat.setValue(60);
        form.name.setValue(" ");
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();
    }
}
