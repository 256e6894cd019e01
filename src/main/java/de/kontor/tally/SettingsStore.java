package de.kontor.tally;

import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditService;
import de.kontor.base.db.Rows;
import de.kontor.base.error.DomainException;
import de.kontor.tally.TallyModel.Settings;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admins' settings (one row). Every booking reads them, and they change rarely: kept for a few seconds,
 * forgotten at once when they change on this node.
 */
@Component
class SettingsStore {

    private static final long TTL_NANOS = 5_000_000_000L;

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final TallyProperties properties;
    private volatile @Nullable Settings cached;
    private volatile long readAt;

    SettingsStore(JdbcClient jdbc, AuditService audit, TallyProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    Settings get() {
        Settings settings = cached;
        if (settings != null && System.nanoTime() - readAt < TTL_NANOS) {
            return settings;
        }
        Settings fresh = read(false);
        cached = fresh;
        readAt = System.nanoTime();
        return fresh;
    }

    /** Reads the settings anew at the next use, and once more after the current transaction commits. */
    void forget() {
        cached = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cached = null;
                }
            });
        }
    }

    private Settings read(boolean forUpdate) {
        return jdbc.sql("select booking_amount, currency, responsible_email, self_registration, privacy_notice "
                        + "from tally_settings where id = 1" + (forUpdate ? " for update" : ""))
                .query(Rows.mapper(Settings.class))
                .single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Settings update(Settings settings) {
        int amount = settings.bookingAmount();
        if (amount >= 0) {
            throw DomainException.invalidField("bookingAmount", "INVALID_AMOUNT", "tally.settings.amount");
        }
        if (!properties.allows(amount)) {
            throw DomainException.invalidField(
                    "bookingAmount", "AMOUNT_OUT_OF_RANGE", "tally.booking.amountRange", properties.maxAmount());
        }
        String currency = settings.currency() == null ? "" : settings.currency().strip();
        if (currency.isEmpty() || currency.length() > 10) {
            throw DomainException.invalidField("currency", "INVALID_CURRENCY", "tally.settings.currency.invalid");
        }
        String responsible = Checks.email(settings.responsibleEmail(), "responsibleEmail");
        String privacy =
                settings.privacyNotice() == null || settings.privacyNotice().isBlank()
                        ? null
                        : settings.privacyNotice().strip();
        Settings before = read(true);
        forget();
        jdbc.sql("update tally_settings set booking_amount = ?, currency = ?, responsible_email = ?, "
                        + "self_registration = ?, privacy_notice = ? where id = 1")
                .params(amount, currency, responsible, settings.selfRegistration(), privacy)
                .update();
        Settings after = read(false);
        audit.record(
                TallyService.MODULE,
                "Settings",
                1L,
                "UPDATE",
                "Tally settings changed",
                AuditChange.diff(snapshot(before), snapshot(after)));
        return after;
    }

    private static Map<String, Object> snapshot(Settings s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bookingAmount", s.bookingAmount());
        map.put("currency", s.currency());
        map.put("responsibleEmail", String.valueOf(s.responsibleEmail()));
        map.put("selfRegistration", s.selfRegistration());
        return map;
    }
}
