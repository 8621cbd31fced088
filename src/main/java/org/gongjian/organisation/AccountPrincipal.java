package org.gongjian.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A logged-in account as Spring Security holds it: username, hash, authorities and the actor. */
public final class AccountPrincipal implements UserDetails {

    private final Actor actor;
    private final String displayName;
    private final String passwordHash;
    private final boolean enabled;

    AccountPrincipal(UserAccount account) {
        this.displayName = account.displayName();
        this.passwordHash = account.passwordHash();
        this.enabled = account.enabled();
        java.util.Set<String> permissions = new java.util.HashSet<>();
        account.roles().forEach(r -> permissions.addAll(r.permissions()));
        this.actor = new Actor(account.username(), account.unitId(), account.roles(), java.util.Set.copyOf(permissions));
    }

    public Actor actor() { return actor; }

    public String displayName() { return displayName; }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        actor.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        actor.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        return authorities;
    }

    @Override
    public String getPassword() { return passwordHash; }

    @Override
    public String getUsername() { return actor.username(); }

    @Override
    public boolean isEnabled() { return enabled; }
}
