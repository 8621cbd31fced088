package org.gongjian.organisation;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for an account or from an address: try again after a while. */
class LoginThrottledException extends AuthenticationException {

    private final transient Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes to wait, at least one. */
    long minutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}
