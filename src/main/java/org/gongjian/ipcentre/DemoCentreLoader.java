package org.gongjian.ipcentre;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.Uscc;
import org.gongjian.organisation.Organisation;
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
 * The centre's demo, on the first start after the demo programme only: agencies, registered firms of
 * the sanitary-ware cluster, design cases from the centre's opening (September 2024) to a few weeks ago,
 * getting faster as the centre settles in, a handful still open, and protection cases. Generated from a
 * fixed seed through the ledger's own services (so every rule applies), every record marked as demo;
 * then the figures are published month by month so that item 10's target follows the ledger.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoCentreLoader implements ApplicationRunner {

    static final String MARKER = "kaiping-2024/ipcentre";
    private static final long SEED = 20241205L;
    private static final LocalDate OPENED = LocalDate.of(2024, 9, 20);
    private static final Logger log = LoggerFactory.getLogger(DemoCentreLoader.class);
    private static final String[] NAMES = {"华艺", "中宇", "汇通", "水口", "威尔", "澳斯", "铂浪", "雅洁", "金雅", "恒洁", "富华",
        "安蒂", "瑞尔", "鹰牌", "冠宇", "帝朗", "欧标", "龙头", "润达", "嘉信"};
    private static final String[] TOWNS = {"shuikou", "shuikou", "shuikou", "shuikou", "shuikou", "shuikou", "sanbu",
        "changsha", "yueshan", "cuishanhu"};
    private static final String[] PRODUCTS = {"水龙头", "淋浴花洒", "恒温混水阀", "厨房龙头", "角阀", "地漏", "浴室柜", "智能马桶盖",
        "面盆龙头", "淋浴屏"};

    private final Firms firms;
    private final DesignCases designs;
    private final ProtectionCases protection;
    private final IndicatorFeed feed;
    private final Organisation organisation;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DemoCentreLoader(Firms firms, DesignCases designs, ProtectionCases protection, IndicatorFeed feed,
            Organisation organisation, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
            @Value("${gongjian.demo.enabled:true}") boolean enabled) {
        this.firms = firms;
        this.designs = designs;
        this.protection = protection;
        this.feed = feed;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || organisation.findByCode("shuikou").isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        tx.execute(status -> {
            if (jdbc.sql("select count(*) from ipcentre_seed where code = :c").param("c", MARKER).query(Long.class).single() > 0
                    || jdbc.sql("select count(*) from ipcentre_firm").query(Long.class).single() > 0) {
                return false;
            }
            try {
                jdbc.sql("insert into ipcentre_seed (code, loaded_at) values (:c, :at)").param("c", MARKER)
                        .param("at", Timestamp.from(Instant.now(clock))).update();
            } catch (DuplicateKeyException raced) {
                return false;
            }
            LocalDate today = LocalDate.now(clock);
            load(today);
            long generated = (System.nanoTime() - started) / 1_000_000;
            // the figures month by month since the opening, in the same transaction: the targets get a series
            int n = 0;
            for (YearMonth m = YearMonth.from(OPENED); m.atEndOfMonth().isBefore(today); m = m.plusMonths(1)) {
                n += feed.publish(m.atEndOfMonth());
            }
            n += feed.publish(today);
            log.info("First start: IP centre demo loaded in {} ms ({} ms generating, the rest publishing {} figures)",
                    (System.nanoTime() - started) / 1_000_000, generated, n);
            return true;
        });
    }

    private void load(LocalDate today) {
        Random random = new Random(SEED);
        List<Agency> agencies = new ArrayList<>();
        agencies.add(firms.createAgency("44227", "江门创颖专利代理事务所", true, true));
        agencies.add(firms.createAgency("44308", "广州华进联合专利商标代理有限公司江门分公司", true, true));
        agencies.add(firms.createAgency("44102", "佛山市禾才知识产权代理有限公司", true, true));
        agencies.add(firms.createAgency("44505", "开平市新知专利代理事务所", true, true));
        agencies.add(firms.createAgency("44999", "某未入名单代理机构（演示）", false, true));
        List<Firm> registered = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            String town = TOWNS[random.nextInt(TOWNS.length)];
            String body = "91440783" + randomCode(random, 9);
            String uscc = body + Uscc.checkCharacter(body);
            LocalDate founded = LocalDate.of(2003 + random.nextInt(19), 1 + random.nextInt(12), 1 + random.nextInt(28));
            boolean weak = i >= NAMES.length - 2;
            FirmFacts facts = new FirmFacts(founded, weak ? 3 : 20 + random.nextInt(300), random.nextInt(3),
                    weak ? 1 : 2 + random.nextInt(10), weak ? 1 : 5 + random.nextInt(40), List.of());
            EnterpriseData enterprise = new EnterpriseData(uscc, "开平市" + NAMES[i] + "卫浴实业有限公司", town,
                    town.equals("shuikou") ? "水口水暖卫浴产业园" : null, i % 3 == 0 ? "C3072" : "C3352",
                    List.of("sanitary-ware"), random.nextInt(3) == 0, i == 1 ? "SZSE" : null,
                    i == 1 ? LocalDate.of(2017, 6, 28) : null);
            LocalDate applied = OPENED.minusDays(10).plusDays(random.nextInt(60));
            Agency agency = agencies.get(random.nextInt(4));
            Firm firm = firms.apply(enterprise, facts, agency.id(), applied, true);
            if (!weak) {
                registered.add(firms.changeStatus(firm.id(), FirmStatus.REGISTERED, applied.plusDays(3 + random.nextInt(5)),
                        null, null));
            }
        }
        // design cases: from the opening to a few weeks ago, faster as the centre settles in
        LocalDate day = OPENED.plusDays(7);
        int number = 0;
        while (day.isBefore(today.minusDays(25)) && number < 80) {
            Firm firm = registered.get(random.nextInt(registered.size()));
            if (firm.registeredOn() != null && day.isAfter(firm.registeredOn())) {
                designCase(random, firm, agencies, day, today, number++);
            }
            day = day.plusDays(day.getYear() == 2024 ? 3 + random.nextInt(4) : 8 + random.nextInt(13));
        }
        // a handful still open, on the running clocks
        for (int k = 0; k < 6; k++) {
            Firm firm = registered.get(random.nextInt(registered.size()));
            LocalDate start = today.minusDays(2 + random.nextInt(18));
            DesignCase c = designs.create(new DesignCases.Draft(firm.id(), firm.agencyId(), PRODUCTS[random.nextInt(PRODUCTS.length)]
                    + "（" + (2025 + k % 2) + "款）", "23-0" + (1 + random.nextInt(4))), start, true);
            step(c, DesignStatus.SUBMITTED, start);
            if (k % 3 != 0) {
                step(c, DesignStatus.ACCEPTED, start.plusDays(1));
                step(c, DesignStatus.IN_EXAM, start.plusDays(1));
            }
        }
        // protection cases
        ProtectionType[] types = ProtectionType.values();
        Platform[] platforms = {Platform.TAOBAO, Platform.JD, Platform.PDD, Platform.ALIBABA_1688, Platform.DOUYIN};
        LocalDate received = OPENED.plusDays(10);
        while (received.isBefore(today.minusDays(40))) {
            protectionCase(random, registered, types[random.nextInt(types.length)], platforms, received);
            received = received.plusDays(12 + random.nextInt(19));
        }
    }

    private void designCase(Random random, Firm firm, List<Agency> agencies, LocalDate start, LocalDate today, int n) {
        long monthsIn = java.time.temporal.ChronoUnit.MONTHS.between(OPENED, start);
        double speed = Math.max(0.35, 1.0 - monthsIn * 0.06);
        DesignCase c = designs.create(new DesignCases.Draft(firm.id(), firm.agencyId(),
                PRODUCTS[random.nextInt(PRODUCTS.length)] + "（" + (char) ('A' + n % 26) + (n / 26 + 1) + "型）",
                "23-0" + (1 + random.nextInt(4))), start, true);
        step(c, DesignStatus.SUBMITTED, start);
        LocalDate d = start.plusDays(random.nextInt(2));
        step(c, DesignStatus.ACCEPTED, d);
        step(c, DesignStatus.IN_EXAM, d);
        if (random.nextInt(100) < 18) {
            d = d.plusDays(1 + random.nextInt(2));
            step(c, DesignStatus.NEEDS_CORRECTION, d);
            d = d.plusDays(1 + random.nextInt(3));
            step(c, DesignStatus.IN_EXAM, d);
        }
        d = d.plusDays(Math.round((2 + random.nextInt(5)) * speed));
        if (random.nextInt(100) < 8) {
            step(c, DesignStatus.FAILED, d);
            return;
        }
        step(c, DesignStatus.PASSED, d);
        d = d.plusDays(random.nextInt(3));
        String appNo = (d.getYear()) + "3" + String.format("%07d", 500000 + n * 37 % 99999) + "." + random.nextInt(10);
        designs.move(c.id(), new DesignCases.Step(DesignStatus.FILED_AT_CNIPA, d, null, appNo, null), null);
        d = d.plusDays(Math.round((6 + random.nextInt(16)) * speed) + 1);
        if (!d.isBefore(today)) {
            return;
        }
        if (random.nextInt(100) < 3) {
            step(c, DesignStatus.CNIPA_REJECTED, d);
            return;
        }
        designs.move(c.id(), new DesignCases.Step(DesignStatus.GRANTED, d, null, null, "ZL" + appNo), null);
    }

    private void protectionCase(Random random, List<Firm> firms, ProtectionType type, Platform[] platforms, LocalDate on) {
        Firm firm = firms.get(random.nextInt(firms.size()));
        boolean online = type == ProtectionType.ECOMMERCE_COMPLAINT;
        ProtectionCase c = protection.create(new ProtectionCases.Intake(type, firm.id(), null,
                online ? "某网店（店铺编号" + (10000 + random.nextInt(89999)) + "）" : "某卫浴经营部（演示）",
                online ? platforms[random.nextInt(platforms.length)] : null, null, "演示数据"), on, true);
        LocalDate d = on.plusDays(1 + random.nextInt(2));
        if (random.nextInt(100) < 8) {
            move(c, ProtectionStatus.REJECTED, d, null, null, null);
            return;
        }
        move(c, ProtectionStatus.ACCEPTED, d, null, null, null);
        if (type == ProtectionType.ECOMMERCE_COMPLAINT || type == ProtectionType.TRADE_FAIR_COMPLAINT) {
            d = d.plusDays(1 + random.nextInt(3));
            move(c, ProtectionStatus.PLATFORM_NOTICE, d, null, null, null);
            d = d.plusDays(1 + random.nextInt(4));
            move(c, ProtectionStatus.MEASURE_TAKEN, d, 1 + random.nextInt(12), null, null);
            if (online && random.nextInt(100) < 30) {
                d = d.plusDays(2 + random.nextInt(5));
                move(c, ProtectionStatus.COUNTER_NOTICE, d, null, null, null);
                LocalDate deadline = protection.counterDeadline(d);
                if (random.nextBoolean()) {
                    move(c, ProtectionStatus.COMPLAINT_FILED, deadline.minusDays(2), null, null, null);
                    move(c, ProtectionStatus.TRANSFERRED, deadline.minusDays(1), null, null, null);
                    move(c, ProtectionStatus.CLOSED, deadline, null, null, Outcome.TO_COURT);
                } else {
                    move(c, ProtectionStatus.MEASURE_LIFTED, deadline.plusDays(1), null, null, null);
                    move(c, ProtectionStatus.CLOSED, deadline.plusDays(1), null, null, Outcome.MEASURE_LIFTED);
                }
                return;
            }
            d = d.plusDays(random.nextInt(5));
            move(c, ProtectionStatus.RESOLVED, d, null, null, null);
            move(c, ProtectionStatus.CLOSED, d, null, null, Outcome.TAKEN_DOWN);
            return;
        }
        d = d.plusDays(1 + random.nextInt(3));
        move(c, ProtectionStatus.MEDIATION, d, null, null, null);
        d = d.plusDays(2 + random.nextInt(12));
        boolean settled = random.nextInt(100) < 75;
        move(c, settled ? ProtectionStatus.RESOLVED : ProtectionStatus.TRANSFERRED, d, null, null, null);
        move(c, ProtectionStatus.CLOSED, d, null,
                settled ? BigDecimal.valueOf(5000L + random.nextInt(20) * 5000L) : null,
                settled ? Outcome.MEDIATED : Outcome.TO_ENFORCEMENT);
    }

    private void step(DesignCase c, DesignStatus to, LocalDate on) {
        designs.move(c.id(), new DesignCases.Step(to, on, null, null, null), null);
    }

    private void move(ProtectionCase c, ProtectionStatus to, LocalDate on, Integer links, BigDecimal compensation,
            Outcome outcome) {
        protection.move(c.id(), new ProtectionCases.Step(to, on, null, links, compensation, outcome), null);
    }

    private static String randomCode(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append("0123456789ABCDEFGHJKLMNPQRTUWXY".charAt(random.nextInt(i < 8 ? 10 : 31)));
        }
        return s.toString();
    }
}
