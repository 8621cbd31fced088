package org.gongjian.projects;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's milestones (建设节点): planned and actual days along 签约 → 供地 → 施工许可 → 开工 → 封顶 → 竣工 → 试产 →
 * 投产 → 达产, with 纳统 beside them; set by the office, read by everyone who reads the ledger.
 */
@Service
@Transactional(readOnly = true)
public class ProjectMilestones {

    private static final String ENTITY = "projects-project";

    /** 签约 → 供地 → 取得施工许可 → 开工 → 封顶 → 竣工 → 试产 → 投产 → 达产, and 纳统 beside them. */
    public enum MilestoneKind { SIGNED, LAND_SUPPLIED, PERMITS, STARTED, TOPPED_OUT, COMPLETED, TRIAL_PRODUCTION,
        IN_OPERATION, AT_CAPACITY, STATS_INCLUDED }

    public record Milestone(long projectId, MilestoneKind kind, @Nullable LocalDate plannedOn, @Nullable LocalDate actualOn,
            @Nullable String note) {
    }

    private final JdbcClient jdbc;
    private final KeyProjects projects;
    private final ProjectAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectMilestones(JdbcClient jdbc, KeyProjects projects, ProjectAccess access, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public List<Milestone> milestones(long projectId) {
        return allMilestones().getOrDefault(projectId, List.of());
    }

    /** Every project's milestones, in the order of the sequence. */
    public Map<Long, List<Milestone>> allMilestones() {
        Map<Long, List<Milestone>> all = new HashMap<>();
        jdbc.sql("select * from projects_milestone").query((rs, n) -> new Milestone(rs.getLong("project_id"),
                        MilestoneKind.valueOf(rs.getString("kind")), rs.getObject("planned_on", LocalDate.class),
                        rs.getObject("actual_on", LocalDate.class), rs.getString("note")))
                .list().forEach(m -> all.computeIfAbsent(m.projectId(), k -> new ArrayList<>()).add(m));
        all.values().forEach(l -> l.sort(Comparator.comparing(Milestone::kind)));
        return all;
    }

    /**
     * Records a milestone's planned and actual day. Along the sequence (签约 … 达产) no milestone may be done
     * before one that comes earlier; 纳统 stands beside the sequence. A day in the future cannot be actual.
     */
    @Transactional
    public Milestone setMilestone(long projectId, MilestoneKind kind, @Nullable LocalDate plannedOn,
            @Nullable LocalDate actualOn, @Nullable String note) {
        KeyProject p = projects.byId(projectId);
        access.requireOffice(ENTITY, p.code());
        if (actualOn != null && actualOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("actualOn", "projects.error.milestone-future");
        }
        if (actualOn != null && kind != MilestoneKind.STATS_INCLUDED) {
            for (Milestone m : milestones(projectId)) {
                if (m.actualOn() == null || m.kind() == MilestoneKind.STATS_INCLUDED || m.kind() == kind) {
                    continue;
                }
                boolean earlier = m.kind().ordinal() < kind.ordinal();
                if (earlier ? m.actualOn().isAfter(actualOn) : m.actualOn().isBefore(actualOn)) {
                    // the other milestone by its name in the reader's language (开工, not STARTED)
                    throw new InvalidInputException("actualOn", "projects.error.milestone-order",
                            new DefaultMessageSourceResolvable(new String[] {"projects.milestone." + m.kind()}, m.kind().name()));
                }
            }
        }
        Milestone before = milestones(projectId).stream().filter(m -> m.kind() == kind).findFirst().orElse(null);
        jdbc.sql("delete from projects_milestone where project_id = :p and kind = :k").param("p", projectId)
                .param("k", kind.name()).update();
        jdbc.sql("insert into projects_milestone (project_id, kind, planned_on, actual_on, note) values (:p, :k, :pl, :a, :n)")
                .param("p", projectId).param("k", kind.name()).param("pl", plannedOn).param("a", actualOn)
                .param("n", KeyProjects.blank(note)).update();
        Milestone after = new Milestone(projectId, kind, plannedOn, actualOn, KeyProjects.blank(note));
        audit.updated("projects-milestone", p.code() + "/" + kind, before == null ? "-" : before, after);
        events.publishEvent(new KeyProjects.ProjectsChanged(projectId));
        return after;
    }
}
