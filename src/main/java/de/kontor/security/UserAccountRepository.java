package de.kontor.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface UserAccountRepository extends JpaRepository<UserAccount, Long>, JpaSpecificationExecutor<UserAccount> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<UserAccount> findByEmailIgnoreCase(String email);

    @Query(
            "select count(u) from UserAccount u join u.roles r where r = de.kontor.security.Role.ADMIN and u.enabled = true")
    long countEnabledAdmins();

    @Query("select distinct u.email from UserAccount u join u.roles r where r = de.kontor.security.Role.ADMIN "
            + "and u.enabled = true and u.email is not null")
    List<String> enabledAdminEmails();

    @Modifying
    @Query("update UserAccount u set u.lastLoginAt = :now where u.username = :username")
    int markLoggedIn(String username, Instant now);
}
