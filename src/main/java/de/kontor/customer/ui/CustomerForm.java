package de.kontor.customer.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.ui.CountryPicker;
import de.kontor.base.ui.EditorDialog;
import de.kontor.base.ui.TagsField;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerData;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * Create or edit a customer. The fields validate against {@link CustomerData}'s rules as you type;
 * Save stays disabled while anything is invalid or nothing changed. Fires {@link EditorDialog.SaveEvent}; the view
 * saves.
 */
class CustomerForm extends EditorDialog<CustomerData, CustomerData> {

    final TextField name = new TextField();
    final TextField contactPerson = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final TextField street = new TextField();
    final TextField postalCode = new TextField();
    final TextField city = new TextField();
    final CountryPicker country;
    final TextField vatId = new TextField();
    final TagsField tags;
    final TextArea notes = new TextArea();
    private final @Nullable Customer existing;

    CustomerForm(@Nullable Customer existing, List<String> knownTags) {
        super(CustomerData.class, "customer");
        this.existing = existing;
        setId("customer-form");
        setHeaderTitle(
                existing == null
                        ? getTranslation("customer.new")
                        : getTranslation("customer.editTitle", existing.getNumber()));
        setWidth("min(48rem, 96vw)");

        setUp(name, "name", Customer.NAME_MAX);
        setUp(contactPerson, "contactPerson", Customer.CONTACT_MAX);
        email.setLabel(getTranslation("customer.email"));
        email.setId("customer-email");
        email.setMaxLength(Customer.EMAIL_MAX);
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(getTranslation("validation.email")));
        setUp(phone, "phone", Customer.PHONE_MAX);
        phone.setHelperText(getTranslation("customer.phone.help"));
        setUp(street, "street", Customer.STREET_MAX);
        setUp(postalCode, "postalCode", Customer.POSTAL_CODE_MAX);
        setUp(city, "city", Customer.CITY_MAX);
        country = new CountryPicker(getTranslation("customer.country"));
        country.setId("customer-country");
        setUp(vatId, "vatId", Customer.VAT_ID_MAX);
        tags = new TagsField(getTranslation("customer.tags"), knownTags);
        tags.setId("customer-tags");
        notes.setLabel(getTranslation("customer.notes"));
        notes.setId("customer-notes");
        notes.setMaxLength(Customer.NOTES_MAX);
        notes.setMinHeight("6rem");

        // Bound by property name, so CustomerData's Jakarta constraints check each field.
        binder.forField(name).bind("name");
        binder.forField(contactPerson).bind("contactPerson");
        binder.forField(email).bind("email");
        binder.forField(phone).bind("phone");
        binder.forField(street).bind("street");
        binder.forField(postalCode).bind("postalCode");
        binder.forField(city).bind("city");
        binder.forField(country).bind("country");
        binder.forField(vatId).bind("vatId");
        binder.forField(tags).bind("tags");
        binder.forField(notes).bind("notes");
        binder.readBean(existing == null ? new CustomerData() : existing.data());

        FormLayout form = new FormLayout();
        // One column on a phone, two from a tablet's width on.
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.add(name, 2);
        form.add(contactPerson, email, phone, vatId);
        form.add(street, 2);
        form.add(postalCode, city, country, tags);
        form.add(notes, 2);
        add(form);

        addFooterButtons();
    }

    private void setUp(TextField field, String property, int maxLength) {
        field.setLabel(getTranslation("customer." + property));
        field.setId("customer-" + property);
        field.setMaxLength(maxLength);
    }

    @Override
    protected CustomerData newBean() {
        return new CustomerData();
    }

    @Override
    protected CustomerData toData(CustomerData data) {
        return data;
    }

    @Nullable
    Customer existing() {
        return existing;
    }

    @Override
    public Map<String, HasValidation> fields() {
        return Map.of(
                "name",
                name,
                "contactPerson",
                contactPerson,
                "email",
                email,
                "phone",
                phone,
                "street",
                street,
                "postalCode",
                postalCode,
                "city",
                city,
                "country",
                country,
                "vatId",
                vatId,
                "notes",
                notes);
    }
}
