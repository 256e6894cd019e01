package de.kontor.base.export;

import java.nio.file.Path;

/** A finished export waiting in a temporary file to be downloaded (and then deleted). */
public record ExportResult(Path file, String fileName, ExportFormat format, long rows) {}
