package org.gongjian.organisation;

import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no account at all) makes the {@code admin} account of the programme office.
 * Its password is {@code GONGJIAN_ADMIN_PASSWORD}; without it a random one is printed once to the log.
 * There is never a fixed default password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstStartAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Accounts accounts;
    private final String configuredPassword;

    FirstStartAdmin(Accounts accounts, @Value("${gongjian.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyExist()) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        try {
            accounts.create("admin", "改革办管理员", password, null, Set.of(Role.ADMIN));
        } catch (org.gongjian.shared.ConflictException | org.springframework.dao.DuplicateKeyException raced) {
            return; // another instance made it first
        }
        if (generated) {
            log.warn("""

                    ==============================================================
                     First start: the account 'admin' was created.
                     Its password, shown this once only:  {}
                     Set GONGJIAN_ADMIN_PASSWORD to choose it yourself.
                    ==============================================================""", password);
        } else {
            log.info("First start: the account 'admin' was created with the password from GONGJIAN_ADMIN_PASSWORD.");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
