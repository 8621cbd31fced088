package org.gongjian.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongjian.enterprise.Uscc;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A small pairing world for the ledger's tests: two banks, consortia paired with 赤坎 and 百合, a subject in each town,
 * a town clerk for each, and a bank user for each consortium. Names carry a suffix so that tests sharing a context
 * count only their own records.
 */
final class FinanceFixture {

    record World(Pairings.Institution bankA, Pairings.Institution bankB, Pairings.Consortium chikan,
            Pairings.Consortium baihe, Subjects.Subject chikanFirm, Subjects.Subject baiheFirm) {
    }

    static final Needs.Criteria ALL_MET = new Needs.Criteria(true, true, true, true, true);

    private final Pairings pairings;
    private final Subjects subjects;
    private final Accounts accounts;
    private final Organisation organisation;
    private final UserDetailsService users;
    private final FinanceAccess access;

    FinanceFixture(Pairings pairings, Subjects subjects, Accounts accounts, Organisation organisation,
            UserDetailsService users, FinanceAccess access) {
        this.pairings = pairings;
        this.subjects = subjects;
        this.accounts = accounts;
        this.organisation = organisation;
        this.users = users;
        this.access = access;
    }

    static String uscc(String nine) {
        String first = "91440783" + nine;
        return first + Uscc.checkCharacter(first);
    }

    void as(String username) {
        UserDetails u = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
    }

    /** Builds the world; {@code tag} (digits) keeps codes and names apart from other tests' records. */
    World world(String tag) {
        SecurityContextHolder.clearContext();
        Pairings.Institution a = pairings.addInstitution(new Pairings.NewInstitution(uscc("A" + tag), "测试银行甲" + tag,
                "sanbu", Pairings.InstitutionKind.BANK, null), false);
        Pairings.Institution b = pairings.addInstitution(new Pairings.NewInstitution(uscc("B" + tag), "测试银行乙" + tag,
                "sanbu", Pairings.InstitutionKind.RURAL_COMMERCIAL_BANK, null), false);
        LocalDate from = LocalDate.of(2024, 6, 6);
        Pairings.Consortium chikan = pairings.pair(new Pairings.NewConsortium("测试赤坎银团" + tag, a.id(), List.of(b.id()),
                "chikan", from, from, null, List.of(new Pairings.Liaison("联络员", "0750-1", "BANK"))), false);
        Pairings.Consortium baihe = pairings.pair(new Pairings.NewConsortium("测试百合银团" + tag, b.id(), List.of(),
                "baihe", from, from, null, List.of()), false);
        Subjects.Subject chikanFirm = subjects.add(new Subjects.NewSubject(uscc("C" + tag), "赤坎测试强村公司" + tag,
                "chikan", "A0511", Subjects.SubjectType.VILLAGE_DEV_COMPANY), false);
        Subjects.Subject baiheFirm = subjects.add(new Subjects.NewSubject(uscc("D" + tag), "百合测试农场" + tag,
                "baihe", "A0190", Subjects.SubjectType.FAMILY_FARM), false);
        user("t-chikan-" + tag, "chikan", Role.UNIT_STAFF);
        user("t-baihe-" + tag, "baihe", Role.UNIT_STAFF);
        user("t-bank-a-" + tag, null, Role.BANK_STAFF);
        user("t-bank-b-" + tag, null, Role.BANK_STAFF);
        access.assignBankUser("t-bank-a-" + tag, chikan.id());
        access.assignBankUser("t-bank-b-" + tag, baihe.id());
        return new World(a, b, chikan, baihe, chikanFirm, baiheFirm);
    }

    private void user(String username, String unit, Role role) {
        accounts.create(username, username, "staff-secret-1", unit == null ? null : organisation.unit(unit).id(), Set.of(role));
    }

    static Needs.NewNeed need(long subjectId, String amount, LocalDate on) {
        return new Needs.NewNeed(subjectId, Needs.Source.VISIT, new BigDecimal(amount), "流动资金周转", 12,
                Needs.Collateral.CREDIT, null, on);
    }

    static Loans.NewDecision approve(long institutionId, String amount, LocalDate on) {
        return new Loans.NewDecision(Loans.Outcome.APPROVED, institutionId, "乡村振兴贷", new BigDecimal(amount),
                new BigDecimal("3.45"), 36, true, null, on);
    }
}
