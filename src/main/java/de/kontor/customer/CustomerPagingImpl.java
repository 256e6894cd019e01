package de.kontor.customer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A page in two steps: first the ids (the database walks an index, reading no table rows for the
 * rows it skips), then the rows for just those ids. With plain OFFSET paging MariaDB reads every
 * skipped row in full, which makes deep pages and whole-table exports slow.
 */
class CustomerPagingImpl implements CustomerPaging {

    private final EntityManager entityManager;

    CustomerPagingImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Slice<Customer> findSlice(Specification<Customer> specification, Pageable pageable) {
        List<Long> ids = idQuery(specification, pageable.getSort())
                .setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize() + 1)
                .getResultList();
        boolean hasNext = ids.size() > pageable.getPageSize();
        if (hasNext) {
            ids = ids.subList(0, pageable.getPageSize());
        }
        return new SliceImpl<>(findByIdsInOrder(ids), pageable, hasNext);
    }

    @Override
    public List<Long> findIds(Specification<Customer> specification, Sort sort) {
        return idQuery(specification, sort).getResultList();
    }

    @Override
    public List<Customer> findByIdsInOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Customer> rows = entityManager
                .createQuery("select c from Customer c where c.id in :ids", Customer.class)
                .setParameter("ids", ids)
                .getResultList();
        Map<Long, Customer> byId = new HashMap<>();
        rows.forEach(c -> byId.put(c.getId(), c));
        List<Customer> ordered = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Customer c = byId.get(id);
            if (c != null) {
                ordered.add(c);
            }
        }
        return ordered;
    }

    private TypedQuery<Long> idQuery(Specification<Customer> specification, Sort sort) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Customer> root = query.from(Customer.class);
        query.select(root.get("id"));
        var where = specification.toPredicate(root, query, cb);
        if (where != null) {
            query.where(where);
        }
        query.orderBy(QueryUtils.toOrders(sort, root, cb));
        return entityManager.createQuery(query);
    }
}
