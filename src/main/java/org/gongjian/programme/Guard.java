package org.gongjian.programme;

import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Permissions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The data scope, checked in the services so that pages and API alike obey it: the office may do
 * anything; unit staff only act for initiatives their unit leads or co-leads. A refusal is audited.
 */
@Component
class Guard {

    private final Accounts accounts;
    private final AuditLog audit;

    Guard(Accounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    Actor actor() {
        return accounts.current();
    }

    /** Only the programme office may shape programmes, initiatives and targets. */
    Actor requireOffice(String entityType, String entityId) {
        Actor actor = actor();
        if (!actor.can(Permissions.PROGRAMME_WRITE)) {
            refuse(entityType, entityId, "programme office only");
        }
        return actor;
    }

    /** The office, or staff of a unit that leads or co-leads the initiative and holds the permission. */
    Actor requireActFor(Initiative initiative, String permission, String entityType, String entityId) {
        Actor actor = actor();
        if (actor.isAdmin()) {
            return actor;
        }
        if (!actor.can(permission) || !actor.mayActFor(initiative.responsibleUnitIds())) {
            refuse(entityType, entityId, "not a responsible unit of initiative " + initiative.number());
        }
        return actor;
    }

    /**
     * The office, or staff of a unit that reports the target ({@link Target#reportingUnitIds}): one rule for
     * the report form, the API and the imports.
     */
    Actor requireReportFor(Target target, Initiative initiative, String entityId) {
        Actor actor = actor();
        if (!mayReport(actor, target, initiative)) {
            refuse("measurement", entityId, "not a reporting unit of target " + target.code());
        }
        return actor;
    }

    /** Whether the actor may report the target's figures; nothing is recorded. */
    static boolean mayReport(Actor actor, Target target, Initiative initiative) {
        return actor.isAdmin() || (actor.can(Permissions.MEASUREMENT_CREATE)
                && actor.mayActFor(target.reportingUnitIds(initiative)));
    }

    /** The office, or staff of the unit that leads the initiative (not a co-responsible unit) holding the permission. */
    Actor requireLeadUnit(Initiative initiative, String permission, String entityType, String entityId) {
        Actor actor = actor();
        if (!allowsLeadUnit(initiative, permission)) {
            refuse(entityType, entityId, "not the lead unit of initiative " + initiative.number());
        }
        return actor;
    }

    boolean allowsLeadUnit(Initiative initiative, String permission) {
        Actor actor = actor();
        return actor.isAdmin() || (actor.can(permission) && actor.mayActFor(java.util.List.of(initiative.leadUnitId())));
    }

    /** Whether the current user may act for the initiative with the permission; nothing is recorded. */
    boolean allows(Initiative initiative, String permission) {
        Actor actor = actor();
        return actor.isAdmin() || (actor.can(permission) && actor.mayActFor(initiative.responsibleUnitIds()));
    }

    private void refuse(String entityType, String entityId, String reason) {
        audit.denied(entityType, entityId, reason);
        throw new AccessDeniedException("error.access-denied");
    }
}
