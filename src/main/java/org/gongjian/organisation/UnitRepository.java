package org.gongjian.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

interface UnitRepository extends ListCrudRepository<Unit, Long>, PagingAndSortingRepository<Unit, Long> {

    Optional<Unit> findByCode(String code);

    List<Unit> findByCodeIn(Collection<String> codes);

    Page<Unit> findByKind(UnitKind kind, Pageable pageable);

    List<Unit> findByKindIn(Collection<UnitKind> kinds);
}
