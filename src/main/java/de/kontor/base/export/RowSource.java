package de.kontor.base.export;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;

import java.util.List;

/**
 * Where an export reads its rows: page by page, with the same filter and sort the grid shows, so the
 * whole result is exported without holding it in memory. Usually the same service call the grid uses.
 */
@FunctionalInterface
public interface RowSource<T> {
    Slice<T> fetch(Pageable pageable);

    /** Rows already in memory (a selection, a computed report), served page by page in their order. */
    static <T> RowSource<T> of(List<T> rows) {
        return pageable -> {
            int from = (int) Math.min(pageable.getOffset(), rows.size());
            int to = Math.min(from + pageable.getPageSize(), rows.size());
            return new SliceImpl<>(rows.subList(from, to), pageable, to < rows.size());
        };
    }
}
