package org.gongjian.projects;

import java.util.List;
import java.util.Set;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.organisation.Unit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the key-projects ledger. The office (the programme office and the staff of the units
 * configured as the projects office, by default the development and reform bureau) registers projects,
 * sets plans and milestones and reviews reports; the staff of a project's responsible unit or of the town
 * it is built in report its months; everyone with read access reads the whole list.
 */
@Component
public class ProjectAccess {

    private final Accounts accounts;
    private final Organisation organisation;
    private final AuditLog audit;
    private final Set<String> officeUnits;

    ProjectAccess(Accounts accounts, Organisation organisation, AuditLog audit,
            @Value("${gongjian.projects.office-units:development-reform,reform-office}") String[] officeUnits) {
        this.accounts = accounts;
        this.organisation = organisation;
        this.audit = audit;
        this.officeUnits = Set.of(officeUnits);
    }

    public Actor actor() {
        return accounts.current();
    }

    /** The programme office, or staff of a projects office unit. */
    public boolean office(Actor actor) {
        if (actor.isAdmin()) {
            return true;
        }
        if (!actor.roles().contains(Role.UNIT_STAFF) || actor.unitId() == null) {
            return false;
        }
        return organisation.isOneOf(actor.unitId(), officeUnits);
    }

    public boolean office() {
        return office(actor());
    }

    /** Whether the actor may report a project's months: the office, or its responsible unit's or town's staff. */
    public boolean mayReport(Actor actor, KeyProject project) {
        if (office(actor)) {
            return true;
        }
        List<Long> units = organisation.byCodes(List.of(project.responsibleUnit(), project.townCode())).values().stream()
                .map(Unit::id).toList();
        return actor.mayActFor(units);
    }

    public void requireOffice(String entity, String id) {
        if (!office(actor())) {
            audit.denied(entity, id, "only the projects office");
            throw new AccessDeniedException("error.access-denied");
        }
    }

    public void requireReporter(KeyProject project) {
        if (!mayReport(actor(), project)) {
            audit.denied("projects-project", String.valueOf(project.id()), "not a unit of the project");
            throw new AccessDeniedException("error.access-denied");
        }
    }
}
