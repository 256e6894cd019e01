package de.kontor.base.export;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

/**
 * Where an export reads its rows: page by page, with the same filter and sort the grid shows, so the
 * whole result is exported without holding it in memory. Usually the same service call the grid uses.
 */
@FunctionalInterface
public interface RowSource<T> {
    Slice<T> fetch(Pageable pageable);
}
