package org.gongjian.ipcentre;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.calendar.Workdays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The centre's monthly statistics and its figures as of a day. */
@Service
@Transactional(readOnly = true)
public class IpStatistics {

    /** One month of the centre's work. */
    public record Month(YearMonth month, int designSubmitted, int designPassed, int designFailed, int designGranted,
            @Nullable BigDecimal designDaysAvg, @Nullable BigDecimal designWorkingDaysAvg, int protectionReceived,
            int protectionClosed, int linksRemoved, BigDecimal compensationYuan) {
    }

    private final JdbcClient jdbc;
    private final IndicatorFeed feed;
    private final WorkCalendar calendar;

    IpStatistics(JdbcClient jdbc, IndicatorFeed feed, WorkCalendar calendar) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.calendar = calendar;
    }

    /** The figures that feed the targets, as of a day (over its calendar year up to the day). */
    public Figures figures(LocalDate asOf) {
        return feed.compute(asOf);
    }

    public List<Month> year(int year) {
        Workdays workdays = calendar.workdays();
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            LocalDate a = ym.atDay(1);
            LocalDate b = ym.atEndOfMonth();
            int submitted = count("ipcentre_design_case", "submitted_on", a, b, "");
            int passed = count("ipcentre_design_case", "passed_on", a, b, "");
            int failed = count("ipcentre_design_case", "decided_on", a, b, " and passed_on is null");
            List<LocalDate[]> grants = jdbc.sql("select submitted_on, granted_on from ipcentre_design_case "
                            + "where granted_on between :a and :b and submitted_on is not null")
                    .param("a", a).param("b", b)
                    .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                    .list();
            BigDecimal days = grants.isEmpty() ? null : avg(grants.stream().mapToLong(g -> ChronoUnit.DAYS.between(g[0], g[1])).sum(),
                    grants.size());
            BigDecimal working = grants.isEmpty() ? null
                    : avg(grants.stream().mapToLong(g -> workdays.workingDaysBetween(g[0], g[1])).sum(), grants.size());
            int received = count("ipcentre_protection_case", "received_on", a, b, "");
            int closed = count("ipcentre_protection_case", "closed_on", a, b, " and status = 'CLOSED'");
            Object[] sums = jdbc.sql("select coalesce(sum(links_removed), 0), coalesce(sum(compensation_yuan), 0) "
                            + "from ipcentre_protection_case where status = 'CLOSED' and closed_on between :a and :b")
                    .param("a", a).param("b", b).query((rs, n) -> new Object[] {rs.getInt(1), rs.getBigDecimal(2)}).single();
            months.add(new Month(ym, submitted, passed, failed, grants.size(), days, working, received, closed,
                    (Integer) sums[0], (BigDecimal) sums[1]));
        }
        return months;
    }

    private int count(String table, String column, LocalDate a, LocalDate b, String extra) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " between :a and :b" + extra)
                .param("a", a).param("b", b).query(Integer.class).single();
    }

    private static BigDecimal avg(long sum, int n) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
    }
}
