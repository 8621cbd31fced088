package org.gongjian.projects;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongjian.audit.AuditLog;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.projects.KeyProjects.Plan;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.FileKind;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Monthly progress reports: the project's units enter a month (investment this month, 形象进度 with photos,
 * problems, next steps) and submit it; the office reviews and publishes it, or returns it with a reason.
 * Only reviewed and published months count; a returned one counts for nothing until it is submitted and
 * reviewed again. Each month is due a number of working days (policy data) after it ends.
 */
@Service("projectProgressReports")
@Transactional(readOnly = true)
public class ProgressReports {

    private static final String ENTITY = "projects-report";

    /** DRAFT → SUBMITTED → REVIEWED → PUBLISHED, or RETURNED from SUBMITTED or REVIEWED. */
    public enum Status {
        DRAFT, SUBMITTED, REVIEWED, PUBLISHED, RETURNED;

        /** Whether the month's figures count: reviewed or published. */
        public boolean counts() {
            return this == REVIEWED || this == PUBLISHED;
        }

        /** Whether the project's units may still change it. */
        public boolean editable() {
            return this == DRAFT || this == RETURNED;
        }
    }

    public record Report(long id, long projectId, int year, int month, BigDecimal thisMonth, String imageProgress,
            @Nullable String problems, @Nullable String nextSteps, Status status, LocalDate dueOn,
            @Nullable LocalDate submittedOn, @Nullable String submittedBy, @Nullable String reviewedBy,
            @Nullable String returnedReason, boolean demo, int version) {

        public YearMonth period() {
            return YearMonth.of(year, month);
        }

        /** Submitted after its deadline, or still not submitted after it. */
        public boolean overdue(LocalDate today) {
            LocalDate submitted = status.editable() ? null : submittedOn;
            return submitted == null ? today.isAfter(dueOn) : submitted.isAfter(dueOn);
        }
    }

    /** What the project's units enter for a month. */
    public record Entry(BigDecimal thisMonth, String imageProgress, @Nullable String problems, @Nullable String nextSteps) {
    }

    /** A photo as uploaded; its kind is checked by its first bytes. */
    public record PhotoUpload(String fileName, byte[] content) {
    }

    public record Photo(long id, long reportId, String fileName, String contentType) {
    }

    /** One month of the plan curve chart: planned and actual cumulative investment (元); actual null after the last counted month. */
    public record CurvePoint(int month, BigDecimal planned, @Nullable BigDecimal actual) {
    }

    /** Published after any change of a report's status or figures. */
    public record ReportsChanged(long projectId) {
    }

    private final JdbcClient jdbc;
    private final KeyProjects projects;
    private final ProjectAccess access;
    private final ProjectPolicies policies;
    private final WorkCalendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxPhotoBytes;
    private final int maxPhotos;

    ProgressReports(JdbcClient jdbc, KeyProjects projects, ProjectAccess access, ProjectPolicies policies,
            WorkCalendar calendar, AuditLog audit, ApplicationEventPublisher events, Clock clock,
            @Value("${gongjian.projects.photo.max-file-size:5MB}") DataSize maxPhotoBytes,
            @Value("${gongjian.projects.photo.max-files:6}") int maxPhotos) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.access = access;
        this.policies = policies;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.maxPhotoBytes = maxPhotoBytes.toBytes();
        this.maxPhotos = maxPhotos;
    }

    public Report report(long id) {
        return jdbc.sql("select * from projects_report where id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("projects.error.report-not-found", id));
    }

    public @Nullable Report report(long projectId, YearMonth month) {
        return jdbc.sql("select * from projects_report where project_id = :p and report_year = :y and report_month = :m")
                .param("p", projectId).param("y", month.getYear()).param("m", month.getMonthValue()).query(this::row)
                .optional().orElse(null);
    }

    public List<Report> reports(long projectId) {
        return jdbc.sql("select * from projects_report where project_id = :p order by report_year desc, report_month desc")
                .param("p", projectId).query(this::row).list();
    }

    /** Reports waiting for the office: submitted or reviewed, oldest first. */
    public List<Report> awaitingOffice() {
        return jdbc.sql("select * from projects_report where status in ('SUBMITTED', 'REVIEWED') order by report_year, report_month, id")
                .query(this::row).list();
    }

    /** The day a month's report is due: the policy's number of working days after the month ends. */
    public LocalDate dueOn(YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        return calendar.plusWorkingDays(end, policies.workingDays(ProjectPolicies.REPORT_DUE_WORKING_DAYS, end));
    }

    /** Saves a month as a draft, or submits it; the project's units (or the office) only. */
    @Transactional
    public Report save(long projectId, YearMonth month, Entry entry, List<PhotoUpload> photos, boolean submit) {
        KeyProject project = projects.byId(projectId);
        access.requireReporter(project);
        List<Violation> v = new ArrayList<>();
        if (month.isAfter(YearMonth.now(clock)) || month.getYear() < project.startYear() || month.getYear() > project.endYear()) {
            v.add(new Violation("month", "projects.error.report-month", month.toString()));
        }
        if (entry.thisMonth() == null || entry.thisMonth().signum() < 0 || entry.thisMonth().scale() > 2) {
            v.add(new Violation("thisMonth", "projects.error.this-month"));
        }
        if (entry.imageProgress() == null || entry.imageProgress().isBlank() || entry.imageProgress().length() > 2000) {
            v.add(new Violation("imageProgress", "projects.error.image-progress"));
        }
        if (length(entry.problems()) > 2000 || length(entry.nextSteps()) > 2000) {
            v.add(new Violation("problems", "projects.error.text-long"));
        }
        Report existing = report(projectId, month);
        int photoCount = existing == null ? 0 : photos(existing.id()).size();
        checkPhotos(photos, photoCount, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (existing != null && !existing.status().editable()) {
            throw new ConflictException("projects.error.report-locked", month.toString());
        }
        String user = access.actor().username();
        LocalDate today = LocalDate.now(clock);
        Status status = submit ? Status.SUBMITTED : existing == null ? Status.DRAFT : existing.status();
        long id;
        if (existing == null) {
            jdbc.sql("""
                    insert into projects_report (project_id, report_year, report_month, this_month, image_progress, problems,
                        next_steps, status, due_on, submitted_on, submitted_by, demo, version, created_by)
                    values (:p, :y, :m, :v, :img, :pr, :next, :s, :due, :on, :by, false, 0, :user)""")
                    .param("p", projectId).param("y", month.getYear()).param("m", month.getMonthValue())
                    .param("v", entry.thisMonth()).param("img", entry.imageProgress().trim())
                    .param("pr", KeyProjects.blank(entry.problems())).param("next", KeyProjects.blank(entry.nextSteps()))
                    .param("s", status.name()).param("due", dueOn(month)).param("on", submit ? today : null)
                    .param("by", submit ? user : null).param("user", user).update();
            id = report(projectId, month).id();
        } else {
            id = existing.id();
            jdbc.sql("""
                    update projects_report set this_month = :v, image_progress = :img, problems = :pr, next_steps = :next,
                        status = :s, submitted_on = :on, submitted_by = :by, version = version + 1 where id = :id""")
                    .param("v", entry.thisMonth()).param("img", entry.imageProgress().trim())
                    .param("pr", KeyProjects.blank(entry.problems())).param("next", KeyProjects.blank(entry.nextSteps()))
                    .param("s", status.name()).param("on", submit ? today : null).param("by", submit ? user : null)
                    .param("id", id).update();
        }
        for (PhotoUpload photo : photos) {
            FileKind kind = FileKind.sniff(photo.content()).orElseThrow();
            jdbc.sql("""
                    insert into projects_photo (report_id, file_name, content_type, content, uploaded_by, uploaded_at)
                    values (:r, :n, :t, :c, :u, :at)""")
                    .param("r", id).param("n", photo.fileName()).param("t", kind.contentType()).param("c", photo.content())
                    .param("u", user).param("at", Timestamp.from(Instant.now(clock))).update();
        }
        Report after = report(id);
        if (existing == null) {
            audit.created(ENTITY, key(project, month), after);
        } else {
            audit.updated(ENTITY, key(project, month), existing, after);
        }
        events.publishEvent(new ReportsChanged(projectId));
        return after;
    }

    private void checkPhotos(List<PhotoUpload> photos, int already, List<Violation> v) {
        if (photos.size() + already > maxPhotos) {
            v.add(new Violation("photos", "projects.error.photo-count", maxPhotos));
        }
        for (PhotoUpload p : photos) {
            if (p.content().length > maxPhotoBytes) {
                v.add(new Violation("photos", "projects.error.photo-size", p.fileName(), maxPhotoBytes / (1024 * 1024)));
            } else if (FileKind.sniff(p.content()).filter(k -> k == FileKind.JPEG || k == FileKind.PNG).isEmpty()) {
                v.add(new Violation("photos", "projects.error.photo-kind", p.fileName()));
            }
        }
    }

    /** The office reviews a submitted month: from now on it counts. */
    @Transactional
    public Report review(long reportId, @Nullable Integer expectedVersion) {
        return move(reportId, expectedVersion, Status.SUBMITTED, Status.REVIEWED, null);
    }

    /** The office publishes a reviewed month. */
    @Transactional
    public Report publish(long reportId, @Nullable Integer expectedVersion) {
        return move(reportId, expectedVersion, Status.REVIEWED, Status.PUBLISHED, null);
    }

    /** The office returns a submitted or reviewed month with its reason; it stops counting. */
    @Transactional
    public Report sendBack(long reportId, String reason, @Nullable Integer expectedVersion) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "projects.error.return-reason");
        }
        Report r = report(reportId);
        Status from = r.status() == Status.REVIEWED ? Status.REVIEWED : Status.SUBMITTED;
        return move(reportId, expectedVersion, from, Status.RETURNED, reason.trim());
    }

    private Report move(long reportId, @Nullable Integer expectedVersion, Status from, Status to, @Nullable String reason) {
        Report before = report(reportId);
        KeyProject project = projects.byId(before.projectId());
        access.requireOffice(ENTITY, key(project, before.period()));
        if (before.status() != from) {
            throw new ConflictException("projects.error.report-status", before.status().name(), to.name());
        }
        int version = expectedVersion == null ? before.version() : expectedVersion;
        int updated = jdbc.sql("""
                update projects_report set status = :s, reviewed_by = :by, returned_reason = :reason, version = version + 1
                 where id = :id and version = :v""")
                .param("s", to.name()).param("by", access.actor().username()).param("reason", reason).param("id", reportId)
                .param("v", version).update();
        if (updated == 0) {
            throw new ConflictException("error.stale-version", key(project, before.period()));
        }
        Report after = report(reportId);
        audit.updated(ENTITY, key(project, before.period()), to.name(), before, after);
        events.publishEvent(new ReportsChanged(project.id()));
        return after;
    }

    public List<Photo> photos(long reportId) {
        return jdbc.sql("select id, report_id, file_name, content_type from projects_photo where report_id = :r order by id")
                .param("r", reportId).query((rs, n) -> new Photo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public Photo photo(long id) {
        return jdbc.sql("select id, report_id, file_name, content_type from projects_photo where id = :id").param("id", id)
                .query((rs, n) -> new Photo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).optional()
                .orElseThrow(() -> new NotFoundException("projects.error.photo-not-found", id));
    }

    public byte[] photoContent(long id) {
        return jdbc.sql("select content from projects_photo where id = :id").param("id", id).query(byte[].class).single();
    }

    // --- figures ------------------------------------------------------------------------------------------

    /** Every counted month: project → year → month → investment (元). */
    public Map<Long, Map<Integer, Map<Integer, BigDecimal>>> counted() {
        Map<Long, Map<Integer, Map<Integer, BigDecimal>>> all = new HashMap<>();
        jdbc.sql("""
                select project_id, report_year, report_month, this_month from projects_report
                 where status in ('REVIEWED', 'PUBLISHED')""")
                .query((rs, n) -> all.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                        .computeIfAbsent(rs.getInt(2), k -> new TreeMap<>()).put(rs.getInt(3), rs.getBigDecimal(4)))
                .list();
        return all;
    }

    /** A project's progress at a month's end, from the counted months. */
    public Progress progress(KeyProject project, YearMonth month) {
        return progress(project, month, counted().getOrDefault(project.id(), Map.of()), projects.plan(project.id(), month.getYear()));
    }

    public Progress progress(KeyProject project, YearMonth month, Map<Integer, Map<Integer, BigDecimal>> counted,
            @Nullable Plan plan) {
        BigDecimal before = project.investedBefore();
        for (Map.Entry<Integer, Map<Integer, BigDecimal>> y : counted.entrySet()) {
            if (y.getKey() < month.getYear()) {
                before = before.add(y.getValue().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            }
        }
        return Progress.of(month.getYear(), month.getMonthValue(), counted.getOrDefault(month.getYear(), Map.of()), before,
                plan == null ? null : plan.planned(), plan == null ? Map.of() : plan.curve(), project.totalInvestment(),
                policies.thresholds(month.atEndOfMonth()));
    }

    /**
     * The plan curve against actual investment of a year: planned cumulative by month's end (the curve, or the
     * plan spread evenly) and the counted cumulative up to the last counted month.
     */
    public List<CurvePoint> curve(KeyProject project, int year) {
        Plan plan = projects.plan(project.id(), year);
        Map<Integer, BigDecimal> months = counted().getOrDefault(project.id(), Map.of()).getOrDefault(year, Map.of());
        int last = months.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<CurvePoint> points = new ArrayList<>();
        BigDecimal actual = BigDecimal.ZERO;
        for (int m = 1; m <= 12; m++) {
            actual = actual.add(months.getOrDefault(m, BigDecimal.ZERO));
            BigDecimal planned = plan == null ? BigDecimal.ZERO
                    : plan.curve().containsKey(m) ? plan.curve().get(m)
                    : plan.planned().multiply(BigDecimal.valueOf(m)).divide(BigDecimal.valueOf(12), 2, java.math.RoundingMode.HALF_UP);
            points.add(new CurvePoint(m, planned, m <= last ? actual : null));
        }
        return points;
    }

    static String key(KeyProject p, YearMonth month) {
        return p.code() + "/" + month;
    }

    private static int length(@Nullable String s) {
        return s == null ? 0 : s.length();
    }

    private Report row(ResultSet rs, int n) throws SQLException {
        return new Report(rs.getLong("id"), rs.getLong("project_id"), rs.getInt("report_year"), rs.getInt("report_month"),
                rs.getBigDecimal("this_month"), rs.getString("image_progress"), rs.getString("problems"),
                rs.getString("next_steps"), Status.valueOf(rs.getString("status")), rs.getObject("due_on", LocalDate.class),
                rs.getObject("submitted_on", LocalDate.class), rs.getString("submitted_by"), rs.getString("reviewed_by"),
                rs.getString("returned_reason"), rs.getBoolean("demo"), rs.getInt("version"));
    }
}
