package de.kontor.customer;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerImportRepository extends JpaRepository<CustomerImport, Long> {

    Slice<CustomerImport> findAllByOrderByImportedAtDesc(Pageable pageable);
}
