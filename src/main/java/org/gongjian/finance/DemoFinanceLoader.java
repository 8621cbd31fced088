package org.gongjian.finance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongjian.audit.AuditLog;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.Uscc;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo pairing ledger, loaded once on the first start of an empty database after the programme demo: eight
 * banks, sixteen consortia paired with the sixteen town-level units from 2024-06-06, six financing subjects per
 * town with visits and needs carried to credit and loans in 2024, a few needs pushed in the last days (so the SLA
 * clocks show), one 金融来趁圩 per town and the fourth quarter's published monthly reports. Everything is generated
 * from a fixed seed and flagged {@code demo} (「演示」 on the pages); the names of consortia and subjects are made up,
 * the article names none. The needs are declared from June to November 2024 and decided and paid out up to the first
 * days of 2025. Then the figures are published as of each month's end since the pairing, known that month, and as of
 * today, so that item 4's targets (the pairings and the towns' credit) follow the ledger, their 2024 history included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class DemoFinanceLoader implements ApplicationRunner {

    static final String MARKER = "finance/demo-2024";
    static final LocalDate PAIRED = LocalDate.of(2024, 6, 6);
    /** When a month's figures are taken as known: the evening of its last day, in the city's time. */
    static final LocalTime REPORTED_AT = LocalTime.of(20, 0);
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(DemoFinanceLoader.class);
    private static final String[] BANKS = {"中国农业银行开平支行", "中国工商银行开平支行", "中国银行开平支行", "中国建设银行开平支行",
            "广东开平农村商业银行", "中国邮政储蓄银行开平市支行", "广发银行开平支行", "江门农商银行开平支行"};
    private static final String[] SUFFIX = {"镇属资产经营有限公司", "强村富民发展有限公司", "农民专业合作社", "家庭农场",
            "食品有限公司", "五金卫浴有限公司"};
    private static final Subjects.SubjectType[] TYPES = {Subjects.SubjectType.TOWN_OWNED_ENTERPRISE,
            Subjects.SubjectType.VILLAGE_DEV_COMPANY, Subjects.SubjectType.COOPERATIVE, Subjects.SubjectType.FAMILY_FARM,
            Subjects.SubjectType.SME, Subjects.SubjectType.SME};
    private static final String[] INDUSTRY = {"L7212", "A0511", "A0190", "A0311", "C1392", "C3352"};
    private static final String[] PURPOSES = {"流动资金周转", "厂房改造", "设备购置", "农业基地建设", "乡村旅游项目", "冷链仓储"};

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final Organisation organisation;
    private final FinanceIndicators indicators;
    private final ConsortiumReports reports;
    private final WorkCalendar calendar;
    private final FinancePolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DemoFinanceLoader(JdbcClient jdbc, Enterprises enterprises, Organisation organisation, FinanceIndicators indicators,
            ConsortiumReports reports, WorkCalendar calendar, FinancePolicy policy, AuditLog audit, TransactionTemplate tx, Clock clock,
            @Value("${gongjian.demo.enabled:true}") boolean demo,
            @Value("${gongjian.demo.finance.enabled:true}") boolean finance) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.organisation = organisation;
        this.indicators = indicators;
        this.reports = reports;
        this.calendar = calendar;
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.enabled = demo && finance;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        Map<String, Integer> counts = tx.execute(status -> {
            boolean done = jdbc.sql("select count(*) from finance_seed where code = :c").param("c", MARKER)
                    .query(Long.class).single() > 0;
            boolean empty = jdbc.sql("select count(*) from finance_consortium").query(Long.class).single() == 0;
            if (done || !empty) {
                return null;
            }
            try {
                jdbc.sql("insert into finance_seed (code, loaded_at) values (:c, :at)").param("c", MARKER)
                        .param("at", Timestamp.from(Instant.now(clock))).update();
            } catch (DuplicateKeyException raced) {
                return null;
            }
            Map<String, Integer> loaded = load();
            audit.created("finance-demo", MARKER, loaded);
            loaded.put("history-figures", history(LocalDate.now(clock)));
            indicators.publish(LocalDate.now(clock));
            return loaded;
        });
        if (counts != null) {
            log.info("First start: demo pairing ledger loaded in {} ms: {}", (System.nanoTime() - started) / 1_000_000, counts);
        }
    }

    /**
     * Replays the ledger's past: the figures as of each month's end from the pairing to the month of the demo's last
     * decision or disbursement (not this month), each known on the evening of that month's last day (as a ledger
     * running then would have published it), so that item 4's targets have the ledger's 2024 history and the towns'
     * 2024 league ranks on it. What came later (the needs pushed in the last days) is published as of today.
     */
    private int history(LocalDate today) {
        LocalDate last = jdbc.sql("""
                select max(d) from (select max(decided_on) as d from finance_decision
                                    union all select max(disbursed_on) as d from finance_disbursement) facts""")
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class))).single().orElse(PAIRED);
        int published = 0;
        for (YearMonth month = YearMonth.from(PAIRED); !month.isAfter(YearMonth.from(last))
                && month.atEndOfMonth().isBefore(today); month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            published += indicators.publish(end, end.atTime(REPORTED_AT).atZone(CITY).toInstant());
        }
        return published;
    }

    private static String uscc(Random random, String prefix) {
        StringBuilder s = new StringBuilder(prefix);
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        while (s.length() < 17) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString() + Uscc.checkCharacter(s.toString());
    }

    private long id(String sql, Map<String, ?> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private Map<String, Integer> load() {
        Random random = new Random(20241205L);
        Map<String, Integer> counts = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        List<Unit> towns = new ArrayList<>(organisation.townLevelUnits());
        towns.sort(Comparator.comparing(Unit::code));
        String seat = towns.stream().map(Unit::code).filter("sanbu"::equals).findFirst().orElse(towns.get(0).code());
        List<Long> banks = new ArrayList<>();
        for (int i = 0; i < BANKS.length; i++) {
            Enterprise e = enterprises.findOrRegister(new EnterpriseData(uscc(random, "914407837"), BANKS[i], seat, null,
                    Pairings.BANK_INDUSTRY, List.of(), true, null, null), true);
            String kind = i == 4 || i == 7 ? "RURAL_COMMERCIAL_BANK" : "BANK";
            jdbc.sql("insert into finance_institution (enterprise_id, kind, demo) values (:e, :k, true)")
                    .param("e", e.id()).param("k", kind).update();
            banks.add(id("select id from finance_institution where enterprise_id = :e", Map.of("e", e.id())));
        }
        counts.put("institutions", banks.size());
        int subjects = 0;
        int needs = 0;
        int loans = 0;
        int recent = 0;
        for (int t = 0; t < towns.size(); t++) {
            Unit town = towns.get(t);
            long lead = banks.get(t % banks.size());
            String name = "（演示）" + town.shortName() + "金融服务银团";
            jdbc.sql("""
                    insert into finance_consortium (name, lead_institution_id, town_code, agreement_date, valid_from,
                        valid_to, demo) values (:n, :l, :t, :a, :a, :to, true)""")
                    .param("n", name).param("l", lead).param("t", town.code()).param("a", PAIRED)
                    .param("to", PAIRED.plusYears(3).minusDays(1)).update();
            long consortium = id("select id from finance_consortium where name = :n", Map.of("n", name));
            jdbc.sql("insert into finance_member (consortium_id, institution_id, member_role) values (:c, :i, 'LEAD')")
                    .param("c", consortium).param("i", lead).update();
            for (int k = 1; k <= 2; k++) {
                jdbc.sql("insert into finance_member (consortium_id, institution_id, member_role) values (:c, :i, 'MEMBER')")
                        .param("c", consortium).param("i", banks.get((t + 3 * k) % banks.size())).update();
            }
            jdbc.sql("insert into finance_liaison (consortium_id, name, phone, side) values (:c, :n, :p, 'BANK'), (:c, :m, :q, 'TOWN')")
                    .param("c", consortium).param("n", "银行联络员" + (t + 1)).param("p", "0750-22" + (10000 + t))
                    .param("m", town.shortName() + "联络员").param("q", "0750-23" + (10000 + t)).update();
            for (int s = 0; s < SUFFIX.length; s++) {
                Enterprise e = enterprises.findOrRegister(new EnterpriseData(uscc(random, "924407836"),
                        "（演示）" + town.shortName() + SUFFIX[s], town.code(), null, INDUSTRY[s], List.of(), false, null, null), true);
                jdbc.sql("insert into finance_subject (enterprise_id, subject_type, town_code, demo) values (:e, :t, :town, true)")
                        .param("e", e.id()).param("t", TYPES[s].name()).param("town", town.code()).update();
                long subject = id("select id from finance_subject where enterprise_id = :e", Map.of("e", e.id()));
                subjects++;
                LocalDate visited = PAIRED.plusDays(5 + random.nextInt(170));
                jdbc.sql("""
                        insert into finance_visit (subject_id, visited_on, visitor, has_need, notes, demo, created_by)
                        values (:s, :d, :v, true, :n, true, 'demo')""").param("s", subject).param("d", visited)
                        .param("v", town.shortName() + "走访组").param("n", "千企万户大走访：了解经营与融资需求").update();
                boolean isRecent = s == 5 && t % 4 == 0;
                needs++;
                if (isRecent) {
                    recent++;
                    need(random, subject, town.code(), consortium, lead, today.minusDays(7 + random.nextInt(10)), today, true);
                } else {
                    loans += need(random, subject, town.code(), consortium, lead, visited, today, false);
                }
            }
            jdbc.sql("""
                    insert into finance_event (kind, title, held_on, town_code, attendees, needs_collected, signings,
                        signed_amount, demo, created_by) values ('MARKET_DAY', :t, :d, :town, :a, :n, :s, :amt, true, 'demo')""")
                    .param("t", "（演示）服务百千万、金融来趁圩·" + town.shortName()).param("d", PAIRED.plusDays(30 + random.nextInt(120)))
                    .param("town", town.code()).param("a", 80 + random.nextInt(300)).param("n", 3 + random.nextInt(12))
                    .param("s", 1 + random.nextInt(5)).param("amt", BigDecimal.valueOf(1_000_000L * (5 + random.nextInt(60))))
                    .update();
            long event = id("select max(id) from finance_event where town_code = :t", Map.of("t", town.code()));
            jdbc.sql("insert into finance_event_consortium (event_id, consortium_id) values (:e, :c)").param("e", event)
                    .param("c", consortium).update();
            for (int m = 10; m <= 12; m++) {
                YearMonth month = YearMonth.of(2024, m);
                if (!month.atEndOfMonth().isBefore(today)) {
                    continue;
                }
                jdbc.sql("""
                        insert into finance_report (consortium_id, report_month, status, submitted_by, submitted_on,
                            reviewed_by, reviewed_on, published_on, demo)
                        values (:c, :m, 'PUBLISHED', 'demo', :s, 'demo', :r, :r, true)""")
                        .param("c", consortium).param("m", month.toString()).param("s", month.plusMonths(1).atDay(5))
                        .param("r", month.plusMonths(1).atDay(10)).update();
                reports.countFigures(id("select id from finance_report where consortium_id = :c and report_month = :m",
                        Map.of("c", consortium, "m", month.toString())), consortium, month);
            }
        }
        counts.put("consortia", towns.size());
        counts.put("subjects", subjects);
        counts.put("needs", needs);
        counts.put("loans", loans);
        counts.put("awaiting-bank", recent);
        return counts;
    }

    /** One need of a subject, carried as far as the draw takes it; returns 1 when a loan was disbursed. */
    private int need(Random random, long subject, String town, long consortium, long lead, LocalDate declared,
            LocalDate today, boolean awaiting) {
        BigDecimal amount = BigDecimal.valueOf(1_000_000L * (2 + random.nextInt(59)));
        double draw = random.nextDouble();
        LocalDate pushed = calendar.plusWorkingDays(declared, 2 + random.nextInt(4));
        if (pushed.isAfter(today)) {
            pushed = today;
        }
        LocalDate contacted = calendar.plusWorkingDays(pushed, 1 + random.nextInt(4));
        if (contacted.isAfter(today)) {
            contacted = today;
        }
        LocalDate decided = calendar.plusWorkingDays(pushed, 5 + random.nextInt(15));
        String status = awaiting ? (draw < 0.5 ? "PUSHED" : "CONTACTED")
                : draw < 0.12 ? "NOT_ELIGIBLE" : draw < 0.2 ? "WITHDRAWN" : draw < 0.28 ? "DECLINED" : "APPROVED";
        boolean atBank = !"NOT_ELIGIBLE".equals(status);
        boolean eligible = atBank;
        jdbc.sql("""
                insert into finance_need (subject_id, town_code, source, amount, purpose, term_months, collateral,
                    crit_operating, crit_premises, crit_real_need, crit_credit, crit_lawful_use, status, consortium_id,
                    declared_on, recommended_on, pushed_on, contacted_on, decided_on, withdrawn_on, withdraw_reason,
                    contact_due, decision_due, demo, created_by)
                values (:s, :t, 'VISIT', :a, :p, :term, :col, true, true, true, :ok, true, :st, :c, :d, :rec, :push, :con,
                    :dec, :wd, :why, :cd, :dd, true, 'demo')""")
                .param("s", subject).param("t", town).param("a", amount).param("p", PURPOSES[random.nextInt(PURPOSES.length)])
                .param("term", 12 * (1 + random.nextInt(3))).param("col", random.nextBoolean() ? "CREDIT" : "MORTGAGE")
                .param("ok", eligible).param("st", status).param("c", atBank ? consortium : null).param("d", declared)
                .param("rec", eligible ? declared.plusDays(1) : null).param("push", atBank ? pushed : null)
                .param("con", atBank && !"PUSHED".equals(status) && !"WITHDRAWN".equals(status) ? contacted : null)
                .param("dec", "APPROVED".equals(status) || "DECLINED".equals(status) ? decided : null)
                .param("wd", "WITHDRAWN".equals(status) ? contacted : null)
                .param("why", "WITHDRAWN".equals(status) ? "企业已通过其他渠道解决资金需求" : null)
                .param("cd", atBank ? calendar.plusWorkingDays(pushed, policy.value(FinancePolicy.CONTACT_DAYS, pushed)) : null)
                .param("dd", atBank ? calendar.plusWorkingDays(pushed, policy.value(FinancePolicy.DECISION_DAYS, pushed)) : null).update();
        if (!"APPROVED".equals(status) && !"DECLINED".equals(status)) {
            return 0;
        }
        long need = id("select max(id) from finance_need where subject_id = :s", Map.of("s", subject));
        boolean approved = "APPROVED".equals(status);
        BigDecimal granted = approved ? amount.multiply(BigDecimal.valueOf(60 + random.nextInt(41)))
                .divide(BigDecimal.valueOf(100)).setScale(2) : BigDecimal.ZERO;
        BigDecimal disbursed = approved ? granted.multiply(BigDecimal.valueOf(random.nextInt(3) == 0 ? 50 : 100))
                .divide(BigDecimal.valueOf(100)).setScale(2) : BigDecimal.ZERO;
        jdbc.sql("""
                insert into finance_decision (need_id, institution_id, outcome, product, approved_amount, rate_pct,
                    term_months, credit_loan, decline_reason, decided_on, disbursed, demo, decided_by)
                values (:n, :i, :o, :p, :a, :r, :term, :cl, :why, :d, :b, true, 'demo')""")
                .param("n", need).param("i", lead).param("o", status).param("p", approved ? "乡村振兴贷" : null)
                .param("a", granted).param("r", approved ? new BigDecimal("3.450") : null)
                .param("term", approved ? 36 : null).param("cl", approved && random.nextBoolean())
                .param("why", approved ? null : "经营现金流不足以覆盖还款").param("d", decided).param("b", disbursed).update();
        if (disbursed.signum() == 0) {
            return 0;
        }
        long decision = id("select id from finance_decision where need_id = :n", Map.of("n", need));
        jdbc.sql("""
                insert into finance_disbursement (decision_id, amount, disbursed_on, rate_pct, demo, recorded_by)
                values (:d, :a, :on, :r, true, 'demo')""").param("d", decision).param("a", disbursed)
                .param("on", calendar.plusWorkingDays(decided, 3 + random.nextInt(8))).param("r", new BigDecimal("3.450"))
                .update();
        jdbc.sql("update finance_need set status = 'DISBURSED' where id = :id").param("id", need).update();
        return 1;
    }
}
