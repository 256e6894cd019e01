package de.kontor.license;

import de.kontor.base.Texts;
import de.kontor.license.LicenseEnums.MatchRule;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A machine's hardware identity as the client reports it. Components are compared normalized (case,
 * separators in MAC addresses, braces around UUIDs); the hostname is informational only.
 */
public record Fingerprint(
        @Nullable String mac,
        @Nullable String cpuId,
        @Nullable String systemUuid,
        @Nullable String hostname) {

    public Fingerprint {
        mac = normalizeMac(mac);
        cpuId = Texts.blankToNull(cpuId);
        systemUuid = normalizeUuid(systemUuid);
        hostname = Texts.blankToNull(hostname);
    }

    /** Whether at least one of MAC, CPU id and system UUID is known. */
    public boolean hasComponents() {
        return mac != null || cpuId != null || systemUuid != null;
    }

    /** How many of the three components both fingerprints have and agree on. */
    public int matchingComponents(Fingerprint other) {
        int n = 0;
        if (mac != null && mac.equals(other.mac)) {
            n++;
        }
        if (cpuId != null && cpuId.equalsIgnoreCase(Objects.requireNonNullElse(other.cpuId, ""))) {
            n++;
        }
        if (systemUuid != null && systemUuid.equals(other.systemUuid)) {
            n++;
        }
        return n;
    }

    /** Whether {@code other} is the same device under {@code rule}. */
    public boolean sameDevice(Fingerprint other, MatchRule rule) {
        int matching = matchingComponents(other);
        return switch (rule) {
            case ANY -> matching >= 1;
            case TWO_OF_THREE -> matching >= 2;
            case ALL -> matching == 3;
        };
    }

    /** SHA-256 (hex) of a component, as leases carry them; null stays null. */
    public static @Nullable String hash(@Nullable String component) {
        if (component == null) {
            return null;
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(component.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable String normalizeMac(@Nullable String mac) {
        String m = Texts.blankToNull(mac);
        if (m == null) {
            return null;
        }
        String hex = m.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 12) {
            return m.toLowerCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }

    private static @Nullable String normalizeUuid(@Nullable String uuid) {
        String u = Texts.blankToNull(uuid);
        return u == null ? null : u.replace("{", "").replace("}", "").toLowerCase(Locale.ROOT);
    }
}
