package org.minga.identity.internal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface UserAccountRepository extends ListCrudRepository<UserAccount, Long> {

    @Query("select * from app_user where lower(username) = lower(:username)")
    Optional<UserAccount> findByUsername(@Param("username") String username);
}
