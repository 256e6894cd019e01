package de.kontor.license;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Version numbers like {@code 2.10.1}, {@code 3.0.0-beta.2}: compared part by part, numbers as
 * numbers; a pre-release ("-beta") comes before its release.
 */
public final class AppVersion implements Comparable<AppVersion> {

    public static final String PATTERN = "[0-9]+(\\.[0-9]+){0,3}(-[0-9A-Za-z.]+)?";

    private final String text;
    private final List<Integer> numbers;
    private final @Nullable String preRelease;

    private AppVersion(String text, List<Integer> numbers, @Nullable String preRelease) {
        this.text = text;
        this.numbers = numbers;
        this.preRelease = preRelease;
    }

    public static boolean isValid(@Nullable String text) {
        return text != null && text.strip().matches(PATTERN);
    }

    /** @throws IllegalArgumentException if the text is no version number */
    public static AppVersion parse(String text) {
        String t = text.strip();
        if (!t.matches(PATTERN)) {
            throw new IllegalArgumentException("Not a version: " + text);
        }
        int dash = t.indexOf('-');
        String main = dash < 0 ? t : t.substring(0, dash);
        List<Integer> numbers = new ArrayList<>();
        for (String part : main.split("\\.")) {
            numbers.add(Integer.parseInt(part));
        }
        while (numbers.size() < 4) {
            numbers.add(0);
        }
        return new AppVersion(
                t, numbers, dash < 0 ? null : t.substring(dash + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public int compareTo(AppVersion other) {
        for (int i = 0; i < 4; i++) {
            int c = Integer.compare(numbers.get(i), other.numbers.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (preRelease == null || other.preRelease == null) {
            return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
        }
        return preRelease.compareTo(other.preRelease);
    }

    public boolean isBefore(AppVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return numbers.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
