package de.kontor.license.ui;

import de.kontor.license.LicenseEnums.LicenseType;
import de.kontor.license.LicenseTerms;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The license form on its own: what it hands over, what it refuses, cancel. */
class LicenseFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private final LicenseTerms terms = new LicenseTerms(
            LicenseType.SUBSCRIPTION,
            TODAY,
            TODAY.plusYears(1),
            2,
            Set.of("export"),
            Map.of("users", 10L),
            "Schulungslizenz");

    /** The customer picker reads customers only when its list opens, which these tests never do. */
    private static LicenseForm edit(LicenseTerms existing) {
        return new LicenseForm(null, List.of(), existing, false, TODAY);
    }

    @Test
    void changedTermsAreHandedOverWithTheUnchangedOnes() {
        LicenseForm form = edit(terms);
        assertThat(form.limits.getValue()).isEqualTo("users=10");
        List<LicenseForm.Licenses> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.licenses()));
        form.maxActivations.setValue(5);
        form.limits.setValue("users=25, projects=3");
        form.save.click();

        assertThat(saved).hasSize(1);
        LicenseTerms t = saved.getFirst().terms();
        assertThat(t.maxActivations()).isEqualTo(5);
        assertThat(t.limits()).containsEntry("users", 25L).containsEntry("projects", 3L);
        assertThat(t.features()).containsExactly("export");
        assertThat(t.validUntil()).isEqualTo(TODAY.plusYears(1));
        assertThat(t.notes()).isEqualTo("Schulungslizenz");
        assertThat(saved.getFirst().count()).isEqualTo(1);
    }

    @Test
    void malformedLimitsAndTooFewMachinesAreShownOnTheFieldsAndNothingIsSaved() {
        LicenseForm form = edit(terms);
        AtomicBoolean saved = new AtomicBoolean();
        form.addSaveListener(e -> saved.set(true));
        form.limits.setValue("users:ten");
        form.maxActivations.setValue(0);
        form.save.click();

        assertThat(saved).isFalse();
        assertThat(form.limits.isInvalid()).isTrue();
        assertThat(form.maxActivations.isInvalid()).isTrue();
    }

    @Test
    void aNewLicenseNeedsAProductAndACustomer() {
        LicenseForm form = new LicenseForm(null, List.of(), null, true, TODAY);
        AtomicBoolean saved = new AtomicBoolean();
        form.addSaveListener(e -> saved.set(true));
        assertThat(form.validFrom.getValue()).isEqualTo(TODAY);
        assertThat(form.validUntil.getValue()).isEqualTo(TODAY.plusYears(1));
        form.count.setValue(2000);
        form.save.click();

        assertThat(saved).isFalse();
        assertThat(form.product.isInvalid()).isTrue();
        assertThat(form.customer.isInvalid()).isTrue();
        assertThat(form.count.isInvalid()).isTrue();
    }

    @Test
    void cancelFiresTheCancelEventAndNoSave() {
        LicenseForm form = edit(terms);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean saved = new AtomicBoolean();
        form.addCancelListener(e -> cancelled.set(true));
        form.addSaveListener(e -> saved.set(true));
        form.cancel.click();
        assertThat(cancelled).isTrue();
        assertThat(saved).isFalse();
    }
}
