package org.gongjian.programme;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface MilestoneRepository extends ListCrudRepository<Milestone, Long> {

    List<Milestone> findByProgrammeIdOrderByDueDateAscIdAsc(Long programmeId);

    List<Milestone> findByInitiativeIdOrderByDueDateAscIdAsc(Long initiativeId);
}
