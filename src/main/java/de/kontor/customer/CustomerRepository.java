package de.kontor.customer;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface CustomerRepository extends JpaRepository<Customer, Long>, JpaSpecificationExecutor<Customer>, CustomerPaging {

    @Query(value = "select next value for customer_number_seq", nativeQuery = true)
    long nextNumber();

    Optional<Customer> findByNumber(String number);

    List<Customer> findByNumberIn(Collection<String> numbers);

    @Query("select c from Customer c where c.archived = false and c.email = :email")
    Optional<Customer> findActiveByEmail(String email);

    @Query("select c from Customer c where c.archived = false and c.email in :emails")
    List<Customer> findActiveByEmailIn(Collection<String> emails);

    @Query("select count(c) > 0 from Customer c where c.archived = false and c.email = :email and c.id <> :excludeId")
    boolean activeEmailTakenByOther(String email, long excludeId);

    @Query(value = "select distinct tag from customer_tag order by tag", nativeQuery = true)
    List<String> findAllTags();

    long countByArchivedFalse();
}
