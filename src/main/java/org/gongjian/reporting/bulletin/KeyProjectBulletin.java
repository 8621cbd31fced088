package org.gongjian.reporting.bulletin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongjian.reporting.Document;
import org.gongjian.reporting.Document.Section;
import org.gongjian.reporting.KeyProjectFigures;
import org.gongjian.reporting.KeyProjectFigures.Summary;
import org.gongjian.reporting.review.Words;
import org.gongjian.shared.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monthly key-project bulletin (重点项目建设进展情况) in the city's customary form: one sentence with the
 * list's totals, the year to date against the annual plan and time progress (months / 12), and the new starts,
 * then the projects' table. Written as md, html, pdf and docx like the other reports.
 */
@Component
public class KeyProjectBulletin {

    private static final BigDecimal YI = new BigDecimal("100000000");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ObjectProvider<KeyProjectFigures> figures;
    private final MessageSource messages;
    private final Clock clock;

    KeyProjectBulletin(ObjectProvider<KeyProjectFigures> figures, MessageSource messages, Clock clock) {
        this.figures = figures;
        this.messages = messages;
        this.clock = clock;
    }

    public Document compose(YearMonth month, Locale locale) {
        if (month.isAfter(YearMonth.now(clock))) {
            throw new InvalidInputException("month", "error.report.month-future", month.toString());
        }
        KeyProjectFigures source = figures.getIfAvailable();
        if (source == null) {
            throw new IllegalStateException("No key-projects ledger in this application");
        }
        Summary s = source.summary(month);
        Words words = new Words(messages, locale, month.getYear());
        List<List<String>> rows = new ArrayList<>();
        for (KeyProjectFigures.Row r : s.rows()) {
            rows.add(List.of(r.name(), r.town(), yi(r.totalInvestment()), yi(r.annualPlan()), yi(r.completed()),
                    r.percentOfPlan() == null ? "—" : one(r.percentOfPlan()) + "%",
                    r.schedule() == null ? "—" : words.get("report.key-projects.schedule." + r.schedule())));
        }
        Document.Table table = new Document.Table(words.get("report.key-projects.table", month.getMonthValue()),
                List.of(words.get("report.key-projects.header", months(month, words)).split("\\|")), rows);
        Section overview = new Section(words.section(1), words.get("report.key-projects.overview"), List.of(sentence(s, words)),
                List.of(), List.of(table), List.of(), List.of());
        return new Document(words.get("report.key-projects.title", month.getYear(), month.getMonthValue()), null,
                List.of(words.get("report.key-projects.masthead", month.getYear(), month.getMonthValue())), List.of(), null,
                List.of(overview), words.get("report.key-projects.file-name", month.toString()));
    }

    /**
     * N个项目，总投资X亿元，年度计划Y亿元；1–M月完成Z亿元，占年度计划P%，快于时间进度Q个百分点；计划新开工A个，已开工B个（C%）.
     */
    public String sentence(Summary s, Words words) {
        BigDecimal percent = s.annualPlan().signum() == 0 ? BigDecimal.ZERO
                : s.completed().multiply(HUNDRED).divide(s.annualPlan(), 6, RoundingMode.HALF_UP);
        BigDecimal time = BigDecimal.valueOf(s.month().getMonthValue() * 100L).divide(BigDecimal.valueOf(12), 6, RoundingMode.HALF_UP);
        BigDecimal gap = percent.subtract(time).setScale(1, RoundingMode.HALF_UP);
        String against = gap.signum() == 0 ? words.get("report.key-projects.level")
                : words.get(gap.signum() > 0 ? "report.key-projects.ahead" : "report.key-projects.behind", one(gap.abs()));
        BigDecimal startRate = s.plannedStarts() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(s.started() * 100L).divide(BigDecimal.valueOf(s.plannedStarts()), 1, RoundingMode.HALF_UP);
        return words.get("report.key-projects.sentence", s.projects(), yi(s.totalInvestment()), yi(s.annualPlan()),
                months(s.month(), words), yi(s.completed()), one(percent), against, s.plannedStarts(), s.started(),
                one(startRate));
    }

    private static String months(YearMonth month, Words words) {
        return month.getMonthValue() == 1 ? words.get("report.key-projects.january")
                : words.get("report.key-projects.months", month.getMonthValue());
    }

    /** 元 in 亿元, two decimals at most: 68, 7.3, 0.25. */
    static String yi(BigDecimal yuan) {
        BigDecimal v = yuan.divide(YI, 2, RoundingMode.HALF_UP).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }

    static String one(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
