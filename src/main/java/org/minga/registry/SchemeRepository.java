package org.minga.registry;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface SchemeRepository extends ListCrudRepository<Scheme, Long> {

    @Query("select * from scheme order by lower(name) limit :limit offset :offset")
    List<Scheme> page(@Param("limit") int limit, @Param("offset") long offset);

    @Query("select count(*) > 0 from scheme where country = :country and lower(name) = lower(:name) and id <> :id")
    boolean nameTaken(@Param("country") String country, @Param("name") String name, @Param("id") long id);

    @Query("""
            select unit_code from membership_on(:at) where scheme_id = :scheme and unit_code is not null
            order by unit_code""")
    List<String> memberUnits(@Param("scheme") long scheme, @Param("at") java.time.LocalDate at);
}
