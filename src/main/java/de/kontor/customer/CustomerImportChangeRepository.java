package de.kontor.customer;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface CustomerImportChangeRepository extends JpaRepository<CustomerImportChange, Long> {

    List<CustomerImportChange> findByImportIdOrderByRowNumberDesc(Long importId);
}
