package org.gongjian.finance;

import java.util.Optional;
import java.util.Set;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.organisation.Unit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in the ledger. The office (and the finance office's staff) keeps institutions, consortia
 * and reviews; a town's staff keep their town's subjects, visits and needs; bank staff see and act only on the needs
 * pushed to their own consortium and the subjects behind them; everyone else with the read permission reads.
 */
@Component
public class FinanceAccess {

    /** What an actor sees: everything, one town's records (for writing), or one consortium's needs. */
    public record Scope(boolean office, @Nullable String town, @Nullable Long consortium, boolean bank) {

        /** Whether the actor sees every need (not a bank user). */
        public boolean all() {
            return !bank;
        }
    }

    private final Accounts accounts;
    private final Organisation organisation;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Set<String> officeUnits;

    FinanceAccess(Accounts accounts, Organisation organisation, JdbcClient jdbc, AuditLog audit,
            @Value("${gongjian.finance.office-units:finance-office}") String[] officeUnits) {
        this.accounts = accounts;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.audit = audit;
        this.officeUnits = Set.of(officeUnits);
    }

    public Actor actor() {
        return accounts.current();
    }

    public Scope scope() {
        Actor actor = actor();
        boolean bank = !actor.isAdmin() && actor.roles().contains(Role.BANK_STAFF);
        return new Scope(office(actor), town(actor), bank ? consortiumOf(actor.username()).orElse(-1L) : null, bank);
    }

    boolean office(Actor actor) {
        if (actor.isAdmin()) {
            return true;
        }
        if (!actor.roles().contains(Role.UNIT_STAFF) || actor.unitId() == null) {
            return false;
        }
        return organisation.isOneOf(actor.unitId(), officeUnits);
    }

    /** The town-level unit a unit staff member works for, if any. */
    @Nullable String town(Actor actor) {
        if (!actor.roles().contains(Role.UNIT_STAFF) || actor.unitId() == null) {
            return null;
        }
        return organisation.townLevelUnits().stream().filter(t -> t.id().equals(actor.unitId())).map(Unit::code)
                .findFirst().orElse(null);
    }

    /** The consortium a bank user works for. */
    public Optional<Long> consortiumOf(String username) {
        return jdbc.sql("select consortium_id from finance_bank_user where username = :u").param("u", username)
                .query(Long.class).optional();
    }

    /** The office, or a town's staff for their own town. */
    void requireTown(String townCode, String entity, String id) {
        Scope scope = scope();
        if (!scope.office() && !townCode.equals(scope.town())) {
            audit.denied(entity, id, "not the user's town");
            throw new AccessDeniedException("error.access-denied");
        }
    }

    /** The finance office (or ADMIN) only; anyone else is refused, and the refusal audited. */
    public void requireOffice(String entity, String id) {
        if (!scope().office()) {
            audit.denied(entity, id, "only the finance office");
            throw new AccessDeniedException("error.access-denied");
        }
    }

    /** The office, or a bank user of the consortium the need was pushed to. */
    void requireBank(@Nullable Long consortiumId, String entity, String id) {
        Scope scope = scope();
        if (scope.office()) {
            return;
        }
        if (!scope.bank() || consortiumId == null || !consortiumId.equals(scope.consortium())) {
            audit.denied(entity, id, "not a need of the user's consortium");
            throw new AccessDeniedException("error.access-denied");
        }
    }

    /** Links a bank user to their consortium (the office). */
    @org.springframework.transaction.annotation.Transactional
    public void assignBankUser(String username, long consortiumId) {
        requireOffice("finance-bank-user", username);
        var user = accounts.user(username);
        if (!user.roles().contains(Role.BANK_STAFF)) {
            throw new org.gongjian.shared.InvalidInputException("username", "finance.error.not-bank-staff", username);
        }
        jdbc.sql("delete from finance_bank_user where username = :u").param("u", username).update();
        jdbc.sql("insert into finance_bank_user (username, consortium_id) values (:u, :c)").param("u", username)
                .param("c", consortiumId).update();
        audit.created("finance-bank-user", username, java.util.Map.of("consortium", consortiumId));
    }
}
