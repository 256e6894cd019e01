package de.kontor.tally;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the tally module answers with. */
public final class TallyModel {

    private TallyModel() {}

    /** The caller of the terminal API: an API user's key and what it may do. */
    public record ApiClient(long keyId, long userId, String userName, Scope scope) {
        public boolean mayManage() {
            return scope == Scope.MANAGE;
        }
    }

    /** {@code book}: terminals (health, version, lookups, bookings); {@code manage}: also persons and ledgers. */
    public enum Scope {
        BOOK,
        MANAGE
    }

    public record PersonName(long id, String code, String lastName, String firstName) {}

    public record PersonBalance(
            long id, String code, String lastName, String firstName, long balance, boolean locked) {}

    /**
     * A ledger entry. {@code reversesId}: this entry is the reversal ("Storno") of that one;
     * {@code reversedById}: this entry was reversed by that one.
     */
    public record Entry(
            long id,
            long personId,
            String lastName,
            String firstName,
            long amount,
            String description,
            Instant bookedAt,
            String source,
            String bookedBy,
            @Nullable Long reversesId,
            @Nullable Long reversedById) {

        /** Whether an admin may still reverse it: not reversed yet and not a reversal itself. */
        public boolean reversible() {
            return reversesId == null && reversedById == null;
        }
    }

    /** A person's bookings (active ledger) in a period, oldest first, and the balance before and after it. */
    public record Statement(
            PersonDetails person,
            LocalDate from,
            LocalDate to,
            long opening,
            List<Entry> entries,
            long closing,
            String currency) {}

    public record Settings(
            int bookingAmount,
            String currency,
            @Nullable String responsibleEmail,
            boolean selfRegistration,
            @Nullable String privacyNotice) {
        public Settings(
                int bookingAmount, String currency, @Nullable String responsibleEmail, boolean selfRegistration) {
            this(bookingAmount, currency, responsibleEmail, selfRegistration, null);
        }
    }

    /** Everything about one person an admin (or the person themselves) sees. */
    public record PersonDetails(
            long id,
            String code,
            String firstName,
            String lastName,
            @Nullable String email,
            @Nullable String comment,
            boolean locked,
            long balance,
            boolean notifyBooking,
            boolean notifyZero,
            boolean notifyThreshold,
            @Nullable Integer reminderThreshold,
            @Nullable Integer responsibleThreshold,
            boolean admin,
            @Nullable Long userId,
            @Nullable Instant archivedAt,
            Instant createdAt,
            long version) {
        public String name() {
            return firstName + " " + lastName;
        }
    }

    /** A new person entered by an admin; without a code one is generated. */
    public record NewPerson(
            @Nullable String code,
            String firstName,
            String lastName,
            @Nullable String email,
            @Nullable String password) {}

    /** What an admin changes on a person. */
    public record PersonUpdate(
            String firstName,
            String lastName,
            @Nullable String email,
            @Nullable String comment,
            @Nullable Integer reminderThreshold,
            @Nullable Integer responsibleThreshold,
            boolean notifyBooking,
            boolean notifyZero,
            boolean notifyThreshold) {}

    /** What a member changes on their own account. */
    public record NoticeSettings(
            boolean notifyBooking,
            boolean notifyZero,
            boolean notifyThreshold,
            @Nullable Integer reminderThreshold) {}

    /** A self-registration. */
    public record Registration(
            String firstName, String lastName, String email, String password, boolean privacyAccepted) {}

    public record Token(
            long id,
            long personId,
            String name,
            String hex,
            Instant createdAt,
            @Nullable Instant lastUsedAt) {}

    public record ResetInfo(
            long id,
            @Nullable Long personId,
            @Nullable String personName,
            Instant resetAt,
            String resetBy,
            int entries,
            @Nullable Instant restoredAt) {}

    public record ApiUserInfo(
            long id,
            String name,
            Instant createdAt,
            int activeKeys,
            @Nullable Instant lastUsedAt) {}

    public record ApiKeyInfo(
            long id,
            long apiUserId,
            String prefix,
            Scope scope,
            Instant createdAt,
            @Nullable Instant lastUsedAt) {}

    /** An API key as created: the value is shown once. */
    public record IssuedKey(long keyId, long apiUserId, String value, Scope scope) {}

    /** The outcome of an NFC booking, in the order the terminal API checks. */
    public sealed interface NfcOutcome permits UnknownToken, Locked, InvalidAmount, Blocked, Booked {}

    public record UnknownToken() implements NfcOutcome, QrOutcome {}

    public record Locked(String firstName) implements NfcOutcome, QrOutcome {}

    /** The configured booking amount is not a negative whole number within the largest amount allowed. */
    public record InvalidAmount(int amount, long maxAmount) implements NfcOutcome, QrOutcome {}

    public record Blocked(String firstName, long balance, String currency) implements NfcOutcome {}

    public record Booked(String firstName, long balance, String currency) implements NfcOutcome, QrOutcome {}

    public sealed interface QrOutcome permits UnknownToken, Locked, InvalidAmount, Booked {}

    /**
     * A booking was committed; notices follow from it. {@code mayNotify} is false when the person wants no
     * e-mail and has no responsible threshold, so most bookings cost the notices nothing.
     */
    public record BookedEvent(
            long personId, long entryId, long amount, long balanceBefore, long balanceAfter, boolean mayNotify) {
        public BookedEvent(long personId, long entryId, long amount, long balanceBefore, long balanceAfter) {
            this(personId, entryId, amount, balanceBefore, balanceAfter, true);
        }
    }

    /** An NFC token nobody has registered was presented. */
    public record UnknownTokenEvent(byte[] token, String terminal, Instant at) {}
}
