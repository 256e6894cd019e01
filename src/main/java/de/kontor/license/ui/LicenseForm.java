package de.kontor.license.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.shared.Registration;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerPicker;
import de.kontor.customer.CustomerService;
import de.kontor.license.LicenseEnums.LicenseType;
import de.kontor.license.LicenseTerms;
import de.kontor.license.Product;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Terms of a new license (or a batch of them), or changed terms of an existing one. Limits are typed
 * as {@code name=number} pairs separated by commas. The fields are bound with a bean validation binder
 * to {@link LicenseFields}; Save shows what is wrong on the fields, or fires {@link SaveEvent}; Cancel
 * fires {@link CancelEvent}. The view saves. The fields are package-private for the form's own test.
 */
class LicenseForm extends Dialog {

    /** What the form produced: product and customer for a new license, how many, the terms. */
    record Licenses(@Nullable Product product, @Nullable Customer customer, int count, LicenseTerms terms) {}

    static final class SaveEvent extends ComponentEvent<LicenseForm> {
        private final Licenses licenses;

        SaveEvent(LicenseForm source, Licenses licenses) {
            super(source, false);
            this.licenses = licenses;
        }

        Licenses licenses() {
            return licenses;
        }
    }

    static final class CancelEvent extends ComponentEvent<LicenseForm> {
        CancelEvent(LicenseForm source) {
            super(source, false);
        }
    }

    final Select<Product> product = new Select<>();
    final CustomerPicker customer;
    final IntegerField count = new IntegerField();
    final Select<LicenseType> type = new Select<>();
    final DatePicker validFrom = new DatePicker();
    final DatePicker validUntil = new DatePicker();
    final IntegerField maxActivations = new IntegerField();
    final MultiSelectComboBox<String> features = new MultiSelectComboBox<>();
    final TextField limits = new TextField();
    final TextArea notes = new TextArea();
    final Button save = new Button();
    final Button cancel = new Button();
    private final BeanValidationBinder<LicenseFields> binder = new BeanValidationBinder<>(LicenseFields.class);
    private final boolean batch;

    /**
     * @param existing  terms to change, or null for a new license
     * @param batch     whether to ask for a number of licenses
     */
    LicenseForm(
            CustomerService customers,
            List<Product> products,
            @Nullable LicenseTerms existing,
            boolean batch,
            LocalDate today) {
        this.batch = batch;
        setId("license-form");
        setHeaderTitle(
                getTranslation(existing != null ? "license.editTerms" : batch ? "license.batch" : "license.new"));
        setWidth("min(44rem, 96vw)");
        setCloseOnOutsideClick(false);
        customer = new CustomerPicker(customers);
        customer.setId("license-customer");
        customer.setRequired(true);
        product.setLabel(getTranslation("license.product"));
        product.setId("license-product");
        product.setItems(products.stream().filter(p -> !p.isArchived()).toList());
        product.setItemLabelGenerator(p -> p.getCode() + " · " + p.getName());
        product.setRequiredIndicatorVisible(true);
        count.setLabel(getTranslation("license.batch.countLabel"));
        count.setId("license-count");
        count.setMin(1);
        count.setMax(1000);
        count.setValue(10);
        count.setStepButtonsVisible(true);
        type.setLabel(getTranslation("license.type"));
        type.setId("license-type");
        type.setItems(LicenseType.values());
        type.setItemLabelGenerator(t -> getTranslation("license.type." + t.name()));
        validFrom.setLabel(getTranslation("license.validFrom"));
        validFrom.setId("license-valid-from");
        validUntil.setLabel(getTranslation("license.validUntil"));
        validUntil.setId("license-valid-until");
        validUntil.setHelperText(getTranslation("license.validUntil.help"));
        maxActivations.setLabel(getTranslation("license.maxActivations"));
        maxActivations.setId("license-max");
        maxActivations.setMin(1);
        maxActivations.setMax(10_000);
        maxActivations.setStepButtonsVisible(true);
        features.setLabel(getTranslation("license.features"));
        features.setId("license-features");
        features.setAllowCustomValue(true);
        Set<String> featureItems = new TreeSet<>();
        features.setItems(featureItems);
        features.addCustomValueSetListener(e -> {
            String f = e.getDetail().strip();
            if (!f.isEmpty()) {
                featureItems.add(f);
                features.setItems(featureItems);
                Set<String> selected = new TreeSet<>(features.getValue());
                selected.add(f);
                features.setValue(selected);
            }
        });
        limits.setLabel(getTranslation("license.limits"));
        limits.setId("license-limits");
        limits.setPlaceholder("users=10, projects=50");
        limits.setHelperText(getTranslation("license.limits.help"));
        notes.setLabel(getTranslation("license.notes"));
        notes.setId("license-notes");

        LicenseTerms start = existing != null
                ? existing
                : new LicenseTerms(LicenseType.SUBSCRIPTION, today, today.plusYears(1), 1, Set.of(), Map.of(), null);
        featureItems.addAll(start.features());
        features.setItems(featureItems);

        String required = getTranslation("validation.required");
        if (existing == null) {
            binder.forField(product).asRequired(required).bind("product");
            binder.forField(customer).asRequired(required).bind("customer");
        }
        String countRange = getTranslation("license.batch.count", 1000);
        binder.forField(count)
                .asRequired(countRange)
                .withValidator(n -> n >= 1 && n <= 1000, countRange)
                .bind("count");
        binder.forField(type).asRequired(required).bind("type");
        binder.forField(validFrom).asRequired(required).bind("validFrom");
        binder.forField(validUntil).bind("validUntil");
        String maxInvalid = getTranslation("license.maxActivations.invalid");
        binder.forField(maxActivations)
                .asRequired(maxInvalid)
                .withValidator(n -> n >= 1, maxInvalid)
                .bind("maxActivations");
        binder.forField(features).bind("features");
        String limitsInvalid = getTranslation("license.limits.invalid");
        binder.forField(limits)
                .withConverter(Converter.<String, Map<String, Long>>from(
                        text -> {
                            Map<String, Long> parsed = parseLimits(text);
                            return parsed == null ? Result.error(limitsInvalid) : Result.ok(parsed);
                        },
                        LicenseForm::formatLimits))
                .bind("limits");
        binder.forField(notes).bind("notes");
        LicenseFields fields = LicenseFields.of(start);
        binder.readBean(fields);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        if (existing == null) {
            form.add(product, customer);
            if (batch) {
                form.add(count);
            }
        }
        form.add(type, maxActivations, validFrom, validUntil);
        form.add(features, 2);
        form.add(limits, 2);
        form.add(notes, 2);
        add(form);

        save.setText(
                getTranslation(existing != null ? "action.save" : batch ? "license.batch.create" : "license.create"));
        save.setId("license-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> submit());
        cancel.setText(getTranslation("action.cancel"));
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        getFooter().add(cancel, save);
    }

    private void submit() {
        LicenseFields fields = new LicenseFields();
        try {
            binder.writeBean(fields);
        } catch (ValidationException e) {
            return; // the fields show what is wrong
        }
        fireEvent(new SaveEvent(
                this,
                new Licenses(
                        fields.getProduct(), fields.getCustomer(), batch ? fields.getCount() : 1, fields.terms())));
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("productId", product);
        fields.put("customerId", customer);
        fields.put("count", count);
        fields.put("type", type);
        fields.put("validFrom", validFrom);
        fields.put("validUntil", validUntil);
        fields.put("maxActivations", maxActivations);
        fields.put("features", features);
        fields.put("limits", limits);
        fields.put("notes", notes);
        return fields;
    }

    static String formatLimits(Map<String, Long> limits) {
        return String.join(
                ", ",
                limits.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList());
    }

    /** {@code "users=10, projects=50"} → map; null when malformed. */
    static @Nullable Map<String, Long> parseLimits(@Nullable String text) {
        Map<String, Long> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        for (String pair : text.split("[,;]")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2
                    || !kv[0].strip().matches(LicenseTerms.NAME_PATTERN)
                    || !kv[1].strip().matches("\\d{1,15}")) {
                return null;
            }
            map.put(kv[0].strip(), Long.parseLong(kv[1].strip()));
        }
        return map;
    }
}
