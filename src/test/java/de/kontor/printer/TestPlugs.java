package de.kontor.printer;

import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.plug.sim.P110Emulator;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What printer and kiosk tests share: emulated plugs bound to one Tapo account (stopped by {@link #close()}),
 * drafts of printers on them, and who is signed in on the test's thread.
 */
public final class TestPlugs implements AutoCloseable {

    public static final String USER = "werkstatt@example.org";
    public static final String PASSWORD = "Plug-Pw-1";

    private final Clock clock;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<P110Emulator> plugs = new ArrayList<>();

    public TestPlugs(Clock clock) {
        this.clock = clock;
    }

    /** A new emulated plug on a free loopback port. */
    public P110Emulator start(String nickname) {
        P110Emulator plug = P110Emulator.start(USER, PASSWORD, nickname, clock, threads, 1000L + plugs.size());
        plugs.add(plug);
        return plug;
    }

    /** A reservable printer on the plug with its own account, 10 W idle threshold, 5 minutes warm-up. */
    public static PrinterDraft draft(String name, P110Emulator plug) {
        return new PrinterDraft(name, null, null, plug.host(), plug.port(), USER, PASSWORD, 10, 5, true, null);
    }

    /** Signs {@code user} in on this thread with one role ({@code ROLE_ADMIN}, {@code ROLE_MEMBER}). */
    public static void as(String user, String role) {
        var principal = new User(user, "n/a", List.of(new SimpleGrantedAuthority(role)));
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    public static void asAdmin() {
        as("admin", "ROLE_ADMIN");
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Override
    public void close() {
        plugs.forEach(P110Emulator::close);
        threads.shutdownNow();
        signOut();
    }
}
