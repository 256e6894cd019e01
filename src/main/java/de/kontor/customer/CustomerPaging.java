package de.kontor.customer;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import java.util.List;

/** Paging for large customer tables (see {@link CustomerPagingImpl}). */
interface CustomerPaging {

    Slice<Customer> findSlice(Specification<Customer> specification, Pageable pageable);

    /** All matching ids in this order. */
    List<Long> findIds(Specification<Customer> specification, Sort sort);

    /** The customers with these ids, in the ids' order. */
    List<Customer> findByIdsInOrder(List<Long> ids);
}
