package de.kontor.base.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text exists in both languages, parses as MessageFormat, and every key the code names exists. */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndGermanHaveTheSameKeys() throws IOException {
        Set<String> english = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> german = new TreeSet<>(load("messages_de.properties").stringPropertyNames());

        assertThat(german).as("keys missing in German").containsAll(english);
        assertThat(english).as("keys missing in English").containsAll(german);
    }

    @Test
    void everyTextIsAValidMessageFormatWithoutStrayApostrophes() throws IOException {
        for (String file : new String[]{"messages.properties", "messages_de.properties"}) {
            Properties properties = load(file);
            for (String key : properties.stringPropertyNames()) {
                String text = properties.getProperty(key);
                String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[]{1, 2, 3});
                // A lone apostrophe starts a quoted section and silently swallows text.
                assertThat(formatted.length()).as("%s in %s loses text (write '' for an apostrophe)", key, file)
                        .isGreaterThanOrEqualTo(text.replaceAll("\\{[^}]*}", "").replace("''", "'").length());
            }
        }
    }

    @Test
    void everyKeyTheCodeTranslatesExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern literal = Pattern.compile("getTranslation\\(\\s*\"([a-zA-Z0-9._-]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(source));
                while (m.find()) {
                    // keys ending in '.' are prefixes completed at run time (e.g. "role." + name)
                    if (!m.group(1).endsWith(".") && !english.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void menuTitlesAreKeys() throws IOException {
        Properties english = load("messages.properties");
        Pattern menu = Pattern.compile("@Menu\\(title = \"([^\"]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = menu.matcher(Files.readString(source));
                while (m.find()) {
                    assertThat(english).as("menu title of %s", source.getFileName()).containsKey(m.group(1));
                }
            }
        }
    }
}
