package org.gongjian.organisation;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A person's login: a username, a password hash, the unit they work for and their roles. */
@Table("organisation_user")
public class UserAccount {

    private @Id @Nullable Long id;
    private @Version @Nullable Integer version;
    private String username;
    private String displayName;
    private String passwordHash;
    private @Nullable Long unitId;
    private boolean enabled = true;
    private boolean mustChangePassword;
    private Instant createdAt;
    @MappedCollection(idColumn = "user_id")
    private Set<RoleGrant> roles = new HashSet<>();

    UserAccount(String username, String displayName, String passwordHash, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    static UserAccount create(String username, String displayName, String passwordHash, @Nullable Long unitId,
            Set<Role> roles, Instant now) {
        UserAccount user = new UserAccount(username, displayName, passwordHash, now);
        user.unitId = unitId;
        user.roles = roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
        return user;
    }

    public @Nullable Long id() { return id; }

    public String username() { return username; }

    public String displayName() { return displayName; }

    String passwordHash() { return passwordHash; }

    public @Nullable Long unitId() { return unitId; }

    public boolean enabled() { return enabled; }

    public Instant createdAt() { return createdAt; }

    /** Whether the account still has the first (or reset) password the office gave it, to be changed at login. */
    public boolean mustChangePassword() { return mustChangePassword; }

    public Set<Role> roles() {
        return roles.stream().map(RoleGrant::role).collect(Collectors.toUnmodifiableSet());
    }

    public @Nullable Integer version() { return version; }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
    }

    /** The office set this password: its owner must choose their own at the next login. */
    void setByOffice(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = true;
    }

    void assign(String displayName, @Nullable Long unitId, Set<Role> roles) {
        this.displayName = displayName;
        this.unitId = unitId;
        this.roles = roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    /** One role held by a user. */
    @Table("organisation_user_role")
    record RoleGrant(Role role) {
    }
}
