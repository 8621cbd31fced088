package org.gongjian.roads;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo rural-road ledger, loaded once on the first start of an empty database after the programme
 * demo: the article's five demonstration roads, a register with renovated segments in every town, and
 * for four towns road chiefs, patrols, defects and 2024 condition results, all generated from a fixed
 * seed and flagged {@code demo} (「演示」 on the pages). Then the figures are published, so that item 1's
 * targets move from the ledger. Stakes, geometry, names of chiefs and the towns of the five roads are
 * plausible, not real.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoRoadsLoader implements ApplicationRunner {

    static final String MARKER = "roads/demo-2024";
    private static final Logger log = LoggerFactory.getLogger(DemoRoadsLoader.class);
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String[] DETAIL_TOWNS = {"chikan", "tangkou", "magang", "baihe"};
    private static final String[] SURNAMES = {"关", "司徒", "谢", "周", "张", "方", "吴", "梁", "黄", "余"};
    private static final String[] GIVEN = {"志强", "国华", "建明", "伟文", "少芬", "锦辉", "永康", "丽华", "立新", "海燕"};
    /** 建设好、管理好、养护好、运营好 (四好), the article's 路长制 and 路域环境, and its theme for the roads. */
    static final String[] CRITERIA = {"建设好：路面平整无坑槽，标志标线与安全设施齐全", "管理好：路长制落实，路长公示牌设置规范",
            "养护好：列养率100%，养护责任落实", "运营好：沿线建制村通客车、物流到村", "路域环境整洁，绿化美化",
            "主题“四好农村路+侨乡致富”：串联侨乡文化与产业节点"};
    /** The article's one theme for the five roads; what it does not say is marked as assumed. */
    static final String THEME = "“四好农村路+侨乡致富”（镇街归属、里程、路线编码与通车日期为演示假设）";

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final RoadIndicators indicators;
    private final RoadConditions conditions;
    private final org.gongjian.calendar.WorkCalendar calendar;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DemoRoadsLoader(JdbcClient jdbc, Organisation organisation, RoadIndicators indicators, RoadConditions conditions,
            org.gongjian.calendar.WorkCalendar calendar, AuditLog audit, TransactionTemplate tx, Clock clock,
            @Value("${gongjian.demo.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.indicators = indicators;
        this.conditions = conditions;
        this.calendar = calendar;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Map<String, Integer> counts = tx.execute(status -> {
            boolean done = jdbc.sql("select count(*) from roads_seed where code = :c").param("c", MARKER)
                    .query(Long.class).single() > 0;
            boolean empty = jdbc.sql("select count(*) from roads_route").query(Long.class).single() == 0;
            if (done || !empty) {
                return null;
            }
            try {
                jdbc.sql("insert into roads_seed (code, loaded_at) values (:c, :at)").param("c", MARKER)
                        .param("at", Timestamp.from(Instant.now(clock))).update();
            } catch (DuplicateKeyException raced) {
                return null;
            }
            Map<String, Integer> loaded = load();
            audit.created("roads-demo", MARKER, loaded);
            indicators.publish(LocalDate.now(clock));
            return loaded;
        });
        if (counts != null) {
            log.info("First start: demo rural-road ledger loaded: {}", counts);
        }
    }

    private Map<String, Integer> load() {
        Random random = new Random(20241205L);
        Map<String, Integer> counts = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock);
        List<Unit> towns = new ArrayList<>(organisation.townLevelUnits());
        towns.sort(Comparator.comparing(Unit::code));
        long total = chief("温市长", ChiefLevel.TOTAL, "市长（总路长）", null, null, null);
        long county = chief("梁副市长", ChiefLevel.COUNTY, "副市长（县道路长）", null, null, total);
        long countyRoute = route("X551", "赤马线", RoadLevel.COUNTY, now);
        BigDecimal countyStake = BigDecimal.ZERO;
        double baseLat = 22.37;
        double baseLng = 112.57;
        int townIndex = 0;
        List<long[]> villageSegments = new ArrayList<>();
        for (Unit town : towns) {
            townIndex++;
            double lat = baseLat + (townIndex % 4 - 1.5) * 0.06 + random.nextDouble() * 0.01;
            double lng = baseLng + (townIndex / 4 - 1.5) * 0.08 + random.nextDouble() * 0.01;
            boolean detail = java.util.Arrays.asList(DETAIL_TOWNS).contains(town.code());
            long township = chief(person(random), ChiefLevel.TOWNSHIP, town.shortName() + "镇长（乡道路长）", town.code(), null, county);
            String y = "Y%03d".formatted(townIndex * 10 + 1);
            long yRoute = route(y, town.shortName() + "乡道" + (townIndex * 10 + 1) + "线", RoadLevel.TOWNSHIP, now);
            BigDecimal stake = BigDecimal.ZERO;
            int ySegments = 2 + random.nextInt(2);
            for (int i = 0; i < ySegments; i++) {
                BigDecimal len = km(1.2 + random.nextDouble() * 3.5);
                LocalDate renovated = random.nextDouble() < 0.75 ? LocalDate.of(2024, 2 + random.nextInt(10), 1 + random.nextInt(27)) : null;
                long seg = segment(yRoute, stake, stake.add(len), town.code(), null, renovated, lat + i * 0.01, lng, random);
                if (detail || random.nextDouble() < 0.8) {
                    assign(township, seg, stake, stake.add(len));
                }
                stake = stake.add(len);
                counts.merge("segments", 1, Integer::sum);
            }
            if (townIndex <= 4) {
                BigDecimal len = km(2 + random.nextDouble() * 3);
                long seg = segment(countyRoute, countyStake, countyStake.add(len), town.code(), null,
                        LocalDate.of(2024, 3 + townIndex, 15), lat - 0.01, lng + 0.02, random);
                assign(county, seg, countyStake, countyStake.add(len));
                countyStake = countyStake.add(len);
                counts.merge("segments", 1, Integer::sum);
            }
            if (!detail) {
                continue;
            }
            for (int v = 1; v <= 2; v++) {
                String village = town.shortName().replace("镇", "").replace("街道", "") + (v == 1 ? "东村" : "西村");
                String c = "C%03d".formatted(townIndex * 10 + v);
                long cRoute = route(c, village + "村道", RoadLevel.VILLAGE, now);
                BigDecimal len = km(0.8 + random.nextDouble() * 2);
                long seg = segment(cRoute, BigDecimal.ZERO, len, town.code(), village,
                        random.nextDouble() < 0.5 ? LocalDate.of(2024, 4 + random.nextInt(8), 10) : null,
                        lat + 0.02 * v, lng - 0.02, random);
                counts.merge("segments", 1, Integer::sum);
                long chief = chief(person(random), ChiefLevel.VILLAGE, village + "村委会主任（村道路长）", town.code(), village, township);
                if (!(v == 2 && town.code().equals("baihe"))) {     // one village road left without its chief: a gap to see
                    assign(chief, seg, BigDecimal.ZERO, len);
                }
                villageSegments.add(new long[] {chief, seg});
                patrols(chief, random, today, counts);
                counts.merge("chiefs", 1, Integer::sum);
            }
        }
        issues(villageSegments, random, today, counts);
        assessments(random, counts);
        demoRoads(counts);
        return counts;
    }

    private void patrols(long chief, Random random, LocalDate today, Map<String, Integer> counts) {
        double diligence = 0.4 + random.nextDouble() * 0.6;
        for (int w = 1; w <= 8; w++) {
            if (random.nextDouble() > diligence) {
                continue;
            }
            LocalDate day = today.minusWeeks(w).with(java.time.DayOfWeek.MONDAY).plusDays(random.nextInt(5));
            Instant start = day.atTime(9 + random.nextInt(6), random.nextInt(60)).atZone(CITY).toInstant();
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into roads_patrol (username, chief_id, status, started_at, ended_at, distance_m, points, demo)
                    values ('demo', :c, 'ENDED', :s, :e, :d, 0, true)""")
                    .param("c", chief).param("s", Timestamp.from(start))
                    .param("e", Timestamp.from(start.plusSeconds(1800 + random.nextInt(3600))))
                    .param("d", BigDecimal.valueOf(800 + random.nextInt(4000))).update(key, "id");
            counts.merge("patrols", 1, Integer::sum);
        }
    }

    private void issues(List<long[]> villageSegments, Random random, LocalDate today, Map<String, Integer> counts) {
        String[] texts = {"路面坑槽两处，约2平方米", "路肩水毁塌方", "警示标志被撞倒", "路边堆放建筑垃圾", "涵洞排水不畅", "路面裂缝"};
        IssueStatus[] plan = {IssueStatus.CLOSED, IssueStatus.CLOSED, IssueStatus.CLOSED, IssueStatus.CLOSED,
                IssueStatus.CLOSED, IssueStatus.IN_PROGRESS, IssueStatus.ASSIGNED, IssueStatus.REPORTED,
                IssueStatus.RECTIFIED, IssueStatus.CLOSED};
        for (int i = 0; i < plan.length && i < villageSegments.size(); i++) {
            long seg = villageSegments.get(i)[1];
            String town = jdbc.sql("select town_code from roads_segment where id = :id").param("id", seg).query(String.class).single();
            Severity severity = Severity.values()[1 + random.nextInt(3)];
            LocalDate reported = today.minusDays(5 + random.nextInt(40));
            IssueStatus status = plan[i];
            LocalDate accepted = status == IssueStatus.REPORTED ? null : reported.plusDays(1);
            LocalDate due = accepted == null ? null : calendar.plusWorkingDays(accepted, deadline(severity, accepted));
            LocalDate closed = status == IssueStatus.CLOSED
                    ? (i == 4 ? due.plusDays(3) : accepted.plusDays(1 + random.nextInt(4))) : null;
            if (closed != null && closed.isAfter(today)) {
                closed = today;
            }
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into roads_issue (source, category, severity, status, segment_id, stake_km, town_code, description,
                        reporter, reported_at, accepted_on, due_on, closed_on, assigned_unit, demo)
                    values (:src, :cat, :sev, :st, :seg, 0.3, :town, :d, 'demo', :at, :acc, :due, :closed, :unit, true)""")
                    .param("src", i % 3 == 0 ? "PUBLIC" : "PATROL")
                    .param("cat", RoadIssues.Category.values()[random.nextInt(5)].name()).param("sev", severity.name())
                    .param("st", status.name()).param("seg", seg).param("town", town).param("d", texts[i % texts.length])
                    .param("at", Timestamp.from(reported.atTime(10, 0).atZone(CITY).toInstant())).param("acc", accepted)
                    .param("due", due).param("closed", closed)
                    .param("unit", status == IssueStatus.REPORTED ? null : town).update(key, "id");
            long id = key.getKeyAs(Number.class).longValue();
            jdbc.sql("insert into roads_issue_event (issue_id, from_status, to_status, at, by_user, note) values (:id, null, 'REPORTED', :at, 'demo', '演示')")
                    .param("id", id).param("at", Timestamp.from(reported.atTime(10, 0).atZone(CITY).toInstant())).update();
            if (status != IssueStatus.REPORTED) {
                jdbc.sql("insert into roads_issue_event (issue_id, from_status, to_status, at, by_user, note) values (:id, 'REPORTED', :to, :at, 'demo', '演示')")
                        .param("id", id).param("to", status.name())
                        .param("at", Timestamp.from((closed != null ? closed : accepted).atTime(16, 0).atZone(CITY).toInstant()))
                        .update();
            }
            counts.merge("issues", 1, Integer::sum);
        }
    }

    private int deadline(Severity severity, LocalDate on) {
        return jdbc.sql("""
                select param_value from roads_policy where kind = 'DEADLINE' and param_key = :k and valid_from <= :on
                   and (valid_to is null or valid_to >= :on) order by valid_from desc""")
                .param("k", severity.name()).param("on", on).query(BigDecimal.class).list().get(0).intValue();
    }

    private void assessments(Random random, Map<String, Integer> counts) {
        List<RoadConditions.NewAssessment> rows = new ArrayList<>();
        jdbc.sql("select id, start_km, end_km from roads_segment order by id").query((rs, n) -> {
            long id = rs.getLong(1);
            BigDecimal from = rs.getBigDecimal(2);
            BigDecimal end = rs.getBigDecimal(3);
            double quality = 62 + random.nextDouble() * 36;
            while (from.compareTo(end) < 0) {
                BigDecimal to = from.add(BigDecimal.ONE).min(end);
                rows.add(new RoadConditions.NewAssessment(2024, id, from, to, index(quality, random), index(quality, random),
                        null, index(quality + 3, random), index(quality + 2, random), index(quality, random),
                        RoadConditions.Method.AUTO_DETECTION));
                from = to;
            }
            return id;
        }).list();
        LocalDate on = LocalDate.of(2024, 12, 31);
        for (RoadConditions.NewAssessment a : rows) {
            RoadConditions.Result r = conditions.evaluate(new RoadConditions.Indices(a.pci(), a.rqi(), a.rdi(), a.sci(), a.bci(),
                    a.tci()), on);
            jdbc.sql("""
                    insert into roads_assessment (assess_year, segment_id, from_km, to_km, pci, rqi, rdi, pqi, sci, bci, tci,
                        mqi, grade, method, demo, created_at, created_by)
                    values (2024, :s, :f, :t, :pci, :rqi, null, :pqi, :sci, :bci, :tci, :mqi, :g, 'AUTO_DETECTION', true, :at, 'demo')""")
                    .param("s", a.segmentId()).param("f", a.fromKm()).param("t", a.toKm()).param("pci", a.pci())
                    .param("rqi", a.rqi()).param("pqi", r.pqi()).param("sci", a.sci()).param("bci", a.bci())
                    .param("tci", a.tci()).param("mqi", r.mqi()).param("g", r.grade().name())
                    .param("at", Timestamp.from(on.atTime(12, 0).atZone(CITY).toInstant())).update();
            counts.merge("assessments", 1, Integer::sum);
        }
    }

    private static BigDecimal index(double around, Random random) {
        return BigDecimal.valueOf(Math.max(30, Math.min(100, around + (random.nextDouble() - 0.5) * 12))).setScale(2, RoundingMode.HALF_UP);
    }

    private void demoRoads(Map<String, Integer> counts) {
        Object[][] roads = {
                {"赤马线", "X551", "chikan", null, LocalDate.of(2024, 3, 28)},   // as long as its route on the register
                {"交四线", null, "magang", "6.300", LocalDate.of(2024, 6, 18)},
                {"交锅线", null, "magang", "5.800", LocalDate.of(2024, 8, 8)},
                {"锅塘线", null, "tangkou", "7.200", LocalDate.of(2024, 10, 16)},
                {"强亚村道", null, "tangkou", "2.100", LocalDate.of(2024, 11, 20)}};
        for (Object[] r : roads) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into roads_demo_road (name, route_code, town_code, length_km, theme, status, opened_on, demo)
                    values (:n, :r, :t, :l, :th, 'OPEN', :on, true)""")
                    .param("n", r[0]).param("r", r[1]).param("t", r[2]).param("l", r[3] == null ? routeLength((String) r[1]) : new BigDecimal((String) r[3]))
                    .param("th", THEME).param("on", r[4]).update(key, "id");
            long id = key.getKeyAs(Number.class).longValue();
            for (int i = 0; i < CRITERIA.length; i++) {
                jdbc.sql("insert into roads_demo_criterion (demo_road_id, position, label, met) values (:id, :p, :l, true)")
                        .param("id", id).param("p", i + 1).param("l", CRITERIA[i]).update();
            }
            counts.merge("demoRoads", 1, Integer::sum);
        }
    }

    private BigDecimal routeLength(String code) {
        return jdbc.sql("""
                select sum(s.end_km - s.start_km) from roads_segment s join roads_route r on r.id = s.route_id
                 where r.code = :c""").param("c", code).query(BigDecimal.class).single();
    }

    private long route(String code, String name, RoadLevel level, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into roads_route (code, name, level, demo, created_at, created_by) values (:c, :n, :l, true, :at, 'demo')")
                .param("c", code).param("n", name).param("l", level.name()).param("at", Timestamp.from(now)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private long segment(long route, BigDecimal from, BigDecimal to, String town, String village, LocalDate renovated,
            double lat, double lng, Random random) {
        double length = to.subtract(from).doubleValue();
        StringBuilder geo = new StringBuilder("{\"type\":\"LineString\",\"coordinates\":[");
        double x = lng;
        double y = lat;
        int steps = 4;
        for (int i = 0; i <= steps; i++) {
            geo.append(i == 0 ? "" : ",").append("[%.5f,%.5f]".formatted(x, y));
            x += length / steps / 105.0 * (0.6 + random.nextDouble() * 0.4);
            y += length / steps / 111.0 * (random.nextDouble() - 0.3);
        }
        geo.append("]}");
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_segment (route_id, start_km, end_km, tech_grade, pavement, width_m, town_code, village,
                    maintenance_unit, listed, geometry, renovated_on, demo)
                values (:r, :f, :t, :g, :p, :w, :town, :v, :m, true, :geo, :ren, true)""")
                .param("r", route).param("f", from).param("t", to)
                .param("g", random.nextDouble() < 0.7 ? "IV" : "III").param("p", random.nextDouble() < 0.6 ? "CEMENT" : "ASPHALT")
                .param("w", BigDecimal.valueOf(35 + random.nextInt(30), 1)).param("town", town).param("v", village)
                .param("m", "开平市公路事务中心").param("geo", geo.toString()).param("ren", renovated).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private long chief(String name, ChiefLevel level, String title, String unit, String village, Long superior) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_chief (name, level, title, unit_code, village, superior_id, appointed_on, demo)
                values (:n, :l, :t, :u, :v, :s, :on, true)""")
                .param("n", name).param("l", level.name()).param("t", title).param("u", unit).param("v", village)
                .param("s", superior).param("on", LocalDate.of(2023, 1, 1)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private void assign(long chief, long segment, BigDecimal from, BigDecimal to) {
        jdbc.sql("""
                insert into roads_assignment (chief_id, segment_id, from_km, to_km, valid_from)
                values (:c, :s, :f, :t, :vf)""")
                .param("c", chief).param("s", segment).param("f", from).param("t", to).param("vf", LocalDate.of(2023, 1, 1))
                .update();
    }

    private static String person(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static BigDecimal km(double km) {
        return BigDecimal.valueOf(km).setScale(3, RoundingMode.HALF_UP);
    }
}
