package org.gongjian.ipcentre;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.calendar.Workdays;
import org.gongjian.organisation.Actor;
import org.gongjian.shared.FileKind;
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
import org.springframework.util.unit.DataSize;

/**
 * Protection cases (快速维权): mediation, assistance to administrative enforcement, e-commerce complaints
 * (notice → the platform's measure → counter-notice → the 15-day timer of 电子商务法 §43 → complaint filed or
 * measure lifted) and trade-fair complaints; parties, evidence files, links removed, compensation, closure.
 */
@Service
@Transactional(readOnly = true)
public class ProtectionCases {

    private static final String COLUMNS = """
            id, case_no, case_type, status, complainant_firm_id, complainant, respondent, platform, patent_no, received_on,
            notice_sent_on, measure_on, counter_notice_on, counter_deadline, complaint_filed_on, measure_lifted_on,
            closed_on, outcome, links_removed, compensation_yuan, note, overdue_published_on, demo, version""";

    /** A case as received. */
    public record Intake(@Nullable ProtectionType type, @Nullable Long complainantFirmId, @Nullable String complainant,
            @Nullable String respondent, @Nullable Platform platform, @Nullable String patentNo, @Nullable String note) {
    }

    /** A step of the case. {@code linksRemoved} adds to the count; closing needs an outcome. */
    public record Step(@Nullable ProtectionStatus to, @Nullable LocalDate on, @Nullable String note,
            @Nullable Integer linksRemoved, @Nullable BigDecimal compensationYuan, @Nullable Outcome outcome) {
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
    private final long maxFileBytes;
    private final Parties parties;

    ProtectionCases(JdbcClient jdbc, Firms firms, WorkCalendar calendar, IpPolicy policy, Timeline timeline,
            Access access, AuditLog audit, ApplicationEventPublisher events, Changes changes, Parties parties,
            @Value("${gongjian.ipcentre.unit:market-regulation}") String centreUnit,
            @Value("${gongjian.evidence.max-file-size:10MB}") DataSize maxFile) {
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
        this.maxFileBytes = maxFile.toBytes();
        this.parties = parties;
    }

    @Transactional
    public ProtectionCase create(Intake intake, @Nullable LocalDate receivedOn, boolean demo) {
        Actor actor = access.requireWrite("ipcentre-protection-case", null);
        LocalDate on = access.on(receivedOn, "receivedOn");
        List<Violation> v = new ArrayList<>();
        if (intake.type() == null) {
            v.add(new Violation("type", "ipcentre.error.type-required"));
        }
        String complainant = intake.complainant();
        String complainantUscc = null;
        if (intake.complainantFirmId() != null) {
            Firm firm = firms.firm(intake.complainantFirmId());
            complainantUscc = firm.enterprise().uscc();
            if (complainant == null || complainant.isBlank()) {
                complainant = firm.enterprise().name();
            }
        }
        if (complainant == null || complainant.isBlank() || complainant.length() > 200) {
            v.add(new Violation("complainant", "ipcentre.error.complainant"));
        }
        if (intake.respondent() == null || intake.respondent().isBlank() || intake.respondent().trim().length() > 200) {
            v.add(new Violation("respondent", "ipcentre.error.respondent"));
        }
        if (intake.type() == ProtectionType.ECOMMERCE_COMPLAINT && intake.platform() == null) {
            v.add(new Violation("platform", "ipcentre.error.platform-required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String caseNo = nextCaseNo(on.getYear());
        jdbc.sql("""
                insert into ipcentre_protection_case (case_no, case_type, status, complainant_firm_id, complainant,
                    respondent, platform, patent_no, received_on, note, demo)
                values (:no, :type, 'RECEIVED', :firm, :complainant, :respondent, :platform, :patent, :on, :note, :demo)
                """).param("no", caseNo).param("type", intake.type().name()).param("firm", intake.complainantFirmId())
                .param("complainant", complainant.trim()).param("respondent", intake.respondent().trim())
                .param("platform", intake.platform() == null ? null : intake.platform().name())
                .param("patent", blankToNull(intake.patentNo())).param("on", on).param("note", blankToNull(intake.note()))
                .param("demo", demo).update();
        long id = jdbc.sql("select id from ipcentre_protection_case where case_no = :no").param("no", caseNo)
                .query(Long.class).single();
        parties.insert(id, new Parties.Entry(PartyRole.RIGHT_HOLDER, complainant.trim(), complainantUscc, null), demo);
        parties.insert(id, new Parties.Entry(PartyRole.RESPONDENT, intake.respondent().trim(), null, null), demo);
        timeline.add(Timeline.PROTECTION, id, on, null, ProtectionStatus.RECEIVED.name(), null, actor.username());
        ProtectionCase created = get(id, on);
        audit.created("ipcentre-protection-case", caseNo, created);
        changes.touched(on);
        return created;
    }

    /**
     * Moves a case one step. After a counter-notice the complaint must be filed by the deadline, and the
     * measure may only be lifted once the deadline has passed with no complaint.
     */
    @Transactional
    public ProtectionCase move(long id, Step step, @Nullable Integer expectedVersion) {
        ProtectionCase before = get(id, access.today());
        Actor actor = access.requireWrite("ipcentre-protection-case", before.caseNo());
        ProtectionStatus to = CaseSteps.target(step.to(), before.status(), before.status().next(before.type()), "ipcentre.error.protection-transition");
        LocalDate on = CaseSteps.dated(access, step.on(), lastStep(before));
        if (step.linksRemoved() != null && step.linksRemoved() < 0) {
            throw new InvalidInputException("linksRemoved", "ipcentre.error.negative");
        }
        if (step.compensationYuan() != null && step.compensationYuan().signum() < 0) {
            throw new InvalidInputException("compensationYuan", "ipcentre.error.negative");
        }
        Map<String, Object> set = new LinkedHashMap<>();
        switch (to) {
            case PLATFORM_NOTICE -> set.put("notice_sent_on", on);
            case MEASURE_TAKEN -> set.put("measure_on", on);
            case COUNTER_NOTICE -> {
                set.put("counter_notice_on", on);
                set.put("counter_deadline", counterDeadline(on));
            }
            case COMPLAINT_FILED -> {
                if (on.isAfter(before.counterDeadline())) {
                    throw new InvalidInputException("on", "ipcentre.error.timer-expired", before.counterDeadline());
                }
                set.put("complaint_filed_on", on);
            }
            case MEASURE_LIFTED -> {
                if (!on.isAfter(before.counterDeadline())) {
                    throw new InvalidInputException("on", "ipcentre.error.timer-running", before.counterDeadline());
                }
                set.put("measure_lifted_on", on);
            }
            case REJECTED -> {
                set.put("closed_on", on);
                set.put("outcome", Outcome.NOT_ESTABLISHED.name());
            }
            case CLOSED -> {
                Outcome outcome = step.outcome() != null ? step.outcome()
                        : before.status() == ProtectionStatus.MEASURE_LIFTED ? Outcome.MEASURE_LIFTED : null;
                if (outcome == null) {
                    throw new InvalidInputException("outcome", "ipcentre.error.outcome-required");
                }
                set.put("closed_on", on);
                set.put("outcome", outcome.name());
            }
            default -> {
            }
        }
        if (step.linksRemoved() != null && step.linksRemoved() > 0) {
            set.put("links_removed", before.linksRemoved() + step.linksRemoved());
        }
        if (step.compensationYuan() != null) {
            set.put("compensation_yuan", step.compensationYuan());
        }
        CaseSteps.update(jdbc, "ipcentre_protection_case", id, to, set,
                expectedVersion == null ? before.version() : expectedVersion, before.caseNo());
        timeline.add(Timeline.PROTECTION, id, on, before.status().name(), to.name(), blankToNull(step.note()),
                actor.username());
        ProtectionCase after = get(id, on);
        audit.updated("ipcentre-protection-case", before.caseNo(), before, after);
        if (before.overduePublishedOn() != null && before.status() == ProtectionStatus.COUNTER_NOTICE) {
            events.publishEvent(new LedgerItemCleared(DesignCases.LEDGER, "protection:" + id, on, to.name()));
        }
        changes.touched(on);
        return after;
    }

    /**
     * The last day of the 15-day timer after a non-infringement declaration was forwarded (电子商务法 §43):
     * the day itself is not counted (民法典 §201); a last day that is not a working day moves to the next
     * working day (民法典 §203).
     */
    public LocalDate counterDeadline(LocalDate forwardedOn) {
        Workdays workdays = calendar.workdays();
        LocalDate last = forwardedOn.plusDays(policy.intValue(IpPolicy.COUNTER_NOTICE_DAYS, forwardedOn));
        while (!workdays.isWorkingDay(last)) {
            last = last.plusDays(1);
        }
        return last;
    }

    /** Adds an evidence file to a case. */
    @Transactional
    public ProtectionCase.EvidenceFile addEvidence(long id, String fileName, byte[] content) {
        ProtectionCase c = get(id, access.today());
        Actor actor = access.requireWrite("ipcentre-protection-case", c.caseNo());
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("file", "ipcentre.error.file-name");
        }
        if (content.length == 0 || content.length > maxFileBytes) {
            throw new InvalidInputException("file", "ipcentre.error.file-size", maxFileBytes / 1024 / 1024);
        }
        // the content decides, not the name or the browser's type: a PDF must be a PDF and be named .pdf
        FileKind kind = FileKind.sniff(content).filter(k -> k.fitsName(name))
                .orElseThrow(() -> new InvalidInputException("file", "ipcentre.error.file-type", name, FileKind.NAMES));
        String sha = sha256(content);
        LocalDate today = access.today();
        String type = kind.contentType();
        jdbc.sql("""
                insert into ipcentre_evidence (case_id, file_name, content_type, size_bytes, sha256, content, added_on, added_by)
                values (:c, :n, :t, :s, :h, :b, :on, :by)
                """).param("c", id).param("n", name).param("t", type).param("s", (long) content.length).param("h", sha)
                .param("b", content).param("on", today).param("by", actor.username()).update();
        ProtectionCase.EvidenceFile file = evidence(id).stream().filter(f -> f.sha256().equals(sha)).reduce((a, b) -> b)
                .orElseThrow();
        audit.created("ipcentre-evidence", c.caseNo() + "/" + file.id(), file);
        return file;
    }

    /** The largest evidence file accepted, in MB ({@code gongjian.evidence.max-file-size}). */
    public long maxEvidenceMb() {
        return maxFileBytes / 1024 / 1024;
    }

    /** An evidence file's content, when it belongs to the case. */
    public byte[] evidenceContent(long caseId, long fileId) {
        return jdbc.sql("select content from ipcentre_evidence where id = :f and case_id = :c").param("f", fileId)
                .param("c", caseId).query((rs, n) -> rs.getBytes(1)).optional()
                .orElseThrow(() -> new NotFoundException("ipcentre.error.file-not-found", fileId));
    }

    public ProtectionCase get(long id, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + " from ipcentre_protection_case where id = :id").param("id", id)
                .query((rs, n) -> row(rs, asOf)).optional()
                .orElseThrow(() -> new NotFoundException("ipcentre.error.case-not-found", id));
    }

    public List<TimelineEntry> timeline(long id) {
        return timeline.of(Timeline.PROTECTION, id);
    }

    public Page<ProtectionCase> list(@Nullable ProtectionType type, @Nullable ProtectionStatus status, LocalDate asOf,
            Pageable pageable) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (type != null) {
            where.append(" and case_type = :type");
            params.put("type", type.name());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        List<ProtectionCase> all = jdbc.sql("select " + COLUMNS + " from ipcentre_protection_case" + where
                + " order by received_on desc, id desc").params(params).query((rs, n) -> row(rs, asOf)).list();
        return Pages.of(all, pageable);
    }

    /** The daily check: a counter-notice timer run out with the measure still in place is reported once. */
    @Transactional
    public int sweepOverdue(LocalDate today) {
        List<ProtectionCase> late = jdbc.sql("select " + COLUMNS + " from ipcentre_protection_case where status = "
                        + "'COUNTER_NOTICE' and overdue_published_on is null and counter_deadline < :today")
                .param("today", today).query((rs, n) -> row(rs, today)).list();
        int reported = 0;
        for (ProtectionCase c : late) {
            int n = jdbc.sql("update ipcentre_protection_case set overdue_published_on = :t where id = :id "
                    + "and overdue_published_on is null").param("t", today).param("id", c.id()).update();
            if (n == 1) {
                events.publishEvent(new LedgerItemOverdue(DesignCases.LEDGER, "protection:" + c.id(), centreUnit,
                        "电商投诉 " + c.caseNo() + "：反通知15日期满，平台措施待终止或投诉待确认", c.counterDeadline(),
                        "/ipcentre/protection/" + c.id()));
                reported++;
            }
        }
        return reported;
    }

    private List<ProtectionCase.EvidenceFile> evidence(long caseId) {
        return jdbc.sql("select id, file_name, content_type, size_bytes, sha256, added_on, added_by from ipcentre_evidence "
                        + "where case_id = :c order by id").param("c", caseId)
                .query((rs, n) -> new ProtectionCase.EvidenceFile(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
    }

    private static LocalDate lastStep(ProtectionCase c) {
        LocalDate last = c.receivedOn();
        for (LocalDate d : new LocalDate[] {c.noticeSentOn(), c.measureOn(), c.counterNoticeOn(), c.complaintFiledOn(),
                c.measureLiftedOn(), c.closedOn()}) {
            if (d != null && d.isAfter(last)) {
                last = d;
            }
        }
        return last;
    }

    private String nextCaseNo(int year) {
        String start = "WQ" + year + "-";
        String max = jdbc.sql("select max(case_no) from ipcentre_protection_case where case_no like :p")
                .param("p", start + "%").query(String.class).optional().orElse(null);
        int next = max == null ? 1 : Integer.parseInt(max.substring(start.length())) + 1;
        return start + String.format("%04d", next);
    }

    private ProtectionCase row(java.sql.ResultSet rs, LocalDate asOf) throws java.sql.SQLException {
        LocalDate received = rs.getObject("received_on", LocalDate.class);
        LocalDate closed = rs.getObject("closed_on", LocalDate.class);
        LocalDate deadline = rs.getObject("counter_deadline", LocalDate.class);
        ProtectionStatus status = ProtectionStatus.valueOf(rs.getString("status"));
        LocalDate end = closed != null ? closed : (asOf.isBefore(received) ? received : asOf);
        String platform = rs.getString("platform");
        String outcome = rs.getString("outcome");
        long id = rs.getLong("id");
        return new ProtectionCase(id, rs.getString("case_no"), ProtectionType.valueOf(rs.getString("case_type")), status,
                (Long) rs.getObject("complainant_firm_id", Long.class), rs.getString("complainant"),
                rs.getString("respondent"), platform == null ? null : Platform.valueOf(platform), rs.getString("patent_no"),
                received, rs.getObject("notice_sent_on", LocalDate.class), rs.getObject("measure_on", LocalDate.class),
                rs.getObject("counter_notice_on", LocalDate.class), deadline,
                rs.getObject("complaint_filed_on", LocalDate.class), rs.getObject("measure_lifted_on", LocalDate.class),
                closed, outcome == null ? null : Outcome.valueOf(outcome), rs.getInt("links_removed"),
                rs.getBigDecimal("compensation_yuan"), rs.getString("note"),
                status == ProtectionStatus.COUNTER_NOTICE && deadline != null && asOf.isAfter(deadline),
                (int) ChronoUnit.DAYS.between(received, end), rs.getObject("overdue_published_on", LocalDate.class),
                parties.of(id), evidence(id), rs.getBoolean("demo"), rs.getInt("version"));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
