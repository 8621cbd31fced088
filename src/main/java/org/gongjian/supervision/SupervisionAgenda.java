package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.UnitAgenda;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The start page's agenda of a unit from supervision: its open notices and the next report due. */
@Component
class SupervisionAgenda implements UnitAgenda {

    private final NoticeManagement notices;
    private final PolicyParameters policies;
    private final ProgrammeManagement programmes;
    private final StatusEngine engine;
    private final MessageSource messages;

    SupervisionAgenda(NoticeManagement notices, PolicyParameters policies, ProgrammeManagement programmes,
            StatusEngine engine, MessageSource messages) {
        this.notices = notices;
        this.policies = policies;
        this.programmes = programmes;
        this.engine = engine;
        this.messages = messages;
    }

    @Override
    public List<OpenNotice> openNotices(long unitId) {
        LocalDate today = engine.today();
        return notices.open(null, unitId).stream()
                .sorted(Comparator.comparing((NoticeView n) -> !n.overdueOn(today))
                        .thenComparing(NoticeView::level, Comparator.reverseOrder())
                        .thenComparing(NoticeView::answerDue))
                .map(n -> new OpenNotice(n.id(), n.number(),
                        messages.getMessage(n.level().messageKey(), null, LocaleContextHolder.getLocale()), n.title(),
                        "/supervision/notices/" + n.id(), n.answerDue(), n.overdueOn(today)))
                .toList();
    }

    @Override
    public Optional<ReportDue> reportDue(String programmeCode) {
        LocalDate today = engine.today();
        if (today.isAfter(programmes.programme(programmeCode).endDate())) {
            return Optional.empty();
        }
        SupervisionPolicy policy = policies.policy(programmeCode, today);
        ReportCycle cycle = policy.reportCycle();
        LocalDate start = cycle.previous(cycle.cycleStart(today));
        LocalDate due = cycle.dueDate(start, policy.reportDueDay());
        if (due.isBefore(today)) {
            start = cycle.cycleStart(today);
            due = cycle.dueDate(start, policy.reportDueDay());
        }
        return Optional.of(new ReportDue(cycle.label(start), due));
    }
}
