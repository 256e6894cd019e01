package de.kontor.base.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Enter (or leaving the field) after typing part of an item's label takes the best match instead of
 * dropping or keeping the typed text: "Deutsch" becomes Deutschland, "Indus" the tag Industrie. Vaadin's
 * combo box only commits an item whose label was typed in full or that was highlighted with the arrow
 * keys, so the typed text arrives as a custom value and is resolved here; text that matches nothing
 * changes nothing.
 */
public final class BestMatchOnEnter {

    private BestMatchOnEnter() {}

    public static <T> void install(ComboBox<T> box, Function<String, Optional<T>> bestMatch) {
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(e -> bestMatch
                .apply(e.getDetail().strip())
                .ifPresentOrElse(box::setValue, () -> {
                    // Nothing matched: show the value that still holds instead of the typed text.
                    T kept = box.getValue();
                    box.clear();
                    box.setValue(kept);
                }));
    }

    public static <T> void install(MultiSelectComboBox<T> box, Function<String, Optional<T>> bestMatch) {
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(e -> bestMatch
                .apply(e.getDetail().strip())
                .ifPresent(match -> {
                    Set<T> value = new LinkedHashSet<>(box.getValue());
                    value.add(match);
                    box.setValue(value);
                }));
    }
}
