package org.gongjian.organisation;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

interface UserAccountRepository extends ListCrudRepository<UserAccount, Long>, PagingAndSortingRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    Page<UserAccount> findByUsernameContainingOrDisplayNameContaining(String username, String displayName,
            Pageable pageable);
}
