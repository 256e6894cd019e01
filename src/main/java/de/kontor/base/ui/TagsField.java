package de.kontor.base.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.data.provider.Query;
import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tags to pick from those in use: typing "Indus" offers "Industrie" first and Enter takes it. A new tag is
 * an explicit choice, the last item: „Indus“ anlegen. (A combo box that turns whatever was typed into a
 * new value on Enter created "Indus" by accident.)
 */
public class TagsField extends CustomField<Set<String>> {

    /** An item of the list: a known tag, or the offer to create one. */
    record Choice(String name, boolean create) {}

    private final MultiSelectComboBox<Choice> box = new MultiSelectComboBox<>();
    private final TreeSet<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    public TagsField(String label, Collection<String> knownTags) {
        super(Set.of());
        setLabel(label);
        known.addAll(knownTags);
        box.setWidthFull();
        box.setItems(this::fetch, this::count);
        box.setItemLabelGenerator(c -> c.create() ? getTranslation("tags.create", c.name()) : c.name());
        box.addValueChangeListener(e -> {
            if (e.getValue().stream().anyMatch(Choice::create)) {
                // The offer was taken: the typed text becomes a tag like the others.
                e.getValue().stream().filter(Choice::create).forEach(c -> known.add(c.name()));
                box.setValue(choices(names(e.getValue())));
                box.getDataProvider().refreshAll();
            }
            updateValue();
        });
        BestMatchOnEnter.install(
                box, typed -> matches(typed).filter(c -> !c.create()).findFirst());
        add(box);
    }

    /** The combo box inside (for tests and ids). */
    MultiSelectComboBox<Choice> box() {
        return box;
    }

    @Override
    public void setId(@Nullable String id) {
        super.setId(id);
        box.setId(id == null ? null : id + "-box");
    }

    Stream<Choice> fetch(Query<Choice, String> query) {
        return matches(query.getFilter().orElse("")).skip(query.getOffset()).limit(query.getLimit());
    }

    int count(Query<Choice, String> query) {
        return (int) matches(query.getFilter().orElse("")).count();
    }

    private Stream<Choice> matches(String filter) {
        String text = simplify(filter);
        Stream<Choice> tags = known.stream()
                .filter(t -> text.isEmpty() || simplify(t).contains(text))
                .sorted(Comparator.comparing((String t) -> !simplify(t).startsWith(text)))
                .map(t -> new Choice(t, false));
        String typed = filter.strip();
        boolean exact = known.contains(typed);
        return typed.isEmpty() || exact ? tags : Stream.concat(tags, Stream.of(new Choice(typed, true)));
    }

    @Override
    protected Set<String> generateModelValue() {
        return names(box.getValue());
    }

    @Override
    protected void setPresentationValue(@Nullable Set<String> tags) {
        Set<String> value = tags == null ? Set.of() : tags;
        known.addAll(value);
        box.setValue(choices(value));
    }

    private static Set<String> names(Set<Choice> choices) {
        return choices.stream().map(Choice::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Choice> choices(Set<String> names) {
        return names.stream().map(n -> new Choice(n, false)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String simplify(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
