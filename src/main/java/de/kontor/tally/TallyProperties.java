package de.kontor.tally;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The tally module's settings ({@code kontor.tally.*}); the defaults are in {@code application.properties}.
 * What admins change at run time (booking amount, currency, ...) is in the database instead.
 *
 * @param api where the terminal API is served
 * @param maxAmount the largest amount one booking may have, either way (deposits, corrections, bulk
 *     bookings, the terminals' booking amount); keeps balances and their sums far from overflowing
 * @param confirmAbove bookings in the UI of more than this, either way, ask for a confirmation that shows the
 *     resulting balance
 * @param baseUrl the address password reset links point at (empty: the address of the request); follows
 *     {@code kontor.base-url}
 */
@Validated
@ConfigurationProperties("kontor.tally")
public record TallyProperties(
        @Valid @NotNull Api api,
        @Min(1) @Max(MAX_AMOUNT_LIMIT) long maxAmount,
        @Min(1) @Max(MAX_AMOUNT_LIMIT) long confirmAbove,
        @Nullable String baseUrl) {

    /** The highest {@code max-amount} allowed: the booking amount setting is an INT column. */
    public static final long MAX_AMOUNT_LIMIT = 1_000_000_000L;

    /**
     * @param basePath the terminal API's path prefix (the terminal client's {@code API_URL} ends with it)
     * @param atRoot serve the terminal API's paths at {@code /} too, for terminals configured without a prefix
     */
    public record Api(@NotNull @Pattern(regexp = "/\\S*") String basePath, boolean atRoot) {}

    /** Whether {@code amount} is a whole amount one booking may have (not 0, at most {@link #maxAmount}). */
    public boolean allows(long amount) {
        return amount != 0 && amount >= -maxAmount && amount <= maxAmount;
    }
}
