package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongjian.programme.NewMeasurement;
import org.gongjian.programme.StatusLights;
import org.gongjian.programme.StatusLights.Light;
import org.gongjian.programme.TargetData;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.web.PageFormat;
import org.gongjian.supervision.Forecast;
import org.gongjian.supervision.StatusEngine;
import org.gongjian.supervision.TargetStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The computed status (研判状态) on the programme's pages: the dashboard answers "what is late?" first,
 * with each initiative's and target's status word beside its colour, apart from the declared stage; the
 * initiative page draws each target's forecast to its deadline, dashed, with the interval shaded, or says
 * 数据不足; the warning board's target page draws the same chart with the same script.
 */
class StatusPageTests extends PageTestSupport {

    private static final Pattern ROW = Pattern.compile("class=\"initiative-row row-([A-Z_]+)\"");
    private static final Pattern NUMBER = Pattern.compile("<div class=\"initiative-no\">(\\d+)</div>");

    @Autowired StatusLights lights;
    @Autowired StatusEngine engine;
    @Autowired TargetManagement targets;
    @Autowired org.gongjian.programme.ProgrammeManagement programmes;
    @Autowired JsonMapper json;

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(as(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The card of one target on the initiative page. */
    private static String card(String html, String target) {
        int start = html.indexOf("id=\"target-" + target + "\"");
        assertThat(start).as("card of " + target).isPositive();
        int end = html.indexOf("<article class=\"target-card\"", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    /** The JSON a card's chart draws, from its data-chart-data attribute. */
    private JsonNode chart(String card) {
        Matcher m = Pattern.compile("data-chart-data=\"([^\"]*)\"").matcher(card);
        assertThat(m.find()).isTrue();
        return json.readTree(org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)));
    }

    private int severity(String status) {
        return lights.programme("kaiping-2024", engine.today()).scale().stream()
                .filter(l -> l.name().equals(status)).findFirst().orElseThrow().severity();
    }

    /**
     * Targets of initiative 3 that no other test reports on (other tests share this context and commit their
     * figures): status.area, 0 → 800公顷 by 2030-12-31 like hydrogen.area, and status.investment, in 元 like
     * hydrogen.investment. The test's transaction takes them away again.
     */
    private void freshTargets() {
        var programme = programmes.programme("kaiping-2024");
        for (String from : List.of("hydrogen.area", "hydrogen.investment")) {
            TargetData d = targets.data(targets.target(programme, from));
            targets.create("kaiping-2024", 3, new TargetData(from.replace("hydrogen.", "status."), d.name(), d.unit(),
                    d.direction(), d.baselineValue(), d.baselineDate(), d.targetValue(), d.targetValueMax(),
                    d.targetQualifier(), d.deadline(), d.deadlineAssumed(), null, null, null, d.plannedPoints()));
        }
    }

    /** Reports figures on a target, 100 days apart, the latest ten days before today. */
    private LocalDate report(String target, int... values) {
        LocalDate today = engine.today();
        LocalDate last = null;
        for (int k = 0; k < values.length; k++) {
            last = today.minusDays(100L * (values.length - k) - 90);
            targets.report("kaiping-2024", target, new NewMeasurement(BigDecimal.valueOf(values[k]), last, "第" + (k + 1) + "次", null));
        }
        return last;
    }

    @Test
    void the_dashboard_puts_the_worst_initiatives_first_each_with_its_status_word_beside_its_declared_stage() throws Exception {
        String html = page(PROGRAMME + "?lang=zh-CN", "page-leader");
        List<String> statuses = all(ROW, html);
        assertThat(statuses).hasSize(11);
        for (int k = 1; k < statuses.size(); k++) {
            assertThat(severity(statuses.get(k))).as("row " + k + " after " + statuses.get(k - 1))
                    .isLessThanOrEqualTo(severity(statuses.get(k - 1)));
        }
        // the computed status is a filled chip with its word; the declared stage stays apart, with its own label
        assertThat(html).contains("<span class=\"light light-" + statuses.get(0) + "\" title=\"系统按计划进度、时间进度和到期预测研判的状态\">",
                "申报阶段", "class=\"status decl-IN_PROGRESS\"", "时间进度 ", "哪些攻坚任务滞后或逾期？");
        // the counts above the list are the engine's, one link per status
        var computed = lights.programme("kaiping-2024", engine.today());
        for (Light light : computed.scale()) {
            long expected = computed.initiatives().values().stream().filter(light::equals).count();
            assertThat(html).containsPattern("status=" + light.name() + "\"[^>]*>\\s*<span class=\"light light-" + light.name()
                    + "\"[^>]*>[^<]+</span>\\s*<strong>" + expected + "</strong>");
        }
        // sorted by number on request
        List<String> numbers = all(NUMBER, page(PROGRAMME + "?sort=number", "page-leader"));
        assertThat(numbers).containsExactly("1", "2", "3", "4", "6", "7", "8", "9", "10", "11", "12");
    }

    @Test
    void the_dashboard_filters_by_computed_status_and_its_charts_count_initiatives_by_status_per_category() throws Exception {
        var computed = lights.programme("kaiping-2024", engine.today());
        long overdue = computed.initiatives().values().stream().filter(l -> l.name().equals("OVERDUE")).count();
        long attention = computed.initiatives().values().stream().filter(Light::attention).count();
        assertThat(overdue).as("the demo has initiatives past their deadlines").isPositive();
        String late = page(PROGRAMME + "?status=OVERDUE", "page-viewer");
        assertThat(all(ROW, late)).hasSize((int) overdue).containsOnly("OVERDUE");
        assertThat(late).contains("<option value=\"OVERDUE\" selected=\"selected\">逾期</option>");
        assertThat(all(ROW, page(PROGRAMME + "?status=attention", "page-viewer"))).hasSize((int) attention)
                .allMatch(s -> s.equals("AT_RISK") || s.equals("OFF_TRACK") || s.equals("OVERDUE"));
        // an unknown status filters nothing out
        assertThat(all(ROW, page(PROGRAMME + "?status=LATE", "page-viewer"))).hasSize(11);

        String html = page(PROGRAMME, "page-viewer");
        Matcher m = Pattern.compile("data-chart=\"status-by-category\" role=\"img\" data-chart-data=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).isTrue();
        JsonNode chart = json.readTree(org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)));
        assertThat(chart.get("statuses").get(0).get("name").asString()).isEqualTo("逾期");
        long counted = 0;
        for (JsonNode s : chart.get("statuses")) {
            for (JsonNode c : s.get("counts")) {
                counted += c.asLong();
            }
        }
        assertThat(counted).isEqualTo(11);
        assertThat(html).contains("data-chart=\"category-progress\"", "&quot;time&quot;:", "&quot;timeLabel&quot;:",
                "&quot;time&quot;:&quot;时间进度&quot;");
    }

    @Test
    @Transactional
    void a_target_with_three_or_more_figures_gets_a_dashed_forecast_with_its_interval_and_one_with_fewer_says_insufficient_data()
            throws Exception {
        freshTargets();
        LocalDate last = report("status.area", 120, 260, 380, 430);
        report("status.investment", 900_000_000, 1_500_000_000);
        String html = page(PROGRAMME + "/initiatives/3?lang=zh-CN", "page-viewer");

        String area = card(html, "status.area");
        TargetStatus status = engine.status("kaiping-2024").target("status.area").orElseThrow();
        Forecast forecast = status.forecast();
        assertThat(forecast.sufficient()).isTrue();
        JsonNode series = chart(area).get("series");
        assertThat(series).hasSize(1);
        JsonNode line = series.get(0);
        assertThat(line.get("name").asString()).isEqualTo("到期预测");
        assertThat(line.get("dashed").asBoolean()).isTrue();
        // from the latest figure to the deadline, at the engine's forecast, with the interval as a band
        assertThat(line.get("points").get(0).get("date").asString()).isEqualTo(last.toString());
        assertThat(line.get("points").get(0).get("value").decimalValue()).isEqualByComparingTo("430");
        assertThat(line.get("points").get(1).get("date").asString()).isEqualTo("2030-12-31");
        assertThat(line.get("points").get(1).get("value").decimalValue())
                .isEqualByComparingTo(PageFormat.readable(forecast.value()));
        JsonNode band = line.get("band");
        assertThat(band.get("name").asString()).isEqualTo("80%预测区间");
        assertThat(band.get("lower").get(1).get("value").decimalValue()).isEqualByComparingTo(PageFormat.readable(forecast.lower()));
        assertThat(band.get("upper").get(1).get("value").decimalValue()).isEqualByComparingTo(PageFormat.readable(forecast.upper()));
        assertThat(area).contains("到期预测（2030-12-31）：", "80%预测区间", "如期完成概率", "时间进度 ",
                "light light-" + status.status().name());
        assertThat(area).containsPattern("[快慢]于时间进度[0-9.]+个百分点");

        String investment = card(html, "status.investment");
        assertThat(chart(investment).get("series")).isEmpty();
        assertThat(investment).contains("到期预测：数据不足（已有2次填报，至少需要3次），暂不预测");
        // money is counted in 亿元 on the axis
        assertThat(chart(investment).get("unit").asString()).isEqualTo("亿元");
        assertThat(chart(investment).get("axisDivisor").asLong()).isEqualTo(100_000_000L);

        String english = page(PROGRAMME + "/initiatives/3?lang=en", "page-viewer");
        assertThat(card(english, "status.area")).contains("Forecast for 2030-12-31:", "80% prediction interval");
        assertThat(card(english, "status.investment")).contains("Forecast: insufficient data (2 reports, at least 3 needed)");
    }

    @Test
    @Transactional
    void a_figure_reported_with_htmx_answers_with_the_targets_card_and_the_initiatives_status_swapped_out_of_band()
            throws Exception {
        freshTargets();
        report("status.area", 120, 260);
        String fragment = mvc.perform(multipart(PROGRAMME + "/targets/status.area/measurements")
                        .param("value", "380").param("asOf", engine.today().minusDays(1).toString())
                        .header("HX-Request", "true").with(csrf()).with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String status = engine.initiative("kaiping-2024", programmes.initiative(programmes.programme("kaiping-2024"), 3).id(),
                engine.today()).status().name();
        assertThat(fragment).startsWith("<article class=\"target-card\" id=\"target-status.area\"")
                .doesNotContain("<html")
                .contains("<div class=\"standing\" id=\"initiative-standing\" hx-swap-oob=\"true\">",
                        "light light-" + status, "到期预测（2030-12-31）：");
        // the third figure makes a forecast: the card's chart now draws it
        assertThat(chart(card(fragment, "status.area")).get("series")).hasSize(1);
    }

    @Test
    @Transactional
    void the_warning_boards_target_page_draws_the_same_chart_as_it_stood_on_its_date() throws Exception {
        freshTargets();
        LocalDate last = report("status.area", 120, 260, 380, 430);
        // a second figure for the latest date: the chart draws one point there, the later figure, as the engine counts it
        targets.report("kaiping-2024", "status.area", new NewMeasurement(BigDecimal.valueOf(440), last, "更正", null));
        String target = page("/supervision/programmes/kaiping-2024/targets/status.area", "page-viewer");
        assertThat(target).contains("data-chart=\"target\"",
                "data-chart-url=\"/programmes/kaiping-2024/targets/status.area/chart.json?asOf=" + engine.today() + "\"")
                .doesNotContain("target-chart.js", "echarts.min.js\" defer");
        JsonNode today = json.readTree(page("/programmes/kaiping-2024/targets/status.area/chart.json", "page-viewer"));
        assertThat(today.get("actual")).hasSize(4);
        assertThat(today.get("actual").get(3).get("value").decimalValue()).isEqualByComparingTo("440");
        assertThat(today.get("series").get(0).get("points").get(0).get("value").decimalValue()).isEqualByComparingTo("440");
        assertThat(today.get("series").get(0).get("band")).isNotNull();
        // yesterday none of today's figures had been recorded: no measurements, no forecast
        JsonNode yesterday = json.readTree(page("/programmes/kaiping-2024/targets/status.area/chart.json?asOf="
                + engine.today().minusDays(1), "page-viewer"));
        assertThat(yesterday.get("actual")).isEmpty();
        assertThat(yesterday.get("series")).isEmpty();
    }

    @Test
    void the_start_page_counts_a_units_initiatives_by_status_and_lists_the_worst_first() throws Exception {
        String html = page("/?lang=zh-CN", "page-staff");
        List<String> statuses = all(ROW, html);
        assertThat(statuses).hasSize(2);
        assertThat(severity(statuses.get(0))).isGreaterThanOrEqualTo(severity(statuses.get(1)));
        // each count opens the dashboard filtered to the unit and the status
        assertThat(html).contains("class=\"light-counts\"", "unit=chishui&amp;status=OVERDUE\"");
    }

    @Test
    void a_units_page_lists_its_initiatives_worst_first_each_with_the_engines_status_and_counts_them_by_status() throws Exception {
        String html = page("/units/chishui?lang=zh-CN", "page-leader");
        var computed = lights.programme("kaiping-2024", engine.today());
        List<String> statuses = all(ROW, html);
        assertThat(statuses).hasSize(2);
        assertThat(severity(statuses.get(0))).isGreaterThanOrEqualTo(severity(statuses.get(1)));
        for (String number : all(NUMBER, html)) {
            var initiative = programmes.initiative(programmes.programme("kaiping-2024"), Integer.parseInt(number));
            Light light = computed.initiative(initiative.id());
            assertThat(light).isNotNull();
            assertThat(html).contains("row-" + light.name());
        }
        long overdue = statuses.stream().filter("OVERDUE"::equals).count();
        assertThat(html).containsPattern("unit=chishui&amp;status=OVERDUE\"[^>]*>\\s*<span class=\"light light-OVERDUE\"[^>]*>逾期</span>"
                + "\\s*<strong>" + overdue + "</strong>");
    }
}
