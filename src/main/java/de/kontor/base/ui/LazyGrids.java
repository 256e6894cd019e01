package de.kontor.base.ui;

import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

import java.util.function.Function;

/** Grids that load page by page from a service, in the grid's sort order. */
public final class LazyGrids {

    private LazyGrids() {}

    /** A fetch callback over a service method taking a {@link Pageable} (with the grid's sort). */
    public static <T> CallbackDataProvider.FetchCallback<T, Void> pages(Function<Pageable, Slice<T>> fetch) {
        return query -> fetch.apply(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream();
    }
}
