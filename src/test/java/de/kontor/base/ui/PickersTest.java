package de.kontor.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.combobox.ComboBoxBase.CustomValueSetEvent;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.data.provider.Query;
import de.kontor.base.Countries;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The country picker and the tags field: what typed text and Enter pick, and how a new tag is made. */
class PickersTest {

    private static void typeAndEnter(CountryPicker picker, String text) {
        ComponentUtil.fireEvent(picker, new CustomValueSetEvent<>(picker, true, text));
    }

    private static void typeAndEnter(MultiSelectComboBox<TagsField.Choice> box, String text) {
        ComponentUtil.fireEvent(box, new CustomValueSetEvent<>(box, true, text));
    }

    @Test
    void countryPickerTakesTheBestMatchOfAPartialNameOnEnter() {
        CountryPicker picker = new CountryPicker("Land");
        typeAndEnter(picker, "Deutsch");
        assertThat(picker.getValue()).isEqualTo("DE");
        typeAndEnter(picker, "at");
        assertThat(picker.getValue()).isEqualTo("AT");
        typeAndEnter(picker, "osterr");
        assertThat(picker.getValue()).isEqualTo("AT");
    }

    @Test
    void countryPickerKeepsItsValueWhenTheTextMatchesNoCountry() {
        CountryPicker picker = new CountryPicker("Land");
        picker.setValue("FR");
        typeAndEnter(picker, "Atlantis");
        assertThat(picker.getValue()).isEqualTo("FR");
    }

    @Test
    void countryNamesStartingWithTheTextRankBeforeNamesContainingIt() {
        List<String> codes = Countries.codes(Locale.GERMAN);
        assertThat(CountryPicker.best(codes, "Deutsch", Locale.GERMAN)).contains("DE");
        assertThat(CountryPicker.rank("CH", "Schweiz", Locale.GERMAN)).isEqualTo(1);
        assertThat(CountryPicker.rank("CH", "xyz", Locale.GERMAN)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void enterAfterPartOfATagPicksTheKnownTagInsteadOfCreatingOne() {
        TagsField tags = new TagsField("Tags", List.of("Industrie", "Schule"));
        typeAndEnter(tags.box(), "Indus");
        assertThat(tags.getValue()).containsExactly("Industrie");
    }

    @Test
    void textMatchingNoTagCreatesNothingOnEnterButIsOfferedAsAnExplicitChoice() {
        TagsField tags = new TagsField("Tags", List.of("Industrie"));
        typeAndEnter(tags.box(), "Handwerk");
        assertThat(tags.getValue()).isEmpty();

        List<TagsField.Choice> offered =
                tags.fetch(new Query<>(0, 10, List.of(), null, "Handwerk")).toList();
        assertThat(offered).containsExactly(new TagsField.Choice("Handwerk", true));

        tags.box().setValue(Set.of(offered.getFirst()));
        assertThat(tags.getValue()).containsExactly("Handwerk");
        assertThat(tags.fetch(new Query<>(0, 10, List.of(), null, "Hand")).toList())
                .containsExactly(new TagsField.Choice("Handwerk", false), new TagsField.Choice("Hand", true));
    }

    @Test
    void tagsStartingWithTheTextComeFirstAndAccentsDoNotMatter() {
        TagsField tags = new TagsField("Tags", List.of("Robotik", "Bildungsträger", "Träger"));
        assertThat(tags.fetch(new Query<>(0, 10, List.of(), null, "trager")).map(TagsField.Choice::name))
                .containsExactly("Träger", "Bildungsträger", "trager");
    }
}
