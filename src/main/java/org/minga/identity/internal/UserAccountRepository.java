package org.minga.identity.internal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only transactions on the custom queries too: loading a user's grants runs a second query
 * while the first is open, and outside a transaction each would take its own pooled connection,
 * which under load deadlocks the pool.
 */
@Transactional(readOnly = true)
interface UserAccountRepository extends ListCrudRepository<UserAccount, Long> {

    @Query("select * from app_user where lower(username) = lower(:username)")
    Optional<UserAccount> findByUsername(@Param("username") String username);
}
