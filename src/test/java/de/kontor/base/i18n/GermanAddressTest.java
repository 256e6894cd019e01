package de.kontor.base.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kontor speaks to its users with "du" in German (docs/texts.md): no German text may address the reader
 * as "Sie". A text where "Sie"/"Ihr" means "they"/"their" at the start of a sentence goes into
 * {@link #THEY}, by key.
 */
class GermanAddressTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    /** Formal address: the capitalised pronouns (a sentence starting with "sie" = they is allowlisted). */
    private static final Pattern FORMAL = Pattern.compile("\\b(Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\\b");

    /** Keys whose German text uses a capitalised "Sie"/"Ihr" meaning "they"/"their". */
    private static final Set<String> THEY = Set.of();

    @Test
    void germanTextsSayDuNotSie() throws IOException {
        List<Path> bundles;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            bundles = files.filter(p -> p.getFileName().toString().endsWith("_de.properties"))
                    .toList();
        }
        assertThat(bundles).as("German bundles").hasSizeGreaterThan(3);
        Set<String> formal = new TreeSet<>();
        for (Path bundle : bundles) {
            Properties texts = new Properties();
            try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                texts.load(in);
            }
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (!THEY.contains(key) && FORMAL.matcher(text).find()) {
                    formal.add(RESOURCES.relativize(bundle) + ": " + key + "=" + text);
                }
            }
        }
        assertThat(formal)
                .as("German texts addressing the user with \"Sie\" (write \"du\")")
                .isEmpty();
    }

    @Test
    void theCheckFindsTheFormalAddress() {
        assertThat(FORMAL.matcher("Geben Sie einen Namen ein.").find()).isTrue();
        assertThat(FORMAL.matcher("Dafür fehlt Ihnen die Berechtigung.").find()).isTrue();
        assertThat(FORMAL.matcher("Ihre Rolle erlaubt das nicht.").find()).isTrue();
        assertThat(FORMAL.matcher("Gib einen Namen ein; die Admins können sie sehen.")
                        .find())
                .isFalse();
    }
}
