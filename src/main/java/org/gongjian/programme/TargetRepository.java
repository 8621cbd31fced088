package org.gongjian.programme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface TargetRepository extends ListCrudRepository<Target, Long> {

    List<Target> findByProgrammeIdOrderByInitiativeIdAscPositionAsc(Long programmeId);

    List<Target> findByInitiativeIdOrderByPosition(Long initiativeId);

    Optional<Target> findByProgrammeIdAndCode(Long programmeId, String code);

    List<Target> findByIndicatorCode(String indicatorCode);
}
