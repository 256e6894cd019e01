package de.kontor;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import de.kontor.security.TotpEnrolment;
import de.kontor.security.UserService;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** What an authenticator app shows for a key at a given time (RFC 6238 defaults), computed independently of Kontor. */
public final class TestTotp {

    private static final TimeBasedOneTimePasswordGenerator GENERATOR =
            new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));

    private TestTotp() {}

    /** The code of the next 30-second step (a step's code works only once per account). */
    public static String next(String base32Secret, MutableClock clock) {
        clock.advance(Duration.ofSeconds(30));
        return code(base32Secret, clock.instant());
    }

    /**
     * Sets up two-factor sign-in for the signed-in user, as on "My account"; returns the key. The
     * confirming code also counts as a step-up confirmation for the next ten minutes.
     */
    public static String enrolCurrentUser(UserService users, MutableClock clock) {
        TotpEnrolment enrolment = users.startTotpEnrolment();
        users.confirmTotpEnrolment(next(enrolment.secret(), clock));
        return enrolment.secret();
    }

    /** A six-digit code that is neither the one of {@code at} nor of a neighbouring step (accepted too). */
    public static String wrong(String base32Secret, Instant at) {
        Set<String> near = new HashSet<>();
        for (int step = -1; step <= 1; step++) {
            near.add(code(base32Secret, at.plusSeconds(30L * step)));
        }
        for (int i = 0; ; i++) {
            String candidate = String.format(Locale.ROOT, "%06d", i);
            if (!near.contains(candidate)) {
                return candidate;
            }
        }
    }

    public static String code(String base32Secret, Instant at) {
        try {
            int code = GENERATOR.generateOneTimePassword(
                    new SecretKeySpec(new Base32().decode(base32Secret), GENERATOR.getAlgorithm()), at);
            return String.format(Locale.ROOT, "%06d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
