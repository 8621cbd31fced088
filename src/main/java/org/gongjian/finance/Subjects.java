package org.gongjian.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.Pages;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Financing subjects (经营主体): enterprises of the one register with the ledger's record beside them, and the visits
 * (千企万户大走访) that find their needs. A town's staff keep their own town's; bank staff see only the subjects behind
 * the needs pushed to their consortium.
 */
@Service
@Transactional(readOnly = true)
public class Subjects {

    public enum SubjectType {
        TOWN_OWNED_ENTERPRISE, VILLAGE_DEV_COMPANY, VILLAGE_COLLECTIVE, COOPERATIVE, FAMILY_FARM, INDIVIDUAL_BUSINESS,
        SME, ABOVE_SCALE
    }

    public record Subject(long id, long enterpriseId, String uscc, String name, String townCode, String industryCode,
            SubjectType type, boolean demo, int version) {
    }

    public record NewSubject(@Nullable String uscc, @Nullable String name, @Nullable String townCode,
            @Nullable String industryCode, @Nullable SubjectType type) {
    }

    public record Visit(long id, long subjectId, LocalDate visitedOn, String visitor, boolean hasNeed,
            @Nullable String notes, boolean demo) {
    }

    public record NewVisit(@Nullable Long subjectId, @Nullable LocalDate visitedOn, @Nullable String visitor,
            @Nullable Boolean hasNeed, @Nullable String notes) {
    }

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final FinanceAccess access;
    private final AuditLog audit;
    private final Clock clock;

    Subjects(JdbcClient jdbc, Enterprises enterprises, FinanceAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    private record Row(long id, long enterpriseId, String townCode, SubjectType type, boolean demo, int version) {
    }

    private List<Subject> load(String where, Map<String, Object> params) {
        List<Row> rows = jdbc.sql("select id, enterprise_id, town_code, subject_type, demo, version from finance_subject "
                + where + " order by id").params(params)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), SubjectType.valueOf(rs.getString(4)),
                        rs.getBoolean(5), rs.getInt(6))).list();
        Map<Long, Enterprise> byId = enterprises.byIds(rows.stream().map(Row::enterpriseId).toList());
        return rows.stream().map(r -> {
            Enterprise e = byId.get(r.enterpriseId());
            return new Subject(r.id(), r.enterpriseId(), e.uscc(), e.name(), r.townCode(), e.industryCode(), r.type(),
                    r.demo(), r.version());
        }).toList();
    }

    /** The subjects the caller may see, optionally of one town. */
    public Page<Subject> list(@Nullable String townCode, Pageable pageable) {
        FinanceAccess.Scope scope = access.scope();
        StringBuilder where = new StringBuilder("where 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (scope.bank()) {
            where.append(" and id in (select subject_id from finance_need where consortium_id = :c and status in (:s))");
            params.put("c", scope.consortium());
            params.put("s", NeedStatus.AT_BANK.stream().map(Enum::name).toList());
        }
        if (townCode != null && !townCode.isBlank()) {
            where.append(" and town_code = :t");
            params.put("t", townCode);
        }
        return Pages.of(load(where.toString(), params), pageable);
    }

    /** A subject, if the caller may see it (else not found: a bank user learns nothing of other subjects). */
    public Subject subject(long id) {
        Subject s = load("where id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("finance.error.subject-not-found", id));
        FinanceAccess.Scope scope = access.scope();
        if (scope.bank() && jdbc.sql("""
                select count(*) from finance_need where subject_id = :s and consortium_id = :c and status in (:st)""")
                .param("s", id).param("c", scope.consortium())
                .param("st", NeedStatus.AT_BANK.stream().map(Enum::name).toList()).query(Long.class).single() == 0) {
            throw new NotFoundException("finance.error.subject-not-found", id);
        }
        return s;
    }

    /** Puts an enterprise of the register on the ledger (registering it first when its code is new to the register). */
    @Transactional
    public Subject add(NewSubject data, boolean demo) {
        if (data.townCode() == null) {
            throw new InvalidInputException("townCode", "finance.error.required");
        }
        access.requireTown(data.townCode(), "finance-subject", String.valueOf(data.uscc()));
        if (data.type() == null) {
            throw new InvalidInputException("type", "finance.error.required");
        }
        Enterprise e = enterprises.findOrRegister(new EnterpriseData(data.uscc(), data.name(), data.townCode(), null,
                data.industryCode(), List.of(), data.type() == SubjectType.ABOVE_SCALE, null, null), demo);
        if (jdbc.sql("select count(*) from finance_subject where enterprise_id = :e").param("e", e.id())
                .query(Long.class).single() > 0) {
            throw new InvalidInputException("uscc", "finance.error.subject-duplicate", e.uscc());
        }
        jdbc.sql("insert into finance_subject (enterprise_id, subject_type, town_code, demo) values (:e, :t, :town, :d)")
                .param("e", e.id()).param("t", data.type().name()).param("town", e.townCode()).param("d", demo).update();
        long id = jdbc.sql("select id from finance_subject where enterprise_id = :e").param("e", e.id())
                .query(Long.class).single();
        Subject created = subject(id);
        audit.created("finance-subject", String.valueOf(id), created);
        return created;
    }

    /** Records a visit to a subject of one's town (the phone page's form). */
    @Transactional
    public Visit visit(NewVisit data, boolean demo) {
        List<Violation> v = new ArrayList<>();
        if (data.subjectId() == null) {
            v.add(new Violation("subjectId", "finance.error.required"));
        }
        LocalDate today = LocalDate.now(clock);
        if (data.visitedOn() == null) {
            v.add(new Violation("visitedOn", "finance.error.required"));
        } else if (data.visitedOn().isAfter(today)) {
            v.add(new Violation("visitedOn", "finance.error.future-date"));
        }
        if (data.visitor() == null || data.visitor().isBlank() || data.visitor().length() > 100) {
            v.add(new Violation("visitor", "finance.error.required"));
        }
        if (data.notes() != null && data.notes().length() > 1000) {
            v.add(new Violation("notes", "finance.error.too-long", 1000));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        Subject subject = subject(data.subjectId());
        access.requireTown(subject.townCode(), "finance-visit", String.valueOf(subject.id()));
        String by = access.actor().username();
        jdbc.sql("""
                insert into finance_visit (subject_id, visited_on, visitor, has_need, notes, demo, created_by)
                values (:s, :d, :v, :h, :n, :demo, :by)""")
                .param("s", subject.id()).param("d", data.visitedOn()).param("v", data.visitor().trim())
                .param("h", Boolean.TRUE.equals(data.hasNeed())).param("n", data.notes()).param("demo", demo)
                .param("by", by).update();
        Visit saved = visits(subject.id()).get(0);
        audit.created("finance-visit", String.valueOf(saved.id()), saved);
        return saved;
    }

    /** A subject's visits, latest first (not for bank users: visits are the town's work). */
    public List<Visit> visits(long subjectId) {
        if (access.scope().bank()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, subject_id, visited_on, visitor, has_need, notes, demo from finance_visit
                 where subject_id = :s order by visited_on desc, id desc""").param("s", subjectId)
                .query((rs, n) -> new Visit(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), rs.getBoolean(7))).list();
    }

    /** Subjects' names by id, whoever asks (for lists and notices of records the caller already sees). */
    public Map<Long, String> names(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new java.util.HashMap<>();
        load("where id in (:ids)", Map.of("ids", List.copyOf(ids))).forEach(s -> names.put(s.id(), s.name()));
        return names;
    }

    /** The ledger's subject beside an enterprise of the register, if there is one. */
    java.util.Optional<Long> ofEnterprise(long enterpriseId) {
        return jdbc.sql("select id from finance_subject where enterprise_id = :e").param("e", enterpriseId)
                .query(Long.class).optional();
    }

    /** Subjects of a town, for the visit form's choice. */
    public List<Subject> ofTown(String townCode) {
        return load("where town_code = :t", Map.of("t", townCode));
    }
}
