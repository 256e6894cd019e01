package de.kontor.printer;

import de.kontor.IntegrationTest;
import de.kontor.base.error.DomainException;
import de.kontor.printer.PrinterModel.ConnectionTest;
import de.kontor.printer.PrinterModel.PlugState;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.plug.sim.P110Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Printers against emulated P110 plugs over HTTP: credentials at rest, switching, polling, failures. */
class PrinterServiceTest extends IntegrationTest {

    static final String USER = "Werkstatt@Example.org";
    static final String PASSWORD = "Tapo-Passwort-1";

    @Autowired
    PrinterService printers;

    @Autowired
    JdbcTemplate jdbc;

    final ExecutorService threads = Executors.newCachedThreadPool();
    final List<P110Emulator> plugs = new ArrayList<>();

    @BeforeEach
    void admin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    @AfterEach
    void stop() {
        plugs.forEach(P110Emulator::close);
        threads.shutdownNow();
        SecurityContextHolder.clearContext();
    }

    P110Emulator plug() {
        P110Emulator plug = P110Emulator.start(USER, PASSWORD, "Plug " + plugs.size(), clock, threads, plugs.size());
        plugs.add(plug);
        return plug;
    }

    Printer printer(P110Emulator plug) {
        return printers.create(new PrinterDraft(
                unique("Prusa"), "MK4", "Regal 2", plug.host(), plug.port(), USER, PASSWORD, 10, 5, true, null));
    }

    @Test
    void plugPasswordsAreEncryptedAtRestAndNeverShown() {
        Printer p = printer(plug());
        String stored = jdbc.queryForObject("select plug_password_enc from printer where id = ?", String.class, p.id());
        assertThat(stored).startsWith("v1:").doesNotContain(PASSWORD);
        assertThat(p.ownCredentials()).isTrue();
        assertThat(p.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void draftsAreValidatedField() {
        P110Emulator plug = plug();
        assertThatThrownBy(() -> printers.create(
                        new PrinterDraft(" ", null, null, plug.host(), 80, null, null, 10, 5, true, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> printers.create(
                        new PrinterDraft("X", null, null, "bad host!", 80, null, null, 10, 5, true, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.field()).isEqualTo("plugHost"));
        assertThatThrownBy(() -> printers.create(
                        new PrinterDraft("X", null, null, "10.0.0.5", 0, null, null, 10, 5, true, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.field()).isEqualTo("plugPort"));
        assertThatThrownBy(() ->
                        printers.create(new PrinterDraft("X", null, null, "10.0.0.5", 80, USER, "", 10, 5, true, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.field()).isEqualTo("plugPassword"));
        Printer p = printer(plug);
        assertThatThrownBy(() -> printers.create(
                        new PrinterDraft(p.name(), null, null, "10.0.0.5", 80, null, null, 10, 5, true, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("PRINTER_NAME_TAKEN"));
    }

    @Test
    void testConnectionSaysWhatThePlugSaysWithoutSaving() {
        P110Emulator plug = plug();
        PrinterDraft draft =
                new PrinterDraft("Test", null, null, plug.host(), plug.port(), USER, PASSWORD, 10, 5, true, null);
        ConnectionTest ok = printers.testConnection(null, draft);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.nickname()).isEqualTo("Plug 0");
        ConnectionTest wrong = printers.testConnection(
                null, new PrinterDraft("Test", null, null, plug.host(), plug.port(), USER, "wrong", 10, 5, true, null));
        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.message()).startsWith("AUTH_FAILED");
        plug.thirdPartyCompatibility(false);
        assertThat(printers.testConnection(null, draft).message()).startsWith("THIRD_PARTY_DISABLED");
        assertThat(printers.printers(false)).noneMatch(p -> p.name().equals("Test"));
    }

    @Test
    void switchingIsConfirmedAndStored() {
        P110Emulator plug = plug();
        Printer p = printer(plug);
        assertThat(printers.power(p.id(), true, "test").powerOn()).isTrue();
        assertThat(plug.isOn()).isTrue();
        assertThat(printers.power(p.id(), false, "test").state()).isEqualTo(PlugState.OFF);
        assertThat(plug.isOn()).isFalse();
    }

    @Test
    void pollingStoresStateEnergyAndSamplesAndBacksOffFromUnreachablePlugs() {
        P110Emulator a = plug();
        P110Emulator b = plug();
        Printer pa = printer(a);
        Printer pb = printer(b);
        a.load(150);
        a.press(true);
        clock.advance(Duration.ofMinutes(20));
        b.thirdPartyCompatibility(false);
        printers.poll();
        Printer polledA = printers.get(pa.id());
        assertThat(polledA.state()).isEqualTo(PlugState.ON);
        assertThat(polledA.powerWatts()).isEqualTo(150.0);
        assertThat(polledA.energyTodayKWh()).isEqualTo(0.05);
        assertThat(polledA.lastContactAt()).isNotNull();
        assertThat(printers.samples(pa.id(), clock.instant().minusSeconds(60)))
                .extracting(s -> s.watts())
                .containsExactly(150.0);
        Printer failing = printers.get(pb.id());
        assertThat(failing.failures()).isEqualTo(1);
        assertThat(failing.lastError()).startsWith("THIRD_PARTY_DISABLED");

        // backed off: not asked again before its next poll time
        int handshakes = b.handshakes();
        printers.poll();
        assertThat(b.handshakes()).isEqualTo(handshakes);
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofMinutes(11));
            printers.poll();
        }
        assertThat(printers.get(pb.id()).state()).isEqualTo(PlugState.UNREACHABLE);
        b.thirdPartyCompatibility(true);
        clock.advance(Duration.ofMinutes(11));
        printers.poll();
        assertThat(printers.get(pb.id()).state()).isEqualTo(PlugState.OFF);
        assertThat(printers.get(pb.id()).failures()).isZero();
    }

    @Test
    void powerSamplesOlderThanTheRetentionAreDeleted() {
        P110Emulator plug = plug();
        Printer p = printer(plug);
        plug.load(60);
        plug.press(true);
        printers.poll();
        Instant sampled = clock.instant();
        assertThat(printers.samples(p.id(), sampled.minusSeconds(60))).hasSize(1);
        clock.advance(Duration.ofDays(6));
        printers.purgeSamples();
        assertThat(printers.samples(p.id(), sampled.minusSeconds(60)))
                .as("within the 7 days")
                .hasSize(1);
        clock.advance(Duration.ofDays(2));
        printers.purgeSamples();
        assertThat(printers.samples(p.id(), sampled.minusSeconds(60))).isEmpty();
    }

    @Test
    void aFailedSwitchIsAClearError() {
        P110Emulator plug = plug();
        Printer p = printer(plug);
        plug.close();
        assertThatThrownBy(() -> printers.power(p.id(), true, "test"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("PLUG_UNREACHABLE");
                    assertThat(e.status()).isEqualTo(503);
                });
    }
}
