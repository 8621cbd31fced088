package org.gongjian.programme;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface EventRepository extends ListCrudRepository<ProgrammeEvent, Long> {

    List<ProgrammeEvent> findByProgrammeIdOrderByEventDateAscIdAsc(Long programmeId);
}
