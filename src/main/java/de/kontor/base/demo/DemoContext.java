package de.kontor.base.demo;

import java.util.Random;

/**
 * What demo loaders share: a seeded random (same data on every fresh demo database) and the password
 * all demo accounts get (from {@code KONTOR_DEMO_PASSWORD}, else generated and printed once).
 */
public record DemoContext(Random random, String password) {}
