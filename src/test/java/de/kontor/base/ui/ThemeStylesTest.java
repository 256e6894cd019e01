package de.kontor.base.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The theme's style sheet parses: one unclosed rule makes the browser drop every rule after it (a merge once
 * left one open, and the charts, the pipeline board and the planner lost their layout without an error).
 */
class ThemeStylesTest {

    @Test
    void everyRuleOfTheThemeIsClosed() throws IOException {
        String css =
                Files.readString(Path.of("frontend/themes/kontor/styles.css")).replaceAll("(?s)/\\*.*?\\*/", "");
        int depth = 0;
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                depth++;
                // rules nest only inside @media and similar blocks
                assertThat(depth).as("line %d opens a rule inside a rule", line).isLessThanOrEqualTo(2);
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("line %d closes more than it opened", line).isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(depth).as("rules left open at the end").isZero();
    }
}
