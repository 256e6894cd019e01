package de.kontor.base.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import org.springframework.data.domain.Sort;

import java.util.ArrayList;
import java.util.List;

/** The sort order a grid currently shows, as Spring Data understands it. */
public final class GridSorts {

    private GridSorts() {}

    public static Sort of(Grid<?> grid) {
        List<Sort.Order> orders = new ArrayList<>();
        for (GridSortOrder<?> order : grid.getSortOrder()) {
            order.getSorted()
                    .getSortOrder(order.getDirection())
                    .forEach((QuerySortOrder q) -> orders.add(
                            q.getDirection() == SortDirection.DESCENDING
                                    ? Sort.Order.desc(q.getSorted())
                                    : Sort.Order.asc(q.getSorted())));
        }
        return Sort.by(orders);
    }
}
