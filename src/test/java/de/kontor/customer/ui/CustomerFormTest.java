package de.kontor.customer.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.combobox.ComboBoxBase.CustomValueSetEvent;
import de.kontor.customer.CustomerData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer form on its own: validation while typing, the country and tag pickers, the data it hands over. */
class CustomerFormTest {

    @Test
    void aNewCustomerNeedsANameAndAValidPhoneBeforeItCanBeSaved() {
        CustomerForm form = new CustomerForm(null, List.of());
        assertThat(form.save.isEnabled()).isFalse();

        form.name.setValue("Werkstatt Nord");
        assertThat(form.save.isEnabled()).isTrue();

        form.phone.setValue("call me");
        assertThat(form.phone.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();

        form.phone.setValue("+49 30 1234567");
        assertThat(form.save.isEnabled()).isTrue();
    }

    @Test
    void saveHandsOverCountryCodeAndTagsPickedByTyping() {
        CustomerForm form = new CustomerForm(null, List.of("Industrie", "Schule"));
        List<CustomerData> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        form.name.setValue("Metallbau Süd");
        ComponentUtil.fireEvent(form.country, new CustomValueSetEvent<>(form.country, true, "Deutsch"));
        form.tags.setValue(Set.of("Industrie"));
        form.save.click();

        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().getName()).isEqualTo("Metallbau Süd");
        assertThat(saved.getFirst().getCountry()).isEqualTo("DE");
        assertThat(saved.getFirst().getTags()).containsExactly("Industrie");
    }
}
