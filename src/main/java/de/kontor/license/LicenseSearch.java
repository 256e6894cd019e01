package de.kontor.license;

import de.kontor.base.db.Like;
import de.kontor.base.error.DomainException;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The license list: filters (product, customer, status, type, expiring soon, key or notes), sort, paging. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LicenseSearch {

    private final LicenseRepository licenses;
    private final LicenseAnomalies anomalies;
    private final Clock clock;
    private final ZoneId zone;

    LicenseSearch(LicenseRepository licenses, LicenseAnomalies anomalies, Clock clock, ZoneId zone) {
        this.licenses = licenses;
        this.anomalies = anomalies;
        this.clock = clock;
        this.zone = zone;
    }

    Slice<License> find(LicenseQuery query, Pageable pageable) {
        return licenses.findBy(specification(query), q -> q.slice(sorted(pageable)));
    }

    long count(LicenseQuery query) {
        return licenses.count(specification(query));
    }

    private static Pageable sorted(Pageable pageable) {
        if (pageable.getSort().isUnsorted()) {
            return PageRequest.of(
                    pageable.getPageNumber(),
                    pageable.getPageSize(),
                    Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        }
        for (Sort.Order order : pageable.getSort()) {
            if (!LicenseService.SORTABLE.contains(order.getProperty())) {
                throw DomainException.invalidField("sort", "INVALID_SORT", "license.error.sort", order.getProperty());
            }
        }
        return pageable;
    }

    private Specification<License> specification(LicenseQuery query) {
        // flagged licenses are few: their ids are read once, not joined per row
        Set<Long> flagged = query.anomalous() == null ? Set.of() : anomalies.flaggedLicenses();
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (Boolean.TRUE.equals(query.anomalous())) {
                where.add(flagged.isEmpty() ? cb.disjunction() : root.get("id").in(flagged));
            } else if (Boolean.FALSE.equals(query.anomalous()) && !flagged.isEmpty()) {
                where.add(cb.not(root.get("id").in(flagged)));
            }
            if (query.productId() != null) {
                where.add(cb.equal(root.get("productId"), query.productId()));
            }
            if (query.customerId() != null) {
                where.add(cb.equal(root.get("customerId"), query.customerId()));
            }
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            }
            if (query.type() != null) {
                where.add(cb.equal(root.get("type"), query.type()));
            }
            if (query.expiringWithinDays() != null) {
                LocalDate today = today();
                where.add(cb.between(root.get("validUntil"), today, today.plusDays(query.expiringWithinDays())));
            }
            if (query.text() != null && !query.text().isBlank()) {
                String like = Like.contains(query.text());
                String key = LicenseKeys.normalize(query.text());
                Predicate text = cb.or(
                        cb.like(cb.lower(root.get("key")), like, Like.ESCAPE),
                        cb.like(cb.lower(root.get("notes")), like, Like.ESCAPE));
                where.add(key == null ? text : cb.or(text, cb.equal(root.get("key"), key)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
