package org.gongjian.programme;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface HonourRepository extends ListCrudRepository<Honour, Long> {

    List<Honour> findByProgrammeIdOrderByDateAscIdAsc(Long programmeId);
}
