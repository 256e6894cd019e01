package de.kontor.security;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user agent header summarised for people ("Firefox 128 on Linux"): enough to recognise one's own browser
 * in a list of sessions, not a full parse. Scripts and tools keep their product token ("curl/8.5.0").
 */
final class UserAgents {

    static final int MAX = 100;

    /** Most specific first: Edge and Opera also say Chrome, Chrome also says Safari. */
    private static final List<Browser> BROWSERS = List.of(
            new Browser("Edge", Pattern.compile("Edg(?:e|A|iOS)?/(\\d+)")),
            new Browser("Opera", Pattern.compile("OPR/(\\d+)")),
            new Browser("Vivaldi", Pattern.compile("Vivaldi/(\\d+)")),
            new Browser("Firefox", Pattern.compile("(?:Firefox|FxiOS)/(\\d+)")),
            new Browser("Chrome", Pattern.compile("(?:Chrome|Chromium|CriOS)/(\\d+)")),
            new Browser("Safari", Pattern.compile("Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/")));

    private static final List<System> SYSTEMS = List.of(
            new System("Android", "Android"),
            new System("iPhone", "iOS"),
            new System("iPad", "iPadOS"),
            new System("Windows", "Windows"),
            new System("Mac OS X", "macOS"),
            new System("CrOS", "ChromeOS"),
            new System("Linux", "Linux"));

    private record Browser(String name, Pattern version) {}

    private record System(String marker, String name) {}

    private UserAgents() {}

    static @Nullable String summarise(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String os = SYSTEMS.stream()
                .filter(s -> userAgent.contains(s.marker()))
                .map(System::name)
                .findFirst()
                .orElse(null);
        for (Browser browser : BROWSERS) {
            Matcher m = browser.version().matcher(userAgent);
            if (m.find()) {
                String name = browser.name() + " " + m.group(1);
                return os == null ? name : name + " on " + os;
            }
        }
        String product = userAgent.strip().split("\\s+", 2)[0];
        return product.length() > MAX ? product.substring(0, MAX) : product;
    }
}
