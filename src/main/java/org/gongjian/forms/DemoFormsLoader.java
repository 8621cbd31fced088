package org.gongjian.forms;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's first users of forms, loaded once on the first start after the demo programme: the
 * "五个起来工程" monthly report (education bureau and the 16 towns, September–December 2024) and the
 * culture pilot's half-yearly report with a row per village (the towns, June and December 2024). Their
 * returns are generated from a fixed seed, marked as demo, submitted within or just after their due
 * dates and accepted, so that the targets of items 9 and 11 get LEDGER measurements on first start; a
 * few are left unsubmitted, as happens, for the daily check to chase. Every demo return is reported to
 * assessment's timeliness component as it would be in use ({@code LedgerReportDue}, marked as demo): handed
 * in on its day, or not handed in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoFormsLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFormsLoader.class);
    static final String[] FILES = {"classpath:seed/forms/edu-five-monthly.json", "classpath:seed/forms/culture-pilot-report.json"};
    static final long SEED = 20241205L;
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String[] VILLAGES = {"三门里村", "塘口村", "自力村", "马降龙村", "锦江里村", "仓东村", "祖宅村",
            "赤坎古镇社区", "立园村", "迎龙村", "南屏村", "永安村"};

    /** A demo form file. */
    record DemoForm(String code, FormDefinition definition, List<Forms.AssignmentData> assignments) {
    }

    private final Forms forms;
    private final FormStore store;
    private final ReturnOpener opener;
    private final ReturnFeed feed;
    private final JsonMapper json;
    private final ResourceLoader resources;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean enabled;

    DemoFormsLoader(Forms forms, FormStore store, ReturnOpener opener, ReturnFeed feed, JsonMapper json,
            ResourceLoader resources, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock,
            @Value("${gongjian.demo.enabled:true}") boolean enabled) {
        this.forms = forms;
        this.store = store;
        this.opener = opener;
        this.feed = feed;
        this.json = json;
        this.resources = resources;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled) {
            return;
        }
        Random random = new Random(SEED);
        for (String file : FILES) {
            DemoForm demo;
            try (InputStream in = resources.getResource(file).getInputStream()) {
                demo = json.readValue(in, DemoForm.class);
            }
            Integer returns = tx.execute(status -> {
                if (store.seeded(demo.code())) {
                    return null;
                }
                try {
                    store.markSeeded(demo.code(), Instant.now(clock));
                } catch (DuplicateKeyException raced) {
                    return null;
                }
                return load(demo, random);
            });
            if (returns != null) {
                log.info("First start: demo form {} loaded with {} generated returns", demo.code(), returns);
            }
        }
    }

    private int load(DemoForm demo, Random random) {
        forms.create(demo.code(), demo.definition(), true);
        forms.publish(demo.code(), 1);
        Form form = forms.form(demo.code());
        boolean unitsKnown = true;
        for (Forms.AssignmentData a : demo.assignments()) {
            try {
                forms.assign(demo.code(), a);
            } catch (org.gongjian.shared.InvalidInputException missingUnits) {
                unitsKnown = false; // the demo programme's units are not there: the form alone is loaded
            }
        }
        if (!unitsKnown) {
            return 0;
        }
        form = forms.form(demo.code());
        opener.open(form, LocalDate.now(clock));
        List<FormReturn> all = store.returns(demo.code(), null, null, null, 0, 10_000);
        Map<String, Double> pace = new LinkedHashMap<>();
        List<String> periods = new ArrayList<>();
        int filled = 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!periods.contains(all.get(i).period())) {
                periods.add(all.get(i).period());
            }
        }
        for (String period : periods) {
            List<FormReturn> ofPeriod = all.stream().filter(r -> r.period().equals(period)).toList();
            double share = (periods.indexOf(period) + 1.0) / periods.size();
            for (FormReturn r : ofPeriod) {
                double unitPace = pace.computeIfAbsent(r.unitCode(), u -> 0.6 + random.nextDouble() * 0.8);
                int roll = random.nextInt(100);
                if (roll < 4 && periods.indexOf(period) == periods.size() - 1) {
                    events.publishEvent(ReturnChase.reportDue(r, null)); // never handed in: the daily check chases it
                    continue;
                }
                Map<String, Object> values = demo.code().startsWith("edu")
                        ? education(r.unitCode(), share, unitPace, random) : culture(share, unitPace, random);
                ReturnValidator.Checked checked = ReturnValidator.check(store.definitionOfReturn(r.id()), values, true);
                if (!checked.violations().isEmpty()) {
                    throw new IllegalStateException("demo return invalid: " + checked.violations());
                }
                int lateDays = roll < 15 ? 1 + random.nextInt(6) : 0;
                LocalDate submitted = r.due().minusDays(lateDays > 0 ? -lateDays : random.nextInt(4));
                Instant at = submitted.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(CITY).toInstant();
                store.updateReturn(r.id(), r.rowVersion(), r.status(), ReturnStatus.SUBMITTED, checked.values(), at,
                        submitted, null);
                store.insertEvent(r.id(), "SUBMIT", ReturnStatus.SUBMITTED, checked.values(), null, at, FormReturns.DEMO_ACTOR + r.unitCode());
                store.updateReturn(r.id(), r.rowVersion() + 1, ReturnStatus.SUBMITTED, ReturnStatus.ACCEPTED,
                        checked.values(), null, null, null);
                store.insertEvent(r.id(), "ACCEPT", ReturnStatus.ACCEPTED, checked.values(), null,
                        at.plusSeconds(86_400), FormReturns.DEMO_ACTOR + "office");
                events.publishEvent(ReturnChase.reportDue(r, submitted));
                filled++;
            }
            feed.publish(form.id(), period);
        }
        return filled;
    }

    private static Map<String, Object> education(String unit, double share, double pace, Random random) {
        boolean bureau = "education".equals(unit);
        double scale = bureau ? 4 : 1;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("after_school_coverage", pct(88 + share * 8 + random.nextDouble() * 4));
        int exchanged = (int) Math.round(18 * scale * pace * share);
        v.put("teachers_exchanged", exchanged);
        v.put("teachers_trained", (int) Math.round(exchanged * (0.5 + random.nextDouble() * 0.5)));
        v.put("model_lessons", (int) Math.round(12 * scale * pace * share));
        v.put("activities", (int) Math.round(9 * scale * pace * share));
        v.put("activity_kinds", List.of("体育", "艺术"));
        v.put("new_places", (int) Math.round(110 * scale * pace * share));
        v.put("puhui_coverage", pct(82 + share * 6 + random.nextDouble() * 6));
        v.put("works_investment", BigDecimal.valueOf(150 * scale * pace * share).setScale(2, RoundingMode.HALF_UP));
        v.put("note", "演示数据：按固定种子生成，非单位实际填报");
        return v;
    }

    private static Map<String, Object> culture(double share, double pace, Random random) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("village", VILLAGES[random.nextInt(VILLAGES.length)] + (i > 0 ? "（" + (i + 1) + "）" : ""));
            row.put("field", List.of("文旅融合", "手工艺", "创意设计", "演出产业").get(random.nextInt(4)));
            row.put("projects", (int) Math.max(0, Math.round(1.2 * pace * share + random.nextDouble())));
            row.put("investment", BigDecimal.valueOf(900 * pace * share * (0.5 + random.nextDouble())).setScale(2, RoundingMode.HALF_UP));
            row.put("entities", (int) Math.round(5 * pace * share * (0.5 + random.nextDouble())));
            row.put("visitors", BigDecimal.valueOf(14 * pace * share * (0.5 + random.nextDouble())).setScale(2, RoundingMode.HALF_UP));
            row.put("revenue", BigDecimal.valueOf(1500 * pace * share * (0.5 + random.nextDouble())).setScale(2, RoundingMode.HALF_UP));
            row.put("jobs", (int) Math.round(45 * pace * share * (0.5 + random.nextDouble())));
            rows.add(row);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("villages", rows);
        v.put("cases", "演示数据：乡村民宿、乡村书店、田园咖啡等业态带动村民就业（按固定种子生成，非实际案例）");
        return v;
    }

    private static BigDecimal pct(double p) {
        return BigDecimal.valueOf(Math.min(100, p)).setScale(1, RoundingMode.HALF_UP);
    }
}
