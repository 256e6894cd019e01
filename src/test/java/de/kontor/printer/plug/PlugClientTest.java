package de.kontor.printer.plug;

import de.kontor.MutableClock;
import de.kontor.printer.plug.PlugException.Kind;
import de.kontor.printer.plug.PlugModel.Address;
import de.kontor.printer.plug.PlugModel.Credentials;
import de.kontor.printer.plug.PlugModel.DeviceInfo;
import de.kontor.printer.plug.PlugModel.EnergyUsage;
import de.kontor.printer.plug.sim.P110Emulator;
import de.kontor.printer.plug.sim.P110Emulator.Binding;
import de.kontor.printer.plug.sim.P110Emulator.Connections;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The real client (OkHttp, KLAP v2) against the emulated P110 over HTTP on loopback. */
class PlugClientTest {

    static final Credentials ACCOUNT = new Credentials("Werkstatt@Example.org", "Tapo-Passwort-1");

    final MutableClock clock = new MutableClock();
    final ExecutorService threads = Executors.newCachedThreadPool();
    P110Emulator plug;
    Address address;
    PlugClient client;

    @BeforeEach
    void start() {
        plug = P110Emulator.start(ACCOUNT.username(), ACCOUNT.password(), "Prusa MK4 · Regal 2", clock, threads, 42);
        address = new Address(plug.host(), plug.port());
        client = new PlugClient(new OkHttpClient(), Duration.ofSeconds(1), Duration.ofMillis(800));
    }

    @AfterEach
    void stop() {
        plug.close();
        threads.shutdownNow();
    }

    @Test
    void readsSwitchesAndMeasuresOverOneSession() {
        DeviceInfo info = client.deviceInfo(address, ACCOUNT);
        assertThat(info.on()).isFalse();
        assertThat(info.nickname()).isEqualTo("Prusa MK4 · Regal 2");
        assertThat(info.model()).isEqualTo("P110");
        assertThat(info.firmware()).startsWith("1.3.0");
        assertThat(info.signalLevel()).isEqualTo(3);

        plug.load(120);
        assertThat(client.switchPower(address, ACCOUNT, true).on()).isTrue();
        assertThat(plug.isOn()).isTrue();
        clock.advance(Duration.ofMinutes(30));
        EnergyUsage energy = client.energyUsage(address, ACCOUNT);
        assertThat(energy.currentPowerWatts()).isEqualTo(120.0);
        assertThat(energy.todayKWh()).isCloseTo(0.06, within(0.002));
        assertThat(energy.todayRuntimeMinutes()).isEqualTo(30);
        assertThat(client.currentPower(address, ACCOUNT)).isEqualTo(120);
        assertThat(client.deviceInfo(address, ACCOUNT).onTimeSeconds()).isGreaterThanOrEqualTo(1800);

        assertThat(client.switchPower(address, ACCOUNT, false).on()).isFalse();
        assertThat(client.energyUsage(address, ACCOUNT).currentPowerWatts()).isZero();
        assertThat(plug.handshakes()).isEqualTo(1);
    }

    @Test
    void aSessionReplacedByAnotherClientOrExpiredIsRenewedAndTheRequestRetried() {
        client.deviceInfo(address, ACCOUNT);
        // Home Assistant (another client) handshakes: the plug keeps only its session
        new PlugClient().deviceInfo(address, ACCOUNT);
        assertThat(client.switchPower(address, ACCOUNT, true).on()).isTrue();
        assertThat(plug.handshakes()).isEqualTo(3);

        plug.sessionTimeout(Duration.ofHours(1));
        client.deviceInfo(address, ACCOUNT); // a session with the short timeout
        int before = plug.handshakes();
        clock.advance(Duration.ofHours(2));
        assertThat(client.deviceInfo(address, ACCOUNT).on()).isTrue();
        assertThat(plug.handshakes()).isEqualTo(before + 1);

        plug.forbidNextRequest();
        assertThat(client.deviceInfo(address, ACCOUNT).on()).isTrue();
        plug.expireSession();
        assertThat(client.deviceInfo(address, ACCOUNT).on()).isTrue();
    }

    @Test
    void aPlugThatAnswersInHttp10StyleAndClosesEveryConnectionIsReadAndSwitched() {
        plug.connections(Connections.CLOSE_AFTER_ANSWER);
        plug.load(95);
        assertThat(client.deviceInfo(address, ACCOUNT).model()).isEqualTo("P110");
        assertThat(client.switchPower(address, ACCOUNT, true).on()).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(client.status(address, ACCOUNT).energy().currentPowerWatts()).isEqualTo(95.0);
        assertThat(client.switchPower(address, ACCOUNT, false).on()).isFalse();
        assertThat(plug.handshakes()).as("one session for all of it").isEqualTo(1);
        // handshake1, handshake2 and six requests, each on a connection of its own
        assertThat(plug.connectionsAccepted()).isEqualTo(8);
    }

    @Test
    void aPlugThatDropsIdleConnectionsIsAskedOnAFreshOne() {
        plug.connections(Connections.DROP_IDLE, Duration.ofMillis(100));
        assertThat(client.deviceInfo(address, ACCOUNT).on()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> plug.openConnections() == 0);
        assertThat(client.switchPower(address, ACCOUNT, true).on()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> plug.openConnections() == 0);
        assertThat(client.status(address, ACCOUNT).info().on()).isTrue();
        assertThat(plug.handshakes()).isEqualTo(1);
        // every exchange on a connection of its own: none can meet a connection the plug dropped meanwhile
        assertThat(plug.requestsOnReusedConnections()).isZero();
        assertThat(plug.connectionsAccepted()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aPlugThatRefusesConnectionsIsUnreachableUntilItsApiIsBack() {
        assertThat(client.deviceInfo(address, ACCOUNT).on()).isFalse();
        plug.refuseConnections(true); // power loss: the local API starts only minutes later
        PlugException refused = catchPlug(() -> client.deviceInfo(address, ACCOUNT));
        assertThat(refused.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(refused.getMessage()).contains("refuses connections");
        plug.refuseConnections(false);
        assertThat(client.deviceInfo(address, ACCOUNT).model()).isEqualTo("P110");
        assertThat(plug.handshakes()).as("the old session died with the power").isEqualTo(2);
    }

    @Test
    void wrongCredentialsAreReportedWithoutHandshake2() {
        PlugException e = catchPlug(() -> client.deviceInfo(address, new Credentials(ACCOUNT.username(), "wrong")));
        assertThat(e.kind()).isEqualTo(Kind.AUTH_FAILED);
        assertThat(e.getMessage()).contains("Werkstatt@Example.org");
        assertThat(plug.requests()).isZero();
        // the e-mail address is case-sensitive in the hash
        assertThat(catchPlug(() -> client.deviceInfo(
                                address, new Credentials("werkstatt@example.org", ACCOUNT.password())))
                        .kind())
                .isEqualTo(Kind.AUTH_FAILED);

        plug.binding(Binding.OTHER_ACCOUNT);
        assertThat(catchPlug(() -> client.deviceInfo(address, ACCOUNT)).kind()).isEqualTo(Kind.AUTH_FAILED);
    }

    @Test
    void plugsBoundToTheSetupAccountOrToNoAccountAreReachedWithTheFallbackHashes() {
        plug.binding(Binding.TAPO_SETUP_ACCOUNT);
        assertThat(client.deviceInfo(address, new Credentials("any@example.org", "x"))
                        .model())
                .isEqualTo("P110");
        plug.binding(Binding.BLANK);
        client.forget(address);
        assertThat(client.deviceInfo(address, new Credentials("any@example.org", "x"))
                        .model())
                .isEqualTo("P110");
    }

    @Test
    void thirdPartyAccessDisabledIsToldApart() {
        plug.thirdPartyCompatibility(false);
        PlugException e = catchPlug(() -> client.deviceInfo(address, ACCOUNT));
        assertThat(e.kind()).isEqualTo(Kind.THIRD_PARTY_DISABLED);
        assertThat(e.getMessage()).contains("Third-Party Compatibility");
    }

    @Test
    void slowAndAbsentPlugsAreUnreachable() throws Exception {
        plug.delay(Duration.ofSeconds(2));
        assertThat(catchPlug(() -> client.deviceInfo(address, ACCOUNT)).kind()).isEqualTo(Kind.UNREACHABLE);
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        assertThat(catchPlug(() -> client.deviceInfo(new Address("127.0.0.1", free), ACCOUNT))
                        .kind())
                .isEqualTo(Kind.UNREACHABLE);
        plug.delay(Duration.ZERO);
        assertThat(client.deviceInfo(address, ACCOUNT).model()).isEqualTo("P110");
    }

    @Test
    void deviceErrorsCarryTheirCode() {
        client.deviceInfo(address, ACCOUNT);
        plug.failNextRequest();
        PlugException e = catchPlug(() -> client.deviceInfo(address, ACCOUNT));
        assertThat(e.kind()).isEqualTo(Kind.DEVICE_ERROR);
        assertThat(e.code()).isEqualTo(500);
        plug.alarms(false, true);
        assertThat(client.deviceInfo(address, ACCOUNT).overloaded()).isTrue();
    }

    @Test
    void concurrentCallsOnOnePlugAreSerialized() throws Exception {
        List<Future<DeviceInfo>> calls = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 40; i++) {
            calls.add(callers.submit(() -> client.deviceInfo(address, ACCOUNT)));
        }
        for (Future<DeviceInfo> call : calls) {
            assertThat(call.get().model()).isEqualTo("P110");
        }
        callers.shutdown();
        assertThat(plug.handshakes()).isEqualTo(1);
        assertThat(plug.requests()).isEqualTo(40);
    }

    @Test
    void aPollReadsInfoAndEnergyInOneRequest() {
        plug.load(80);
        plug.press(true);
        clock.advance(Duration.ofMinutes(45));
        int before = plug.requests();
        PlugModel.Status status = client.status(address, ACCOUNT);
        assertThat(plug.requests() - before).isEqualTo(1);
        assertThat(status.info().on()).isTrue();
        assertThat(status.info().nickname()).isEqualTo("Prusa MK4 · Regal 2");
        assertThat(status.energy().currentPowerWatts()).isEqualTo(80.0);
        assertThat(status.energy().todayKWh()).isCloseTo(0.06, within(0.002));
    }

    @Test
    void cookieAttributesAreParsedByHand() {
        assertThat(PlugClient.attribute("TP_SESSIONID=AB12CD;TIMEOUT=86400", "TIMEOUT"))
                .isEqualTo("86400");
        assertThat(PlugClient.attribute("TP_SESSIONID=AB12CD;TIMEOUT=86400", "TP_SESSIONID"))
                .isEqualTo("AB12CD");
        assertThat(PlugClient.attribute(null, "TIMEOUT")).isNull();
    }

    private static PlugException catchPlug(Runnable call) {
        try {
            call.run();
        } catch (PlugException e) {
            return e;
        }
        throw new AssertionError("no PlugException");
    }
}
