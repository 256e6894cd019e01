package de.kontor.base;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Optional texts are stored stripped, and as null when nothing was typed; long ones are cut to their column. */
class TextsTest {

    @Test
    void surroundingWhiteSpaceGoesAndInnerSpaceStays() {
        assertThat(Texts.blankToNull("  Musterstraße 1\t")).isEqualTo("Musterstraße 1");
        assertThat(Texts.blankToNull("\u2003a b\u2003")).isEqualTo("a b");
    }

    @Test
    void nothingOrOnlyWhiteSpaceIsNull() {
        assertThat(Texts.blankToNull(null)).isNull();
        assertThat(Texts.blankToNull("")).isNull();
        assertThat(Texts.blankToNull(" \n\t\u2003")).isNull();
    }

    @Test
    void aLongTextIsCutToTheMaximumAndAShortOneStaysAsItIs() {
        assertThat(Texts.atMost("abcdef", 4)).isEqualTo("abcd");
        assertThat(Texts.atMost("abcd", 4)).isEqualTo("abcd");
        assertThat(Texts.atMost("", 4)).isEmpty();
    }
}
