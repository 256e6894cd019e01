package de.kontor.base.ui;

import org.jspecify.annotations.Nullable;

/** A search result: what it is ({@code title}, {@code detail}) and the location that opens it ("customers/42"). */
public record SearchHit(String title, @Nullable String detail, String location) {}
