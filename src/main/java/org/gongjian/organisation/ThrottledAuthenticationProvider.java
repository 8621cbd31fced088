package org.gongjian.organisation;

import org.gongjian.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password (form login and HTTP Basic alike) only when neither the account nor
 * the address is throttled, and counts the failures. Every refused login, wrong or throttled, is in the
 * audit trail as a DENIED {@code login} entry naming the account tried, the address and the reason; the
 * password typed never is.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, AuditLog audit) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        var blocked = throttle.blockedFor(username, address);
        if (blocked.isPresent()) {
            refused(username, "login throttled from " + address);
            throw new LoginThrottledException(blocked.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            refused(username, "wrong username or password from " + address);
            throw e;
        } catch (AccountStatusException e) {
            refused(username, "account disabled or locked, from " + address);
            throw e;
        }
    }

    /** The account name as typed (cut to the column's width), never the password. */
    private void refused(@Nullable String username, String reason) {
        String name = username == null || username.isBlank() ? "-" : username.strip();
        audit.denied("login", name.length() > 64 ? name.substring(0, 64) : name, reason);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
