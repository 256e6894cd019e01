package de.kontor.base.export;

/** The user cancelled a running export. */
public class ExportCancelledException extends RuntimeException {
    public ExportCancelledException() {
        super("Export cancelled");
    }
}
