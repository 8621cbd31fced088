package org.gongjian.volunteers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 百队千长万人行 demo: teams, captains and volunteers of the 长沙街道 pilot and four other towns, with a
 * few weeks of activities and hours, generated from a fixed seed and flagged {@code demo} (shown as 「演示」).
 * Loaded once, on the first start of an empty database after the programme demo; then the figures are
 * published as of the campaign's three milestones and today, so that item 12's targets move from the ledger.
 * The ID numbers are made up (valid check digits, area 440783 of Kaiping) and encrypted like real ones.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class DemoVolunteersLoader implements ApplicationRunner {

    static final String MARKER = "volunteers/demo-2024";
    static final long SEED = 20241205L;
    private static final Logger log = LoggerFactory.getLogger(DemoVolunteersLoader.class);
    private static final LocalDate LAUNCH = LocalDate.of(2024, 12, 5);
    /** Town → teams, volunteers. */
    private static final Map<String, int[]> TOWNS = new LinkedHashMap<>();

    static {
        TOWNS.put("changsha", new int[] {14, 760});
        TOWNS.put("sanbu", new int[] {7, 320});
        TOWNS.put("chikan", new int[] {4, 160});
        TOWNS.put("tangkou", new int[] {4, 150});
        TOWNS.put("chishui", new int[] {3, 110});
    }

    private static final String[] SURNAMES = "关 司徒 谢 张 周 吴 梁 胡 黄 李 陈 邓 劳 方 许 余 何 冯 区 潘".split(" ");
    private static final String[] GIVEN = "嘉 俊 伟 婷 敏 丽 华 志 杰 欣 慧 明 强 芳 燕 军 建 文 玲 晓 锦 荣 健 颖".split(" ");
    private static final String[][] TEAM_KINDS = {
        {"ORGAN", "机关党员志愿服务队", "市委社会工作部"}, {"SCHOOL", "学校青年志愿服务队", "团开平市委"},
        {"HOSPITAL", "医院义诊志愿服务队", "市卫生健康局"}, {"STATE_FIRM", "国企志愿服务队", "市国资事务中心"},
        {"NEW_ORG", "“两新”组织志愿服务队", "市委社会工作部"}, {"COMMUNITY", "社区志愿服务队", "街道社工服务站"}};
    private static final String[] CATEGORIES = {"社区治理", "环境整治", "关爱帮扶", "文明劝导", "医疗义诊", "应急救援"};
    private static final String[] CENTRES = {"22.3765,112.6960", "22.3732,112.7010", "22.3801,112.6899"};

    private final Volunteers volunteers;
    private final VolunteerFeed feed;
    private final IdVault vault;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private final Quotas quotas;

    DemoVolunteersLoader(Volunteers volunteers, VolunteerFeed feed, IdVault vault, JdbcClient jdbc, JdbcTemplate template,
            TransactionTemplate tx, Clock clock, @Value("${gongjian.demo.enabled:true}") boolean demo,
            @Value("${gongjian.demo.volunteers.enabled:true}") boolean volunteersDemo, Quotas quotas) {
        this.quotas = quotas;
        this.volunteers = volunteers;
        this.feed = feed;
        this.vault = vault;
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.clock = clock;
        this.enabled = demo && volunteersDemo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        Boolean loaded = tx.execute(status -> {
            boolean programme = jdbc.sql("select count(*) from programme_seed where code = 'kaiping-2024'").query(Long.class)
                    .single() > 0;
            boolean done = jdbc.sql("select count(*) from volunteers_seed where code = :c").param("c", MARKER)
                    .query(Long.class).single() > 0;
            boolean empty = jdbc.sql("select count(*) from volunteers_volunteer").query(Long.class).single() == 0;
            if (!programme || done || !empty || volunteers.towns().keySet().stream().noneMatch(TOWNS::containsKey)) {
                return false;
            }
            try {
                jdbc.sql("insert into volunteers_seed (code, loaded_at) values (:c, :at)").param("c", MARKER)
                        .param("at", Timestamp.from(Instant.now(clock))).update();
            } catch (DuplicateKeyException raced) {
                return false;
            }
            generate();
            return true;
        });
        if (Boolean.TRUE.equals(loaded)) {
            long generated = (System.nanoTime() - started) / 1_000_000;
            LocalDate today = volunteers.today();
            for (LocalDate asOf : List.of(LAUNCH.plusMonths(3), LAUNCH.plusMonths(6), LAUNCH.plusMonths(12))) {
                if (asOf.isBefore(today)) {
                    feed.publish(asOf, false);
                }
            }
            feed.publish(today, true);
            log.info("First start: volunteers demo (百队千长万人行) loaded in {} ms ({} ms generating, the rest publishing)",
                    (System.nanoTime() - started) / 1_000_000, generated);
        }
    }

    private void generate() {
        Random random = new Random(SEED);
        LocalDate today = volunteers.today();
        Instant now = Instant.now(clock);
        long span = Math.max(30, Duration.between(LAUNCH.atStartOfDay(), today.atStartOfDay()).toDays());
        List<Object[]> rows = new ArrayList<>();
        java.util.Set<String> numbers = new java.util.HashSet<>();
        Map<String, List<Long>> byTown = new LinkedHashMap<>();
        for (var town : TOWNS.entrySet()) {
            if (volunteers.townUnit(town.getKey()).isEmpty()) {
                continue;
            }
            for (int i = 0; i < town.getValue()[1]; i++) {
                String number;
                do {
                    LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(random.nextInt(365 * 50));
                    String first17 = "440783" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
                    number = first17 + IdNumbers.checkDigit(first17);
                } while (!numbers.add(number));
                String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                        + (random.nextInt(3) == 0 ? "" : GIVEN[random.nextInt(GIVEN.length)]);
                // registrations pile up soon after the launch: a product of two uniforms front-loads the early months
                LocalDate on = LAUNCH.plusDays((long) (random.nextDouble() * random.nextDouble() * span));
                String phone = "13" + String.format("%09d", random.nextInt(1_000_000_000));
                rows.add(new Object[] {name, vault.encrypt(number), vault.hash(number), IdNumbers.mask(number), phone,
                        town.getKey(), Timestamp.from(on.atTime(LocalTime.of(9, 0)).atZone(Volunteers.CITY).toInstant()), on});
            }
            byTown.put(town.getKey(), new ArrayList<>());
        }
        template.batchUpdate("""
                insert into volunteers_volunteer (name, id_cipher, id_hash, id_masked, phone, town_code, demo, registered_at,
                    registered_on) values (?, ?, ?, ?, ?, ?, true, ?, ?)""", rows);
        jdbc.sql("select id, town_code from volunteers_volunteer where demo = true order by id")
                .query((rs, n) -> byTown.get(rs.getString(2)).add(rs.getLong(1))).list();
        List<Object[]> memberships = new ArrayList<>();
        List<Object[]> roles = new ArrayList<>();
        int teamNo = 0;
        Long todayTeam = null;
        List<long[]> teamsWithMembers = new ArrayList<>();
        Map<Long, List<Long>> members = new LinkedHashMap<>();
        for (var town : TOWNS.entrySet()) {
            List<Long> people = byTown.get(town.getKey());
            if (people == null) {
                continue;
            }
            String townName = volunteers.towns().get(town.getKey());
            for (int t = 0; t < town.getValue()[0]; t++) {
                String[] kind = TEAM_KINDS[(teamNo + t) % TEAM_KINDS.length];
                LocalDate created = LAUNCH.plusDays(random.nextInt((int) Math.min(span, 200)));
                long teamId = Volunteers.key(jdbc.sql("""
                        insert into volunteers_team (name, type, supervising_org, town_code, community, status, approved_by,
                            approved_at, demo, created_at, created_on)
                        values (:n, :type, :org, :town, null, :status, 'demo', :at, true, :at, :on)""")
                        .param("n", townName + kind[1] + "（第" + (t + 1) + "队）").param("type", kind[0])
                        .param("org", kind[2]).param("town", town.getKey())
                        .param("status", t == town.getValue()[0] - 1 && !"changsha".equals(town.getKey()) ? "APPLIED" : "APPROVED")
                        .param("at", Timestamp.from(created.atStartOfDay(Volunteers.CITY).toInstant())).param("on", created));
                List<Long> team = new ArrayList<>();
                int size = 20 + random.nextInt(40);
                for (int k = 0; k < size; k++) {
                    Long v = people.get(random.nextInt(people.size()));
                    if (!team.contains(v)) {
                        team.add(v);
                        memberships.add(new Object[] {teamId, v, created});
                    }
                }
                int leaders = 2 + random.nextInt(4);
                for (int k = 0; k < leaders && k < team.size(); k++) {
                    roles.add(new Object[] {teamId, team.get(k), k == 0 ? "CAPTAIN" : "VICE_CAPTAIN", created});
                }
                members.put(teamId, team);
                teamsWithMembers.add(new long[] {teamId});
                if (todayTeam == null && "changsha".equals(town.getKey())) {
                    todayTeam = teamId;
                }
            }
            teamNo += town.getValue()[0];
        }
        template.batchUpdate("insert into volunteers_membership (team_id, volunteer_id, joined_on) values (?, ?, ?)", memberships);
        template.batchUpdate("insert into volunteers_team_role (team_id, volunteer_id, role, term_from) values (?, ?, ?, ?)", roles);
        // activities: three in the last seven weeks per team, and one today for the pilot's first team
        List<Object[]> checkIns = new ArrayList<>();
        List<Object[]> hours = new ArrayList<>();
        for (long[] t : teamsWithMembers) {
            long teamId = t[0];
            for (int a = 0; a < 3; a++) {
                LocalDate day = today.minusDays(3 + random.nextInt(48));
                Instant start = day.atTime(8 + random.nextInt(3), 30).atZone(Volunteers.CITY).toInstant();
                Instant end = start.plus(Duration.ofHours(3 + random.nextInt(4)));
                String[] c = CENTRES[random.nextInt(CENTRES.length)].split(",");
                long activityId = Volunteers.key(jdbc.sql("""
                        insert into volunteers_activity (team_id, title, category, place, latitude, longitude, radius_m,
                            starts_at, ends_at, quota, demo, created_by, created_at)
                        values (:t, :title, :cat, :place, :lat, :lng, 300, :s, :e, :q, true, 'demo', :at)""")
                        .param("t", teamId).param("title", CATEGORIES[(int) ((teamId + a) % CATEGORIES.length)] + "志愿服务活动")
                        .param("cat", CATEGORIES[(int) ((teamId + a) % CATEGORIES.length)]).param("place", "社区党群服务中心")
                        .param("lat", new java.math.BigDecimal(c[0])).param("lng", new java.math.BigDecimal(c[1]))
                        .param("s", Timestamp.from(start)).param("e", Timestamp.from(end)).param("q", 30)
                        .param("at", Timestamp.from(now)));
                List<Long> team = members.get(teamId);
                int came = Math.min(team.size(), 8 + random.nextInt(18));
                for (int k = 0; k < came; k++) {
                    long v = team.get(k);
                    Instant in = start.plus(Duration.ofMinutes(random.nextInt(20)));
                    Instant out = end.minus(Duration.ofMinutes(random.nextInt(30)));
                    checkIns.add(new Object[] {activityId, v, day, "QR", "demo:" + activityId + ":" + v,
                            Timestamp.from(in), Timestamp.from(out)});
                    hours.add(new Object[] {v, activityId, day, (int) Duration.between(in, out).toMinutes(),
                            Timestamp.from(out)});
                }
            }
        }
        if (todayTeam != null) {
            // it runs from two hours before the first start to ten hours after, so that it can be tried at once
            Instant start = now.minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            String[] c = CENTRES[0].split(",");
            jdbc.sql("""
                    insert into volunteers_activity (team_id, title, category, place, latitude, longitude, radius_m, starts_at,
                        ends_at, quota, demo, created_by, created_at)
                    values (:t, '百队千长万人行·长沙街道文明劝导', '文明劝导', '长沙街道党群服务中心', :lat, :lng, 500, :s, :e, 60,
                        true, 'demo', :at)""").param("t", todayTeam).param("lat", new java.math.BigDecimal(c[0]))
                    .param("lng", new java.math.BigDecimal(c[1])).param("s", Timestamp.from(start))
                    .param("e", Timestamp.from(start.plus(Duration.ofHours(12)))).param("at", Timestamp.from(now)).update();
        }
        template.batchUpdate("""
                insert into volunteers_check_in (activity_id, volunteer_id, service_date, daily_index, method, idempotency_key,
                    checked_in_at, checked_out_at, recorded_by, demo) values (?, ?, ?, 1, ?, ?, ?, ?, 'demo', true)""", checkIns);
        template.batchUpdate("""
                insert into volunteers_hours (volunteer_id, activity_id, service_date, minutes, source, tier, status,
                    recorded_by, recorded_at, demo) values (?, ?, ?, ?, 'CHECK_IN', 'AUTO', 'EFFECTIVE', 'demo', ?, true)""", hours);
        // the places the demo's check-ins took, counted against the activities' quotas
        jdbc.sql("""
                insert into volunteers_activity_place (activity_id, volunteer_id, placed_at)
                select activity_id, volunteer_id, min(checked_in_at) from volunteers_check_in where demo = true
                group by activity_id, volunteer_id""").update();
        jdbc.sql("select id, quota from volunteers_activity where demo = true")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)}).list()
                .forEach(a -> quotas.resize(a[0], (int) a[1]));
    }
}
