package org.gongjian.volunteers.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.volunteers.VolunteerFeed;
import org.gongjian.volunteers.Volunteers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The office's campaign dashboard: teams, captains and volunteers per town against 100 / 1,000 / 10,000,
 * active volunteers and hours, and hours by month, as bar charts (ECharts) and as a table.
 */
@Controller
class CampaignPageController {

    static final Map<String, Integer> GOALS = Map.of("volunteers.teams", 100, "volunteers.captains", 1000,
            "volunteers.registered", 10000);

    private final Volunteers volunteers;
    private final VolunteerFeed feed;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    CampaignPageController(Volunteers volunteers, VolunteerFeed feed, JdbcClient jdbc, JsonMapper json) {
        this.volunteers = volunteers;
        this.feed = feed;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One town's row. */
    record Row(String code, String name, BigDecimal teams, BigDecimal captains, BigDecimal registered, BigDecimal active,
            BigDecimal hours) {
    }

    @GetMapping("/volunteers/campaign")
    @PreAuthorize("hasAuthority('volunteers:volunteer:read')")
    String campaign(Model model) {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Map<String, Map<String, BigDecimal>> f = feed.figures(today, volunteers.policy(today).activeDays());
        List<Row> rows = new ArrayList<>();
        for (var town : volunteers.towns().entrySet()) {
            Row r = row(f, town.getKey(), town.getValue());
            if (r.registered().signum() > 0 || r.teams().signum() > 0) {
                rows.add(r);
            }
        }
        Row city = row(f, "", "全市");
        model.addAttribute("rows", rows);
        model.addAttribute("city", city);
        model.addAttribute("goals", GOALS);
        model.addAttribute("demo", jdbc.sql("select count(*) from volunteers_volunteer where demo = true").query(Long.class)
                .single() > 0);
        Map<String, Object> byTown = new LinkedHashMap<>();
        byTown.put("towns", rows.stream().map(Row::name).toList());
        byTown.put("teams", rows.stream().map(Row::teams).toList());
        byTown.put("captains", rows.stream().map(Row::captains).toList());
        byTown.put("registered", rows.stream().map(Row::registered).toList());
        model.addAttribute("townChart", json.writeValueAsString(byTown));
        Map<String, BigDecimal> months = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.of(2024, 12); !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            months.put(m.toString(), BigDecimal.ZERO);
        }
        record Day(LocalDate day, int minutes) {
        }
        for (Day d : jdbc.sql("""
                select h.service_date, h.minutes from volunteers_hours h left join volunteers_hours s on s.supersedes_id = h.id
                where h.status = 'EFFECTIVE' and s.id is null""")
                .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getInt(2))).list()) {
            months.computeIfPresent(YearMonth.from(d.day()).toString(), (k, v) -> v.add(BigDecimal.valueOf(d.minutes())));
        }
        months.replaceAll((k, v) -> v.divide(BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP));
        model.addAttribute("monthChart", json.writeValueAsString(Map.of("months", List.copyOf(months.keySet()),
                "hours", List.copyOf(months.values()))));
        return "volunteers/campaign";
    }

    private static Row row(Map<String, Map<String, BigDecimal>> f, String code, String name) {
        return new Row(code, name, get(f, "volunteers.teams", code), get(f, "volunteers.captains", code),
                get(f, "volunteers.registered", code), get(f, "volunteers.active", code), get(f, "volunteers.hours", code));
    }

    private static BigDecimal get(Map<String, Map<String, BigDecimal>> f, String indicator, String code) {
        return f.getOrDefault(indicator, Map.of()).getOrDefault(code, BigDecimal.ZERO);
    }
}
