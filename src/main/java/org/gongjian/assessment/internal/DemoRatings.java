package org.gongjian.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongjian.assessment.Grade;
import org.gongjian.assessment.scoring.ReportBook;
import org.gongjian.assessment.scoring.ReportBook.Report;
import org.gongjian.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rates the Kaiping demo's progress reports as the office would, once, after the demo progress was added:
 * about seven in ten reports that came in, a few days later, graded by each unit's drawn diligence, from a
 * fixed seed. The ratings are marked as demo data.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoRatings implements ApplicationRunner {

    static final String PROGRAMME = "kaiping-2024";
    private static final long SEED = 20240102L;
    private static final Logger log = LoggerFactory.getLogger(DemoRatings.class);

    private final FactCollector collector;
    private final RatingStore ratings;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DemoRatings(FactCollector collector, RatingStore ratings, JdbcClient jdbc, AuditLog audit, TransactionTemplate tx,
            Clock clock, @Value("${gongjian.demo.enabled:true}") boolean demo,
            @Value("${gongjian.demo.progress.enabled:true}") boolean progress) {
        this.collector = collector;
        this.ratings = ratings;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.enabled = demo && progress;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Integer rated = tx.execute(status -> {
            boolean progress = jdbc.sql("select count(*) from programme_measurement m join programme_target t on t.id = m.target_id"
                    + " join programme p on p.id = t.programme_id where p.code = :code and m.demo = true")
                    .param("code", PROGRAMME).query(Long.class).single() > 0;
            boolean done = jdbc.sql("select count(*) from assessment_demo where code = :code").param("code", PROGRAMME)
                    .query(Long.class).single() > 0;
            if (!progress || done) {
                return null;
            }
            try {
                jdbc.sql("insert into assessment_demo (code, loaded_at) values (:code, :at)")
                        .param("code", PROGRAMME).param("at", Timestamp.from(Instant.now(clock))).update();
            } catch (DuplicateKeyException raced) {
                return null;
            }
            int count = rate();
            audit.created("demo-ratings", PROGRAMME, Map.of("ratings", count));
            return count;
        });
        if (rated != null) {
            log.info("First start: {} demo ratings of progress reports added to {}", rated, PROGRAMME);
        }
    }

    private int rate() {
        Random random = new Random(SEED);
        Map<Long, Double> diligence = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        int count = 0;
        for (YearMonth month = YearMonth.of(2024, 2); !month.isAfter(YearMonth.of(2025, 1)); month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            if (end.isAfter(today)) {
                break;
            }
            List<Report> reports = collector.reports(PROGRAMME, month.atDay(1), end, end);
            for (Report r : reports) {
                double quality = diligence.computeIfAbsent(r.unitId(), id -> 0.3 + random.nextDouble() * 0.7);
                double draw = random.nextDouble();
                double grade = random.nextDouble();
                int days = 2 + random.nextInt(7);
                if (r.state() == ReportBook.State.MISSED || r.state() == ReportBook.State.PENDING || r.submitted() == null
                        || draw > 0.7) {
                    continue;
                }
                Instant at = r.submitted().plus(java.time.Duration.ofDays(days));
                if (at.isAfter(Instant.now(clock))) {
                    continue;
                }
                Grade g = grade < quality * 0.6 ? Grade.EXCELLENT : grade < quality ? Grade.GOOD
                        : grade < quality + 0.25 ? Grade.FAIR : Grade.POOR;
                ratings.insert(new RatingStore.NewRating(PROGRAMME, r.unitId(), r.initiativeId(), r.cycle(), g,
                        "演示数据：模拟改革办评价", "demo", at, null, true));
                count++;
            }
        }
        return count;
    }
}
