package de.kontor.license.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
import de.kontor.license.LicenseEnums.Backend;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.ProductTerms;

import java.util.Map;

/**
 * A product's settings (name, minimum version, how a machine is recognised, license source, heartbeat,
 * grace). The fields validate against {@link ProductFields}' rules as you type; Save stays disabled while
 * anything is invalid or nothing changed. Fires {@link SaveEvent}; the view saves. The fields are
 * package-private for the form's own test.
 */
class ProductSettingsForm extends Div {

    static final class SaveEvent extends ComponentEvent<ProductSettingsForm> {
        private final ProductTerms terms;

        SaveEvent(ProductSettingsForm source, ProductTerms terms) {
            super(source, false);
            this.terms = terms;
        }

        ProductTerms terms() {
            return terms;
        }
    }

    final TextField name = new TextField();
    final TextField minVersion = new TextField();
    final Select<MatchRule> rule = new Select<>();
    final Select<Backend> backend = new Select<>();
    final IntegerField heartbeat = new IntegerField();
    final IntegerField grace = new IntegerField();
    final Button save = new Button();
    private final BeanValidationBinder<ProductFields> binder = new BeanValidationBinder<>(ProductFields.class);

    ProductSettingsForm(ProductTerms terms) {
        addClassName("kontor-card");
        name.setLabel(getTranslation("product.name"));
        name.setId("product-settings-name");
        minVersion.setLabel(getTranslation("product.minVersion"));
        minVersion.setId("product-settings-min-version");
        minVersion.setHelperText(getTranslation("product.minVersion.help"));
        rule.setLabel(getTranslation("product.matchRule"));
        rule.setId("product-settings-rule");
        rule.setItems(MatchRule.values());
        rule.setItemLabelGenerator(r -> getTranslation("product.matchRule." + r.name()));
        backend.setLabel(getTranslation("product.backend"));
        backend.setId("product-settings-backend");
        backend.setItems(Backend.values());
        backend.setItemLabelGenerator(b -> getTranslation("product.backend." + b.name()));
        heartbeat.setLabel(getTranslation("product.heartbeat"));
        heartbeat.setId("product-settings-heartbeat");
        heartbeat.setMin(1);
        grace.setLabel(getTranslation("product.grace"));
        grace.setId("product-settings-grace");
        grace.setMin(0);

        // Bound by property name, so ProductFields' Jakarta constraints check each field.
        binder.forField(name).bind("name");
        binder.forField(minVersion).bind("minSupportedVersion");
        binder.forField(rule).bind("matchRule");
        binder.forField(backend).bind("backend");
        binder.forField(heartbeat).bind("heartbeatMinutes");
        binder.forField(grace).bind("graceDays");
        binder.readBean(ProductFields.of(terms));

        FormLayout settings = new FormLayout(name, minVersion, rule, backend, heartbeat, grace);
        settings.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        save.setText(getTranslation("action.save"));
        save.setId("product-settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        save.addClickListener(e -> save());
        binder.addStatusChangeListener(e -> save.setEnabled(binder.isValid() && binder.hasChanges()));
        add(new H3(getTranslation("product.settings")), settings, save);
    }

    private void save() {
        ProductFields fields = new ProductFields();
        try {
            binder.writeBean(fields);
            fireEvent(new SaveEvent(this, fields.terms()));
        } catch (ValidationException e) {
            // the fields show what is wrong
        }
    }

    /** The fields by the names the service's field errors use. */
    Map<String, HasValidation> fields() {
        return Map.of(
                "name", name, "minSupportedVersion", minVersion, "heartbeatMinutes", heartbeat, "graceDays", grace);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
