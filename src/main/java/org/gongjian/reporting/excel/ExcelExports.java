package org.gongjian.reporting.excel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.gongjian.audit.AuditTrail;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.gongjian.programme.ProgrammeData.CategoryData;
import org.gongjian.shared.Decimals;
import org.gongjian.supervision.NoticeManagement;
import org.gongjian.supervision.NoticeView;
import org.gongjian.supervision.StatusEngine;
import org.gongjian.supervision.TargetStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists the pages show, as .xlsx: a programme's initiatives with their targets (latest value,
 * completion and status), its measurements, its supervision notices, and the audit trail. The headers match the import templates, so that an
 * exported file can be corrected and imported again.
 */
@Service
@Transactional(readOnly = true)
public class ExcelExports {

    /** Excel's sheet holds 1,048,576 rows; the audit export stops well before. */
    public static final int MAX_AUDIT_ROWS = 500_000;

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final StatusEngine engine;
    private final NoticeManagement notices;
    private final MessageSource messages;
    private final Clock clock;

    ExcelExports(ProgrammeManagement programmes, TargetManagement targets, Organisation organisation, AuditTrail audit,
            StatusEngine engine, NoticeManagement notices, MessageSource messages, Clock clock) {
        this.programmes = programmes;
        this.targets = targets;
        this.organisation = organisation;
        this.audit = audit;
        this.engine = engine;
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * 攻坚任务 and 指标 sheets: the key-task ledger (重点工作任务台账) of the programme, each target with where
     * the status engine places it today: latest value, progress, planned value, time progress and status.
     */
    public byte[] initiatives(String programmeCode) {
        Programme programme = programmes.programme(programmeCode);
        List<Initiative> initiatives = programmes.initiatives(programme);
        Map<Long, Unit> units = units(initiatives);
        Map<Long, Integer> numbers = new HashMap<>();
        initiatives.forEach(i -> numbers.put(i.id(), i.number()));
        LocalDate today = LocalDate.now(clock);
        try (XlsxWriter x = new XlsxWriter()) {
            SXSSFSheet sheet = x.sheet(Layouts.SHEET_INITIATIVES, programme.year() + "年" + programme.title() + " 重点改革攻坚任务台账",
                    Layouts.INITIATIVES, new int[] {6, 36, 14, 20, 40, 12, 12, 8, 60});
            int r = 2;
            for (Initiative i : initiatives) {
                List<String> co = i.coUnitIds().stream().map(id -> units.get(id).shortName()).toList();
                x.row(sheet, r++, List.of(i.number(), i.title(),
                        programme.category(i.categoryCode()).map(CategoryData::name).orElse(i.categoryCode()),
                        units.get(i.leadUnitId()).shortName(), String.join("、", co), i.startDate(), i.endDate(),
                        Layouts.status(i.status()), i.summary() == null ? "" : i.summary()));
            }
            SXSSFSheet tsheet = x.sheet(Layouts.SHEET_TARGETS, null, Layouts.TARGETS,
                    new int[] {8, 24, 30, 8, 6, 14, 12, 14, 12, 8, 12, 30, 14, 12, 10, 14, 12, 8});
            int t = 1;
            Map<Long, TargetStatus> statuses = new HashMap<>();
            engine.status(programmeCode, today).targets().forEach(st -> statuses.put(st.targetId(), st));
            for (Target target : targets.targets(programme)) {
                TargetStatus st = statuses.get(target.id());
                List<Object> row = new ArrayList<>(List.of(numbers.get(target.initiativeId()), target.code(), target.name(),
                        target.unit().zh(), Layouts.direction(target.direction())));
                row.add(Decimals.normal(target.baselineValue()));
                row.add(target.baselineDate());
                row.add(Decimals.normal(target.targetValue()));
                row.add(Decimals.normal(target.targetValueMax()));
                row.add(Layouts.qualifier(target.targetQualifier()));
                row.add(target.deadline());
                row.add(target.note());
                if (st == null) {
                    row.addAll(java.util.Arrays.asList(null, null, null, null, null, null));
                } else {
                    row.add(st.actual());
                    row.add(st.actualAsOf());
                    row.add(percent(st.progress()));
                    row.add(st.planned() == null ? null : Decimals.normal(st.planned()));
                    row.add(percent(st.timeProgress()));
                    row.add(zh(st.status().messageKey()));
                }
                x.row(tsheet, t++, row);
            }
            return x.bytes();
        }
    }

    /** Every measurement of the programme's targets, corrections and superseded ones included. */
    public byte[] measurements(String programmeCode) {
        Programme programme = programmes.programme(programmeCode);
        List<Target> all = targets.targets(programme);
        Map<Long, Target> byId = new HashMap<>();
        all.forEach(t -> byId.put(t.id(), t));
        try (XlsxWriter x = new XlsxWriter()) {
            SXSSFSheet sheet = x.sheet(Layouts.SHEET_MEASUREMENTS, programme.year() + "年" + programme.title() + " 指标进展数据",
                    Layouts.MEASUREMENTS, new int[] {7, 24, 30, 8, 16, 12, 40, 8, 14, 20, 8, 8, 30});
            int r = 2;
            int no = 1;
            for (Measurement m : targets.measurements(all)) {
                Target t = byId.get(m.targetId());
                x.row(sheet, r++, java.util.Arrays.asList(no++, t.code(), t.name(), t.unit().zh(), m.value(), m.asOf(),
                        m.note(), m.source().name(), m.reporter(), m.recordedAt(), m.superseded(), m.withdrawn(),
                        m.reason()));
            }
            return x.bytes();
        }
    }

    /** The supervision notices (督办单) of the programme the reader may see, newest first, as the notice list shows them. */
    public byte[] notices(String programmeCode) {
        Programme programme = programmes.programme(programmeCode);
        List<NoticeView> list = notices.notices(programmeCode, null, null, org.springframework.data.domain.Pageable.unpaged())
                .getContent();
        Map<Long, Unit> units = organisation.byIds(list.stream().map(NoticeView::unitId).toList());
        LocalDate today = LocalDate.now(clock);
        try (XlsxWriter x = new XlsxWriter()) {
            SXSSFSheet sheet = x.sheet(Layouts.SHEET_NOTICES, programme.year() + "年" + programme.title() + " 督办单",
                    Layouts.NOTICES, new int[] {18, 8, 12, 18, 40, 14, 8, 12, 12, 12, 8, 20, 20});
            int r = 2;
            for (NoticeView n : list) {
                Unit unit = units.get(n.unitId());
                x.row(sheet, r++, java.util.Arrays.asList(n.number(), zh(n.level().messageKey()), zh(n.state().messageKey()),
                        zh(n.trigger().messageKey()), n.title(), unit == null ? null : unit.shortName(), n.initiativeNumber(),
                        n.raisedOn(), n.answerDue(), n.overdueOn(today) ? n.daysOverdue(today) : null, n.answers().size(),
                        n.answers().isEmpty() ? null : n.answers().get(n.answers().size() - 1).answeredAt(), n.closedAt()));
            }
            return x.bytes();
        }
    }

    private String zh(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    /** The audit trail between two instants, newest first. */
    public byte[] audit(Instant from, Instant to, String entityType) {
        try (XlsxWriter x = new XlsxWriter()) {
            SXSSFSheet sheet = x.sheet("操作日志", "操作日志", Layouts.AUDIT, new int[] {20, 14, 8, 16, 30, 30, 80});
            int[] r = {2};
            audit.each(entityType, from, to, MAX_AUDIT_ROWS, e -> x.row(sheet, r[0]++, java.util.Arrays.asList(
                    e.occurredAt(), e.actor(), e.action().name(), e.entityType(), e.entityId(), e.summary(),
                    truncate(e.afterJson() != null ? e.afterJson() : e.beforeJson()))));
            return x.bytes();
        }
    }

    /** A fraction as per cent with one decimal: 0.4567 is 45.7. */
    private static BigDecimal percent(Double fraction) {
        return fraction == null ? null : BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP);
    }

    /** A cell holds at most 32,767 characters. */
    private static String truncate(String text) {
        return text == null || text.length() <= 32_000 ? text : text.substring(0, 32_000) + "…";
    }

    private Map<Long, Unit> units(List<Initiative> initiatives) {
        Set<Long> ids = new HashSet<>();
        initiatives.forEach(i -> ids.addAll(i.responsibleUnitIds()));
        return organisation.byIds(ids);
    }
}
