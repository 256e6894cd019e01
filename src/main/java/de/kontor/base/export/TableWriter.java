package de.kontor.base.export;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.List;

/** Writes one table to one file format, row by row. */
interface TableWriter extends AutoCloseable {

    void header(List<String> headers) throws IOException;

    void row(List<@Nullable Object> values) throws IOException;

    /** Completes the file; after this, {@link #close()} only releases resources. */
    void finish(long rows) throws IOException;

    @Override
    void close() throws IOException;
}
