package de.kontor.access;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One block as the admin sees it: {@code id} is the rule's number for manual entries and
 * {@code address:<ip>} or {@code account:<name>} for a lock of the login throttling.
 *
 * @param subject the address or CIDR range, or the account name the throttling locked
 * @param until when it ends by itself; null: until removed
 */
public record AddressBlock(
        String id,
        BlockSource source,
        String subject,
        @Nullable String comment,
        @Nullable Instant until,
        String createdBy,
        Instant createdAt) {}
