package org.gongjian.forms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.gongjian.assessment.LedgerReportDue;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.notification.NotificationRequested;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.LedgerItemOverdue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily check of returns, under a ShedLock lock: opens the returns of periods that have begun,
 * reminds units of returns due within their reminder days (working days), and reports each return not
 * handed in by its due date once as {@link LedgerItemOverdue}: supervision, not this ledger, turns it
 * into a notice and escalates it. A submission afterwards publishes {@code LedgerItemCleared}.
 */
@Service
public class ReturnChase {

    private static final Logger log = LoggerFactory.getLogger(ReturnChase.class);
    static final String LEDGER = "forms";
    static final String LOCK = "forms-chase";

    /** What one check did. */
    public record Result(int opened, int reminded, int overdue) {
    }

    private final FormStore store;
    private final ReturnOpener opener;
    private final WorkCalendar calendar;
    private final Organisation organisation;
    private final ApplicationEventPublisher events;
    private final LockingTaskExecutor locks;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReturnChase(FormStore store, ReturnOpener opener, WorkCalendar calendar, Organisation organisation,
            ApplicationEventPublisher events, LockingTaskExecutor locks, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.opener = opener;
        this.calendar = calendar;
        this.organisation = organisation;
        this.events = events;
        this.locks = locks;
        this.tx = tx;
        this.clock = clock;
    }

    /** What assessment's timeliness component is told about a return: due, and handed in on a day or not yet. */
    static LedgerReportDue reportDue(FormReturn r, @org.jspecify.annotations.Nullable LocalDate done) {
        return new LedgerReportDue(LEDGER, itemKey(r.id()), r.unitCode(), r.formTitle(), r.period(), r.due(), done,
                r.demo());
    }

    static String itemKey(long returnId) {
        return "return:" + returnId;
    }

    @Scheduled(cron = "${gongjian.forms.chase-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
    void daily() {
        chaseLocked().ifPresentOrElse(r -> log.info("Forms check: {} returns opened, {} reminded, {} overdue",
                r.opened(), r.reminded(), r.overdue()), () -> log.info("Forms check left to another instance"));
    }

    /** Checks today under the lock; empty when another instance holds it. */
    public Optional<Result> chaseLocked() {
        Instant now = Instant.now(clock);
        LockConfiguration lock = new LockConfiguration(now, LOCK, Duration.ofMinutes(30), Duration.ZERO);
        try {
            LockingTaskExecutor.TaskResult<Result> result = locks.executeWithLock(() -> chase(LocalDate.now(clock)), lock);
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (Throwable e) {
            throw new IllegalStateException("forms check failed", e);
        }
    }

    /** Checks as of a day (each step idempotent). */
    public Result chase(LocalDate today) {
        return tx.execute(status -> {
            int opened = 0;
            for (Form form : store.all()) {
                opened += opener.open(form, today);
            }
            int reminded = 0;
            for (FormReturn r : store.remindable(today, today.plusDays(45))) {
                int days = store.reminderDays(r.id());
                if (days > 0 && calendar.workingDaysBetween(today, r.due()) <= days && store.markReminded(r.id(), today)) {
                    organisation.findByCode(r.unitCode()).ifPresent(u -> events.publishEvent(new NotificationRequested(
                            "forms:return:" + r.id() + ":reminder", List.of(u.id()), Set.of(),
                            "数据填报提醒：" + r.formTitle() + "（" + r.period() + "）",
                            "请于 " + r.due() + " 前报送《" + r.formTitle() + "》" + r.period() + " 期。",
                            "/forms/returns/" + r.id(), false)));
                    reminded++;
                }
            }
            int overdue = 0;
            for (FormReturn r : store.overdueUnreported(today)) {
                if (store.markOverdue(r.id(), today)) {
                    events.publishEvent(new LedgerItemOverdue(LEDGER, itemKey(r.id()), r.unitCode(),
                            "逾期未报送：《" + r.formTitle() + "》" + r.period() + " 期", r.due(), "/forms/returns/" + r.id()));
                    events.publishEvent(reportDue(r, null));
                    overdue++;
                }
            }
            return new Result(opened, reminded, overdue);
        });
    }
}
