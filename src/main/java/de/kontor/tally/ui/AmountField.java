package de.kontor.tally.ui;

import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * A text field for a whole amount. It takes what is typed as it is and says so when that is not a whole
 * number (see {@link WholeNumbers}), rather than filtering keys as a number field does.
 */
class AmountField extends TextField {

    AmountField(String label, String id) {
        super(label);
        setId(id);
        setWidth("9em");
        addValueChangeListener(e -> setInvalid(false));
    }

    /** The amount typed; when it is not a whole number the field says so and this is empty. */
    Optional<Long> amount() {
        Optional<Long> amount = WholeNumbers.parse(getValue());
        if (amount.isEmpty()) {
            setErrorMessage(getTranslation(getValue().isBlank() ? "tally.amount.required" : "tally.amount.notWhole"));
            setInvalid(true);
        }
        return amount;
    }

    void setAmount(@Nullable Number amount) {
        setValue(amount == null ? "" : amount.toString());
    }
}
