package org.gongjian.programme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface InitiativeRepository extends ListCrudRepository<Initiative, Long> {

    List<Initiative> findByProgrammeIdOrderByNumber(Long programmeId);

    Optional<Initiative> findByProgrammeIdAndNumber(Long programmeId, int number);
}
