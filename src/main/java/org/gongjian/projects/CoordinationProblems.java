package org.gongjian.projects;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.audit.AuditLog;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LedgerItemCleared;
import org.gongjian.shared.LedgerItemOverdue;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordination problems (协调问题) of a project: raised by the office with a responsible unit and a deadline
 * (by default the policy's working days), resolved with a note. The ledger never escalates on its own: a
 * problem past its deadline is reported once as {@link LedgerItemOverdue}, and {@link LedgerItemCleared}
 * follows when it is resolved; supervision turns these into notices.
 */
@Service
@Transactional(readOnly = true)
public class CoordinationProblems {

    public static final String LEDGER = "projects";

    public record Problem(long id, long projectId, String description, String responsibleUnit, LocalDate raisedOn,
            LocalDate dueOn, @Nullable LocalDate resolvedOn, @Nullable String resolution, @Nullable LocalDate overduePublishedOn,
            int version) {

        public String key() {
            return "problem:" + id;
        }

        public boolean overdue(LocalDate today) {
            return resolvedOn == null && today.isAfter(dueOn);
        }
    }

    private final JdbcClient jdbc;
    private final KeyProjects projects;
    private final ProjectAccess access;
    private final ProjectPolicies policies;
    private final WorkCalendar calendar;
    private final Organisation organisation;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CoordinationProblems(JdbcClient jdbc, KeyProjects projects, ProjectAccess access, ProjectPolicies policies,
            WorkCalendar calendar, Organisation organisation, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.access = access;
        this.policies = policies;
        this.calendar = calendar;
        this.organisation = organisation;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public List<Problem> problems(long projectId) {
        return jdbc.sql("select * from projects_problem where project_id = :p order by raised_on desc, id desc")
                .param("p", projectId).query(Problem.class).list();
    }

    public Problem problem(long id) {
        return jdbc.sql("select * from projects_problem where id = :id").param("id", id).query(Problem.class).optional()
                .orElseThrow(() -> new NotFoundException("projects.error.problem-not-found", id));
    }

    /** Raises a problem; without a deadline it is due the policy's working days after today. */
    @Transactional
    public Problem raise(long projectId, String description, String responsibleUnit, @Nullable LocalDate dueOn) {
        KeyProject project = projects.byId(projectId);
        access.requireOffice("projects-problem", project.code());
        if (description == null || description.isBlank() || description.length() > 1000) {
            throw new InvalidInputException("description", "projects.error.problem-description");
        }
        if (organisation.findByCode(responsibleUnit).isEmpty()) {
            throw new InvalidInputException("responsibleUnit", "projects.error.unit", responsibleUnit);
        }
        LocalDate today = LocalDate.now(clock);
        if (dueOn != null && dueOn.isBefore(today)) {
            throw new InvalidInputException("dueOn", "projects.error.problem-due");
        }
        LocalDate due = dueOn != null ? dueOn
                : calendar.plusWorkingDays(today, policies.workingDays(ProjectPolicies.PROBLEM_DUE_WORKING_DAYS, today));
        jdbc.sql("""
                insert into projects_problem (project_id, description, responsible_unit, raised_on, due_on, demo, version)
                values (:p, :d, :u, :on, :due, false, 0)""")
                .param("p", projectId).param("d", description.trim()).param("u", responsibleUnit).param("on", today)
                .param("due", due).update();
        Problem created = problems(projectId).get(0);
        audit.created("projects-problem", created.key(), created);
        return created;
    }

    /** Resolves a problem; if it had been reported overdue, the report is cleared. */
    @Transactional
    public Problem resolve(long id, String resolution, @Nullable Integer expectedVersion) {
        Problem before = problem(id);
        access.requireOffice("projects-problem", before.key());
        if (resolution == null || resolution.isBlank() || resolution.length() > 1000) {
            throw new InvalidInputException("resolution", "projects.error.resolution");
        }
        if (before.resolvedOn() != null) {
            throw new ConflictException("projects.error.problem-resolved", id);
        }
        LocalDate today = LocalDate.now(clock);
        int updated = jdbc.sql("""
                update projects_problem set resolved_on = :on, resolution = :r, version = version + 1
                 where id = :id and version = :v""")
                .param("on", today).param("r", resolution.trim()).param("id", id)
                .param("v", expectedVersion == null ? before.version() : expectedVersion).update();
        if (updated == 0) {
            throw new ConflictException("error.stale-version", before.key());
        }
        if (before.overduePublishedOn() != null) {
            events.publishEvent(new LedgerItemCleared(LEDGER, before.key(), today, "协调问题已解决：" + resolution.trim()));
        }
        Problem after = problem(id);
        audit.updated("projects-problem", before.key(), before, after);
        return after;
    }

    /** Reports each open problem past its deadline, once; returns how many were reported. */
    @Transactional
    public int sweep(LocalDate today) {
        List<Problem> late = jdbc.sql("""
                select * from projects_problem where resolved_on is null and overdue_published_on is null and due_on < :t""")
                .param("t", today).query(Problem.class).list();
        for (Problem p : late) {
            KeyProject project = projects.byId(p.projectId());
            int marked = jdbc.sql("update projects_problem set overdue_published_on = :t where id = :id and overdue_published_on is null")
                    .param("t", today).param("id", p.id()).update();
            if (marked == 1) {
                events.publishEvent(new LedgerItemOverdue(LEDGER, p.key(), p.responsibleUnit(),
                        "重点项目“" + project.name() + "”协调问题逾期未解决：" + p.description(), p.dueOn(), project.link()));
            }
        }
        return late.size();
    }
}
