package de.kontor.access;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A network admins may sign in from. */
public record AdminNetwork(long id, String cidr, @Nullable String comment, String createdBy, Instant createdAt) {}
