package de.kontor.base.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in both languages, parses as MessageFormat, and every key the code names exists.
 * Bundles: {@code messages*.properties} (frame, security) and one {@code i18n/<module>*.properties} per
 * module, all listed in {@code spring.messages.basename}.
 */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** The bundles' base names, e.g. "messages", "i18n/customer". */
    private static List<String> bundles() throws IOException {
        Properties application = load("application.properties");
        return Arrays.stream(application.getProperty("spring.messages.basename").split(","))
                .map(String::strip)
                .toList();
    }

    private static Properties allEnglish() throws IOException {
        Properties all = new Properties();
        for (String bundle : bundles()) {
            all.putAll(load(bundle + ".properties"));
        }
        return all;
    }

    @Test
    void everyBundleIsListedAndExistsInBothLanguages() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            files.map(p -> RESOURCES.relativize(p).toString())
                    .filter(p -> p.matches("(messages|i18n/[a-z]+)(_de)?\\.properties"))
                    .forEach(p -> onDisk.add(p.replace("_de.properties", "").replace(".properties", "")));
        }
        assertThat(bundles()).containsExactlyInAnyOrderElementsOf(onDisk);
        for (String bundle : bundles()) {
            Set<String> english = new TreeSet<>(load(bundle + ".properties").stringPropertyNames());
            Set<String> german = new TreeSet<>(load(bundle + "_de.properties").stringPropertyNames());
            assertThat(german).as("keys missing in German (%s)", bundle).containsAll(english);
            assertThat(english).as("keys missing in English (%s)", bundle).containsAll(german);
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String bundle : bundles()) {
            for (String key : load(bundle + ".properties").stringPropertyNames()) {
                assertThat(seen.add(key))
                        .as("%s is defined twice (again in %s)", key, bundle)
                        .isTrue();
            }
        }
    }

    @Test
    void everyTextIsAValidMessageFormatWithoutStrayApostrophes() throws IOException {
        List<String> files = new ArrayList<>();
        for (String bundle : bundles()) {
            files.add(bundle + ".properties");
            files.add(bundle + "_de.properties");
        }
        for (String file : files) {
            Properties properties = load(file);
            for (String key : properties.stringPropertyNames()) {
                String text = properties.getProperty(key);
                String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {1, 2, 3});
                if (text.contains(",choice,")) {
                    // A choice picks one of its texts: only its syntax can be checked, by parsing it.
                    continue;
                }
                // A lone apostrophe starts a quoted section and silently swallows text.
                assertThat(formatted.length())
                        .as("%s in %s loses text (write '' for an apostrophe)", key, file)
                        .isGreaterThanOrEqualTo(text.replaceAll("\\{[^}]*}", "")
                                .replace("''", "'")
                                .length());
            }
        }
    }

    @Test
    void everyKeyTheCodeTranslatesExists() throws IOException {
        Properties english = allEnglish();
        Pattern literal = Pattern.compile("getTranslation\\(\\s*\"([a-zA-Z0-9._-]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
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
        Properties english = allEnglish();
        Pattern menu = Pattern.compile("@Menu\\(title = \"([^\"]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = menu.matcher(Files.readString(source));
                while (m.find()) {
                    assertThat(english)
                            .as("menu title of %s", source.getFileName())
                            .containsKey(m.group(1));
                }
            }
        }
    }
}
