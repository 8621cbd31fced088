package org.gongjian.programme;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

interface ProgrammeRepository extends ListCrudRepository<Programme, Long>, PagingAndSortingRepository<Programme, Long> {

    Optional<Programme> findByCode(String code);
}
