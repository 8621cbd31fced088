package org.gongjian.organisation;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for form login and HTTP Basic. */
@Component
class AccountDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    AccountDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).map(AccountPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
