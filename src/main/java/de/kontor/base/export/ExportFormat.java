package de.kontor.base.export;

import de.kontor.base.error.DomainException;

import java.util.Locale;

/** The file formats a grid can be exported to. */
public enum ExportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("pdf", "application/pdf"),
    CSV("csv", "text/csv;charset=UTF-8");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format an API's {@code format} parameter names ({@code xlsx}, {@code csv}, {@code pdf}); else a field error. */
    public static ExportFormat fromParameter(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("format", "INVALID_FORMAT", "api.export.format", text);
        }
    }
}
