package org.gongjian.organisation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Set;
import org.gongjian.organisation.AccountData;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Accounts.AccountView;
import org.gongjian.organisation.Role;
import org.gongjian.organisation.UserAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts by script (the office only): make an account with a first password, which its owner must change at
 * first login. Until then the pages lead that person to the password form and the API refuses their calls.
 */
@RestController
@RequestMapping("/api/v1/users")
@io.swagger.v3.oas.annotations.tags.Tag(name = "users", description = "账号")
class UserApiController {

    private final Accounts accounts;

    UserApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** A new account: who, which role and unit (unit staff need one), and the first password. */
    record NewUser(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "{validation.username}") String username,
            @NotBlank @Size(max = 100) String displayName,
            @NotNull Role role,
            @Size(max = 64) @Nullable String unit,
            @NotBlank @Size(max = 128) String password) {
    }

    @PostMapping
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    ResponseEntity<AccountView> create(@Valid @RequestBody NewUser user) {
        UserAccount saved = accounts.create(new AccountData(user.username(), user.displayName().strip(),
                user.unit() == null || user.unit().isBlank() ? null : user.unit().strip(), Set.of(user.role()), true),
                user.password());
        return ResponseEntity.created(URI.create("/api/v1/users/" + saved.username())).body(accounts.view(saved));
    }

    @GetMapping("/{username}")
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    AccountView get(@PathVariable String username) {
        return accounts.view(accounts.user(username));
    }
}
