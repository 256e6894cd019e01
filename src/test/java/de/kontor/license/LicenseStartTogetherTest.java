package de.kontor.license;

import de.kontor.IntegrationTest;
import de.kontor.base.crypto.MeetingCipher;
import de.kontor.base.crypto.SecretCipher;
import de.kontor.base.db.DatabaseLocks;
import de.kontor.base.db.HeldLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What two nodes of one database may do at the same moment in the license module. */
class LicenseStartTogetherTest extends IntegrationTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SecretCipher cipher;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseLocks locks;

    @Autowired
    LicenseService licenses;

    @Test
    void twoNodesCreatingTheLeaseSigningKeyAtOnceBothUseTheOneStoredFirst() throws Exception {
        List<Map<String, Object>> saved = jdbcTemplate.queryForList("select * from license_signing_key where id = 1");
        jdbcTemplate.update("delete from license_signing_key where id = 1");
        try {
            // both have found no key when they encrypt their new private key, just before they store it
            CyclicBarrier bothFoundNoKey = new CyclicBarrier(2);
            LeaseSigner a = new LeaseSigner(jdbc, transactions, new MeetingCipher(cipher, bothFoundNoKey), json, clock);
            LeaseSigner b = new LeaseSigner(jdbc, transactions, new MeetingCipher(cipher, bothFoundNoKey), json, clock);
            CompletableFuture<String> onA = CompletableFuture.supplyAsync(a::keyId, threads);
            CompletableFuture<String> onB = CompletableFuture.supplyAsync(b::keyId, threads);

            String keyOfA = onA.get(60, TimeUnit.SECONDS);
            String keyOfB = onB.get(60, TimeUnit.SECONDS);

            String stored =
                    jdbcTemplate.queryForObject("select key_id from license_signing_key where id = 1", String.class);
            assertThat(keyOfA).isEqualTo(stored);
            assertThat(keyOfB).isEqualTo(stored);
            assertThat(a.publicKeyPem()).isEqualTo(b.publicKeyPem());
        } finally {
            if (!saved.isEmpty()) {
                // the application's own signer keeps signing with the key it has: put that key back
                Map<String, Object> row = saved.getFirst();
                jdbcTemplate.update("delete from license_signing_key where id = 1");
                jdbcTemplate.update(
                        "insert into license_signing_key (id, key_id, public_key, private_key_enc, created_at) "
                                + "values (1, ?, ?, ?, ?)",
                        row.get("key_id"),
                        row.get("public_key"),
                        row.get("private_key_enc"),
                        row.get("created_at"));
            }
        }
    }

    @Test
    void heartbeatPartitionUpkeepWaitsWhileAnotherNodeIsAtIt() throws Exception {
        CompletableFuture<Void> upkeep;
        try (HeldLock otherNode = new HeldLock(locks, jdbc, LicenseMaintenance.PARTITION_LOCK)) {
            upkeep = CompletableFuture.runAsync(licenses::maintainHeartbeatPartitions, threads);
            otherNode.awaitWaiter();
            assertThat(upkeep).isNotDone();
        }
        upkeep.get(60, TimeUnit.SECONDS);
        assertThat(jdbc.sql("select is_free_lock(?)")
                        .param(LicenseMaintenance.PARTITION_LOCK)
                        .query(Integer.class)
                        .single())
                .isOne();
    }
}
