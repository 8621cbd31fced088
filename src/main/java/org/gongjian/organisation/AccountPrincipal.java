package org.gongjian.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in account as Spring Security holds it: username, authorities and the actor. After login
 * the password hash is erased; only its fingerprint stays, so that a session ends when the password changes.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

    private final Actor actor;
    private final String displayName;
    private final String passwordFingerprint;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final boolean mustChangePassword;

    AccountPrincipal(UserAccount account) {
        this.displayName = account.displayName();
        this.passwordHash = account.passwordHash();
        this.passwordFingerprint = fingerprint(account.passwordHash());
        this.enabled = account.enabled();
        this.mustChangePassword = account.mustChangePassword();
        Set<String> permissions = new HashSet<>();
        account.roles().forEach(r -> permissions.addAll(r.permissions()));
        this.actor = new Actor(account.username(), account.unitId(), account.roles(), Set.copyOf(permissions));
    }

    public Actor actor() { return actor; }

    public String displayName() { return displayName; }

    /** Whether this login used a password the office set: pages lead to the password form, the API refuses. */
    public boolean mustChangePassword() { return mustChangePassword; }

    String passwordFingerprint() { return passwordFingerprint; }

    static String fingerprint(String passwordHash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        actor.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        actor.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        return authorities;
    }

    @Override
    public @Nullable String getPassword() { return passwordHash; }

    @Override
    public String getUsername() { return actor.username(); }

    @Override
    public boolean isEnabled() { return enabled; }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
