package org.gongjian.volunteers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Role;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A volunteer's self sign-up on the public phone page: the real-name registration and a VOLUNTEER login (the
 * phone number is the username) in one transaction. The page is CSRF-protected and rate-limited per address.
 */
@Service
public class SignUps {

    private final Volunteers volunteers;
    private final Accounts accounts;

    SignUps(Volunteers volunteers, Accounts accounts) {
        this.volunteers = volunteers;
        this.accounts = accounts;
    }

    @Transactional
    public Volunteer signUp(Volunteers.Registration r, String password) {
        List<Violation> v = new ArrayList<>(volunteers.check(r));
        String username = r.phone() == null ? "" : r.phone().trim();
        if (v.stream().noneMatch(x -> x.field().equals("phone"))) {
            if (accounts.findByUsername(username).isPresent()) {
                v.add(new Violation("phone", "volunteers.error.phone-taken"));
            }
            v.addAll(Accounts.checkPassword(username, password == null ? "" : password, "password"));
        }
        if (v.stream().noneMatch(x -> x.field().equals("idNumber")) && volunteers.registered(r.idNumber())) {
            v.add(new Violation("idNumber", "volunteers.error.id-duplicate"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        accounts.create(username, r.name().trim(), password, volunteers.townUnit(r.town()).orElseThrow().id(),
                Set.of(Role.VOLUNTEER));
        return volunteers.insert(r, username, false);
    }
}
