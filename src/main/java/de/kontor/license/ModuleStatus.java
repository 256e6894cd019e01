package de.kontor.license;

import org.jspecify.annotations.Nullable;

/**
 * A product seen as a module of licensed software: its identifier (the product code in lower case),
 * name, latest stable version and the license registered for it.
 */
public record ModuleStatus(
        String identifier,
        String name,
        @Nullable String version,
        String backend,
        @Nullable String repository,
        ModuleLicense license) {}
