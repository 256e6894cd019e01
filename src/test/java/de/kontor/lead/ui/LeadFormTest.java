package de.kontor.lead.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Tag;
import de.kontor.lead.LeadModel.Type;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The lead form on its own: validation while typing, the draft it hands over, cancel. */
class LeadFormTest {

    private final Institution school = new Institution(
            7,
            "Gymnasium Süd",
            Type.SCHOOL,
            "Schulweg 1",
            "50667",
            "Köln",
            "DE",
            "https://gym-sued.example",
            null,
            "info@gym-sued.example",
            Status.CONTACTED,
            "Messe",
            "mara",
            List.of(new Tag(1, "MINT", "#123456")),
            null,
            null,
            Instant.EPOCH,
            Instant.EPOCH,
            3);

    /** In the application the owner is picked from the users; here a plain list stands in. */
    private static ComboBox<String> owners() {
        ComboBox<String> owners = new ComboBox<>();
        owners.setItems("jana", "mara");
        return owners;
    }

    @Test
    void aNewLeadNeedsANameAndAValidEMailBeforeItCanBeSaved() {
        LeadForm form = new LeadForm(null, List.of("MINT", "Robotik"), "jana", owners());
        assertThat(form.owner.getValue()).isEqualTo("jana");
        assertThat(form.save.isEnabled()).isFalse();

        form.name.setValue("Berufskolleg West");
        assertThat(form.save.isEnabled()).isTrue();

        form.email.setValue("kein-mail");
        assertThat(form.email.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();

        form.email.setValue("info@bk-west.example");
        form.country.setValue("DE");
        assertThat(form.save.isEnabled()).isTrue();

        form.name.setValue(" ");
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();
    }

    @Test
    void saveHandsOverTheDraftWithEveryField() {
        LeadForm form = new LeadForm(null, List.of("MINT"), "jana", owners());
        List<InstitutionDraft> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        form.name.setValue("Verein Maker Ost");
        form.type.setValue(Type.CLUB);
        form.status.setValue(Status.QUALIFIED);
        form.city.setValue("Leipzig");
        form.country.setValue("DE");
        form.owner.setValue("mara");
        form.website.setValue("maker-ost.example");
        form.tags.setValue(Set.of("MINT"));
        form.save.click();

        assertThat(saved).hasSize(1);
        InstitutionDraft d = saved.getFirst();
        assertThat(d.name()).isEqualTo("Verein Maker Ost");
        assertThat(d.type()).isEqualTo(Type.CLUB);
        assertThat(d.status()).isEqualTo(Status.QUALIFIED);
        assertThat(d.city()).isEqualTo("Leipzig");
        assertThat(d.website()).isEqualTo("maker-ost.example");
        assertThat(d.owner()).isEqualTo("mara");
        assertThat(d.country()).isEqualTo("DE");
        assertThat(d.tags()).containsExactly("MINT");
    }

    @Test
    void anExistingLeadIsShownAndSavedOnlyOnceChanged() {
        LeadForm form = new LeadForm(school, List.of(), "jana", owners());
        assertThat(form.existing()).isSameAs(school);
        assertThat(form.name.getValue()).isEqualTo("Gymnasium Süd");
        assertThat(form.status.getValue()).isEqualTo(Status.CONTACTED);
        assertThat(form.owner.getValue()).isEqualTo("mara");
        assertThat(form.tags.getValue()).containsExactly("MINT");
        assertThat(form.save.isEnabled()).isFalse();

        List<InstitutionDraft> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        form.phone.setValue("0221 4711");
        assertThat(form.save.isEnabled()).isTrue();
        form.save.click();

        assertThat(saved).extracting(InstitutionDraft::phone).containsExactly("0221 4711");
        assertThat(saved.getFirst().email()).isEqualTo("info@gym-sued.example");
        assertThat(saved.getFirst().tags()).containsExactly("MINT");
    }

    @Test
    void cancelFiresTheCancelEventAndNoSave() {
        LeadForm form = new LeadForm(school, List.of(), "jana", owners());
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean saved = new AtomicBoolean();
        form.addCancelListener(e -> cancelled.set(true));
        form.addSaveListener(e -> saved.set(true));
        form.cancel.click();
        assertThat(cancelled).isTrue();
        assertThat(saved).isFalse();
    }
}
