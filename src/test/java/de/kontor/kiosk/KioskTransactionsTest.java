package de.kontor.kiosk;

import de.kontor.AuditRefusal;
import de.kontor.IntegrationTest;
import de.kontor.kiosk.KioskModel.IssuedToken;
import de.kontor.kiosk.KioskModel.KioskDraft;
import de.kontor.kiosk.KioskModel.Privacy;
import de.kontor.printer.TestPlugs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each change of a kiosk is one transaction with its audit entry (a refused audit entry leaves nothing
 * behind), and a paired screen's token is handed out once however many requests ask for it at the same time.
 */
class KioskTransactionsTest extends IntegrationTest {

    @Autowired
    KioskService kiosks;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void admin() {
        TestPlugs.asAdmin();
    }

    @AfterEach
    void signOut() {
        TestPlugs.signOut();
    }

    IssuedToken kiosk(String name) {
        return kiosks.create(new KioskDraft(name, null, Privacy.NONE, null, null, null));
    }

    @Test
    void aKioskWhoseAuditEntryFailsIsNotRegistered() {
        String name = unique("refused-kiosk");
        try (var refusal = AuditRefusal.refuse(jdbc, "kiosk", "CREATE", "%" + name + "%")) {
            assertThatThrownBy(() -> kiosk(name)).isInstanceOf(DataAccessException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from kiosk_device where name = ?", Integer.class, name))
                .isZero();
    }

    @Test
    void aPairingWhoseAuditEntryFailsKeepsTheOldTokenAndTheCodeOpen() {
        IssuedToken token = kiosk(unique("Pairing"));
        String code = kiosks.startPairing();
        try (var refusal = AuditRefusal.refuse(jdbc, "kiosk", "PAIR", "%" + code + "%")) {
            assertThatThrownBy(() -> kiosks.pair(code, token.kioskId())).isInstanceOf(DataAccessException.class);
        }
        assertThat(kiosks.byToken(token.token()))
                .as("the token rotated before the failure is still the old one")
                .isPresent();
        assertThat(kiosks.pickUp(code)).isEmpty();

        kiosks.pair(code, token.kioskId());
        assertThat(kiosks.byToken(token.token())).isEmpty();
        assertThat(kiosks.pickUp(code)).isPresent();
    }

    @Test
    void aPairedTokenIsPickedUpOnceByConcurrentRequests() throws Exception {
        IssuedToken token = kiosk(unique("Once"));
        String code = kiosks.startPairing();
        kiosks.pair(code, token.kioskId());
        ExecutorService callers = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(callers.submit(() -> {
                start.await();
                return kiosks.pickUp(code);
            }));
        }
        start.countDown();
        List<String> handedOut = new ArrayList<>();
        for (Future<Optional<String>> call : calls) {
            call.get().ifPresent(handedOut::add);
        }
        callers.shutdown();
        assertThat(handedOut).hasSize(1);
        assertThat(kiosks.byToken(handedOut.get(0))).isPresent();
    }
}
