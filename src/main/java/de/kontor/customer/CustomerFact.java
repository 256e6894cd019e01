package de.kontor.customer;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One number about a customer from another module.
 *
 * @param labelKey     message key, e.g. "license.fact.licenses"
 * @param count        how many records; more than 0 blocks deleting the customer
 * @param lastActivity the latest time something happened there, if known
 */
public record CustomerFact(
        String labelKey, long count, @Nullable Instant lastActivity) {}
