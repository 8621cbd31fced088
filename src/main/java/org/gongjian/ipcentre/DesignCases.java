package org.gongjian.ipcentre;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gongjian.audit.AuditLog;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.calendar.Workdays;
import org.gongjian.organisation.Actor;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.LedgerItemCleared;
import org.gongjian.shared.LedgerItemOverdue;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.Pages;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Design pre-examination cases: drafted, submitted (only by a registered firm within its quota, through
 * an agency on the centre's list), examined, filed at CNIPA and granted; their clocks count calendar and
 * working days on the one calendar against the policy's limits, and a case past a limit is reported
 * once to supervision as overdue (and cleared when it ends).
 */
@Service
@Transactional(readOnly = true)
public class DesignCases {

    static final String LEDGER = "ipcentre";
    /** Locarno classification: class 01–32, subclass, e.g. 23-02 (sanitary appliances). */
    private static final Pattern LOCARNO = Pattern.compile("(0[1-9]|[12][0-9]|3[0-2])-\\d{2}");
    private static final Pattern APPLICATION_NO = Pattern.compile("\\d{12}\\.[0-9X]");
    private static final Pattern PATENT_NO = Pattern.compile("ZL\\d{12}\\.[0-9X]");
    private static final String SELECT = """
            select c.id, c.case_no, c.firm_id, e.name firm_name, c.agency_id, a.name agency_name, c.title, c.locarno_class,
                c.status, c.created_on, c.submitted_on, c.accepted_on, c.passed_on, c.decided_on, c.cnipa_filed_on,
                c.cnipa_application_no, c.granted_on, c.patent_no, c.ended_on, c.correction_rounds,
                c.overdue_published_on, c.demo, c.version
            from ipcentre_design_case c
            join ipcentre_firm f on f.id = c.firm_id
            join enterprise e on e.id = f.enterprise_id
            join ipcentre_agency a on a.id = c.agency_id
            """;

    /** A new case as drafted. */
    public record Draft(@Nullable Long firmId, @Nullable Long agencyId, @Nullable String title,
            @Nullable String locarnoClass) {
    }

    /** A step of the case: the status it moves to, on which day, and what that step needs. */
    public record Step(@Nullable DesignStatus to, @Nullable LocalDate on, @Nullable String note,
            @Nullable String cnipaApplicationNo, @Nullable String patentNo) {
    }

    private final JdbcClient jdbc;
    private final Firms firms;
    private final WorkCalendar calendar;
    private final IpPolicy policy;
    private final Timeline timeline;
    private final Access access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Changes changes;
    private final String centreUnit;

    DesignCases(JdbcClient jdbc, Firms firms, WorkCalendar calendar, IpPolicy policy, Timeline timeline, Access access,
            AuditLog audit, ApplicationEventPublisher events, Changes changes,
            @Value("${gongjian.ipcentre.unit:market-regulation}") String centreUnit) {
        this.jdbc = jdbc;
        this.firms = firms;
        this.calendar = calendar;
        this.policy = policy;
        this.timeline = timeline;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.changes = changes;
        this.centreUnit = centreUnit;
    }

    /** Drafts a case for a firm of the centre (any status but revoked). */
    @Transactional
    public DesignCase create(Draft draft, @Nullable LocalDate createdOn, boolean demo) {
        Actor actor = access.requireWrite("ipcentre-design-case", null);
        LocalDate on = access.on(createdOn, "createdOn");
        List<Violation> v = new ArrayList<>();
        if (draft.firmId() == null) {
            v.add(new Violation("firmId", "ipcentre.error.firm-required"));
        } else if (firms.firm(draft.firmId()).status() == FirmStatus.REVOKED) {
            v.add(new Violation("firmId", "ipcentre.error.firm-revoked"));
        }
        if (draft.agencyId() == null) {
            v.add(new Violation("agencyId", "ipcentre.error.agency-required"));
        } else {
            firms.agency(draft.agencyId());
        }
        if (draft.title() == null || draft.title().isBlank() || draft.title().length() > 200) {
            v.add(new Violation("title", "ipcentre.error.title"));
        }
        if (draft.locarnoClass() == null || !LOCARNO.matcher(draft.locarnoClass().trim()).matches()) {
            v.add(new Violation("locarnoClass", "ipcentre.error.locarno", String.valueOf(draft.locarnoClass())));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String caseNo = nextCaseNo("YS", on.getYear());
        jdbc.sql("""
                insert into ipcentre_design_case (case_no, firm_id, agency_id, title, locarno_class, status, created_on, demo)
                values (:no, :firm, :agency, :title, :locarno, 'DRAFT', :on, :demo)
                """).param("no", caseNo).param("firm", draft.firmId()).param("agency", draft.agencyId())
                .param("title", draft.title().trim()).param("locarno", draft.locarnoClass().trim()).param("on", on)
                .param("demo", demo).update();
        long id = jdbc.sql("select id from ipcentre_design_case where case_no = :no").param("no", caseNo)
                .query(Long.class).single();
        timeline.add(Timeline.DESIGN, id, on, null, DesignStatus.DRAFT.name(), null, actor.username());
        DesignCase created = get(id, on);
        audit.created("ipcentre-design-case", caseNo, summary(created));
        return created;
    }

    /**
     * Moves a case one step. Submission is refused when the firm is not registered, its quota for the
     * year is used up, or its agency is not on the centre's list. A step is dated on or after the last.
     */
    @Transactional
    public DesignCase move(long id, Step step, @Nullable Integer expectedVersion) {
        DesignCase before = get(id, access.today());
        Actor actor = access.requireWrite("ipcentre-design-case", before.caseNo());
        DesignStatus to = CaseSteps.target(step.to(), before.status(), before.status().next(),
                "ipcentre.error.design-transition");
        LocalDate on = CaseSteps.dated(access, step.on(), lastStep(before));
        Map<String, Object> set = new LinkedHashMap<>();
        switch (to) {
            case SUBMITTED -> {
                checkSubmission(before, on);
                set.put("submitted_on", on);
            }
            case ACCEPTED -> set.put("accepted_on", on);
            case NEEDS_CORRECTION -> set.put("correction_rounds", before.correctionRounds() + 1);
            case PASSED -> {
                set.put("passed_on", on);
                set.put("decided_on", on);
            }
            case FAILED -> {
                set.put("decided_on", on);
                set.put("ended_on", on);
            }
            case FILED_AT_CNIPA -> {
                String no = step.cnipaApplicationNo() == null ? "" : step.cnipaApplicationNo().trim();
                if (!APPLICATION_NO.matcher(no).matches()) {
                    throw new InvalidInputException("cnipaApplicationNo", "ipcentre.error.application-no", no);
                }
                set.put("cnipa_filed_on", on);
                set.put("cnipa_application_no", no);
            }
            case GRANTED -> {
                String no = step.patentNo() == null ? "" : step.patentNo().trim();
                if (!PATENT_NO.matcher(no).matches()) {
                    throw new InvalidInputException("patentNo", "ipcentre.error.patent-no", no);
                }
                set.put("granted_on", on);
                set.put("patent_no", no);
                set.put("ended_on", on);
            }
            case WITHDRAWN, CNIPA_REJECTED -> set.put("ended_on", on);
            case DRAFT, IN_EXAM -> {
            }
        }
        CaseSteps.update(jdbc, "ipcentre_design_case", id, to, set,
                expectedVersion == null ? before.version() : expectedVersion, before.caseNo());
        timeline.add(Timeline.DESIGN, id, on, before.status().name(), to.name(), blankToNull(step.note()),
                actor.username());
        DesignCase after = get(id, on);
        audit.updated("ipcentre-design-case", before.caseNo(), summary(before), summary(after));
        if (to.terminal()) {
            cleared(after, on);
        } else if (on.equals(access.today())) {
            // a step entered late is checked by the daily sweep
            overdue(after, on);
        }
        changes.touched(on);
        return after;
    }

    public DesignCase get(long id, LocalDate asOf) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query((rs, n) -> row(rs, asOf, calendar.workdays()))
                .optional().orElseThrow(() -> new NotFoundException("ipcentre.error.case-not-found", id));
    }

    public DesignCase byCaseNo(String caseNo, LocalDate asOf) {
        return jdbc.sql(SELECT + " where c.case_no = :no").param("no", caseNo)
                .query((rs, n) -> row(rs, asOf, calendar.workdays())).optional()
                .orElseThrow(() -> new NotFoundException("ipcentre.error.case-not-found", caseNo));
    }

    public List<TimelineEntry> timeline(long id) {
        return timeline.of(Timeline.DESIGN, id);
    }

    /** Cases, newest first, filtered by status, firm and clock light, with clocks as of a day. */
    public Page<DesignCase> list(@Nullable DesignStatus status, @Nullable Long firmId, Clocks.@Nullable Light light,
            LocalDate asOf, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null) {
            where.append(" and c.status = :status");
            params.put("status", status.name());
        }
        if (firmId != null) {
            where.append(" and c.firm_id = :firm");
            params.put("firm", firmId);
        }
        Workdays workdays = calendar.workdays();
        List<DesignCase> all = jdbc.sql(SELECT + where + " order by c.created_on desc, c.id desc").params(params)
                .query((rs, n) -> row(rs, asOf, workdays)).list();
        if (light != null) {
            all = all.stream().filter(c -> c.clocks().worst() == light).toList();
        }
        return Pages.of(all, pageable);
    }

    /**
     * The daily check: every open case with a running leg past its limit is reported once as overdue.
     * Returns how many were reported.
     */
    @Transactional
    public int sweepOverdue(LocalDate today) {
        List<Long> open = jdbc.sql("select id from ipcentre_design_case where overdue_published_on is null "
                        + "and status not in ('DRAFT', 'GRANTED', 'FAILED', 'WITHDRAWN', 'CNIPA_REJECTED')")
                .query(Long.class).list();
        int reported = 0;
        for (long id : open) {
            if (overdue(get(id, today), today)) {
                reported++;
            }
        }
        return reported;
    }

    Clocks clocks(@Nullable LocalDate submitted, @Nullable LocalDate passed, @Nullable LocalDate filed,
            @Nullable LocalDate granted, @Nullable LocalDate ended, LocalDate asOf, Workdays workdays) {
        LocalDate policyDay = submitted != null ? submitted : asOf;
        int preLimit = policy.intValue(IpPolicy.CLOCK_PRE_EXAM, policyDay);
        int cnipaLimit = policy.intValue(IpPolicy.CLOCK_CNIPA, policyDay);
        int totalLimit = policy.intValue(IpPolicy.CLOCK_TOTAL, policyDay);
        int amber = policy.intValue(IpPolicy.CLOCK_AMBER, policyDay);
        Clocks.Leg pre = leg(submitted, passed != null ? passed : ended, preLimit, amber, asOf, workdays);
        Clocks.Leg cnipa = leg(filed, granted != null ? granted : (filed == null ? null : ended), cnipaLimit, amber, asOf,
                workdays);
        Clocks.Leg total = leg(submitted, granted != null ? granted : ended, totalLimit, amber, asOf, workdays);
        return new Clocks(pre, cnipa, total);
    }

    static Clocks.Leg leg(@Nullable LocalDate from, @Nullable LocalDate end, int limit, int amberPercent, LocalDate asOf,
            Workdays workdays) {
        if (from == null) {
            return Clocks.Leg.notStarted(limit);
        }
        boolean running = end == null;
        LocalDate to = running ? (asOf.isBefore(from) ? from : asOf) : end;
        int calendarDays = (int) ChronoUnit.DAYS.between(from, to);
        int working = workdays.workingDaysBetween(from, to);
        Clocks.Light light;
        if (working > limit) {
            light = Clocks.Light.RED;
        } else if (running && working * 100L >= (long) amberPercent * limit) {
            light = Clocks.Light.AMBER;
        } else {
            light = Clocks.Light.GREEN;
        }
        return new Clocks.Leg(from, to, running, calendarDays, working, limit, workdays.plusWorkingDays(from, limit),
                light, workdays.provisional(from) || workdays.provisional(to));
    }

    private boolean overdue(DesignCase c, LocalDate today) {
        if (c.overduePublishedOn() != null || c.status().terminal()) {
            return false;
        }
        Clocks.Leg late = null;
        for (Clocks.Leg leg : new Clocks.Leg[] {c.clocks().preExam(), c.clocks().cnipa(), c.clocks().total()}) {
            if (leg.running() && leg.light() == Clocks.Light.RED && (late == null || leg.due().isBefore(late.due()))) {
                late = leg;
            }
        }
        if (late == null) {
            return false;
        }
        int n = jdbc.sql("update ipcentre_design_case set overdue_published_on = :today where id = :id "
                + "and overdue_published_on is null").param("today", today).param("id", c.id()).update();
        if (n == 0) {
            return false;
        }
        events.publishEvent(new LedgerItemOverdue(LEDGER, "design:" + c.id(), centreUnit,
                "外观设计预审案件 " + c.caseNo() + "（" + c.firmName() + "）超过办理时限", late.due(),
                "/ipcentre/cases/" + c.id()));
        return true;
    }

    private void cleared(DesignCase c, LocalDate on) {
        if (c.overduePublishedOn() != null) {
            events.publishEvent(new LedgerItemCleared(LEDGER, "design:" + c.id(), on, c.status().name()));
        }
    }

    private void checkSubmission(DesignCase c, LocalDate on) {
        Firm firm = firms.firm(c.firmId());
        List<Violation> v = new ArrayList<>();
        if (firm.status() != FirmStatus.REGISTERED) {
            v.add(new Violation("firmId", "ipcentre.error.firm-not-registered", firm.status()));
        } else {
            Firm.Quota quota = firms.quota(firm.id(), on.getYear());
            int used = firms.quotaUsed(firm.id(), on.getYear());
            if (used >= quota.quota()) {
                v.add(new Violation("firmId", "ipcentre.error.quota-used-up", String.valueOf(on.getYear()), used, quota.quota()));
            }
        }
        Agency agency = firms.agency(c.agencyId());
        if (!agency.onPrecisionList()) {
            v.add(new Violation("agencyId", "ipcentre.error.agency-not-listed", agency.name()));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private static LocalDate lastStep(DesignCase c) {
        LocalDate last = c.createdOn();
        for (LocalDate d : new LocalDate[] {c.submittedOn(), c.acceptedOn(), c.passedOn(), c.decidedOn(), c.cnipaFiledOn(),
                c.grantedOn(), c.endedOn()}) {
            if (d != null && d.isAfter(last)) {
                last = d;
            }
        }
        return last;
    }

    private String nextCaseNo(String prefix, int year) {
        String start = prefix + year + "-";
        String max = jdbc.sql("select max(case_no) from ipcentre_design_case where case_no like :p")
                .param("p", start + "%").query(String.class).optional().orElse(null);
        int next = max == null ? 1 : Integer.parseInt(max.substring(start.length())) + 1;
        return start + String.format("%04d", next);
    }

    private DesignCase row(java.sql.ResultSet rs, LocalDate asOf, Workdays workdays) throws java.sql.SQLException {
        LocalDate submitted = rs.getObject("submitted_on", LocalDate.class);
        LocalDate passed = rs.getObject("passed_on", LocalDate.class);
        LocalDate filed = rs.getObject("cnipa_filed_on", LocalDate.class);
        LocalDate granted = rs.getObject("granted_on", LocalDate.class);
        LocalDate ended = rs.getObject("ended_on", LocalDate.class);
        return new DesignCase(rs.getLong("id"), rs.getString("case_no"), rs.getLong("firm_id"), rs.getString("firm_name"),
                rs.getLong("agency_id"), rs.getString("agency_name"), rs.getString("title"), rs.getString("locarno_class"),
                DesignStatus.valueOf(rs.getString("status")), rs.getObject("created_on", LocalDate.class), submitted,
                rs.getObject("accepted_on", LocalDate.class), passed, rs.getObject("decided_on", LocalDate.class), filed,
                rs.getString("cnipa_application_no"), granted, rs.getString("patent_no"), ended,
                rs.getInt("correction_rounds"), rs.getObject("overdue_published_on", LocalDate.class),
                rs.getBoolean("demo"), rs.getInt("version"),
                clocks(submitted, passed, filed, granted, ended, asOf, workdays));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Map<String, Object> summary(DesignCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNo", c.caseNo());
        m.put("firmId", c.firmId());
        m.put("agencyId", c.agencyId());
        m.put("title", c.title());
        m.put("locarnoClass", c.locarnoClass());
        m.put("status", c.status());
        m.put("cnipaApplicationNo", c.cnipaApplicationNo());
        m.put("patentNo", c.patentNo());
        return m;
    }
}
