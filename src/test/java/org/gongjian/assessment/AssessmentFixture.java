package org.gongjian.assessment;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongjian.assessment.internal.RunService;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.Direction;
import org.gongjian.programme.InitiativeData;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.MilestoneData;
import org.gongjian.programme.NewMeasurement;
import org.gongjian.programme.ProgrammeData;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeRecords;
import org.gongjian.programme.TargetData;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.gongjian.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * What the assessment tests share: the users (the office, two town clerks, a leader), the settable
 * clock, and a programme running in 2025 for what only a period still under way shows.
 */
abstract class AssessmentFixture {

    static final String KAIPING = "kaiping-2024";
    static final String RUNNING = "running-2025";

    @Autowired MockMvc mvc;
    @Autowired Rankings rankings;
    @Autowired RunService runs;
    @Autowired Appeals appeals;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;
    @Autowired ProgrammeRecords records;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    static RequestPostProcessor office() {
        return as("admin");
    }

    /** Signed in as this account, on pages (session) and API alike: its stored roles and unit. */
    static RequestPostProcessor as(String username) {
        return request -> user(WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
                .getBean(UserDetailsService.class).loadUserByUsername(username)).postProcessRequest(request);
    }

    @BeforeEach
    void fixture() {
        clock.set(AssessmentTest.TODAY);
        // the towns' 2024 credit figures reach their targets from the pairing ledger's demo after start-up,
        // asynchronously: wait until every month-end figure the ledger published for a town is its target's figure
        await().alias("the pairing ledger's 2024 credit figures on the towns' targets").atMost(Duration.ofSeconds(120))
                .until(() -> jdbc.sql("""
                        select count(*) from finance_observation o
                         where o.indicator_code = 'finance.credit-granted' and o.unit_key <> '' and o.as_of <= :end
                           and not exists (select 1 from programme_measurement m
                                             join programme_target t on t.id = m.target_id
                                            where t.code = 'demo.credit.' || o.unit_key and m.as_of = o.as_of
                                              and m.source = 'LEDGER')""")
                        .param("end", LocalDate.of(2024, 12, 31)).query(Long.class).single() == 0
                        && jdbc.sql("select count(*) from finance_observation where as_of <= :end")
                                .param("end", LocalDate.of(2024, 12, 31)).query(Long.class).single() > 0);
        if (accounts.findByUsername("chikan-clerk").isEmpty()) {
            accounts.create("chikan-clerk", "赤坎镇填报员", "staff-secret-1", organisation.unit("chikan").id(), Set.of(Role.UNIT_STAFF));
            accounts.create("dasha-clerk", "大沙镇填报员", "staff-secret-1", organisation.unit("dasha").id(), Set.of(Role.UNIT_STAFF));
            accounts.create("baihe-clerk", "百合镇填报员", "staff-secret-1", organisation.unit("baihe").id(), Set.of(Role.UNIT_STAFF));
            accounts.create("leader", "市领导", "staff-secret-1", null, Set.of(Role.LEADER));
        }
        if (jdbc.sql("select count(*) from programme where code = :c").param("c", RUNNING).query(Long.class).single() == 0) {
            running();
        }
    }

    /**
     * A programme running through 2025: 百合镇 leads one task with 大沙镇 as co-unit; 百合镇 reported 30 of
     * 100 km on 14 March (its February report, due 5 March, came late); 大沙镇 owes a report on its own
     * target and sent none; one node was due on 10 March and is not done, another is due on 28 March.
     */
    private void running() {
        programmes.createProgramme(new ProgrammeData(RUNNING, 2025, "2025年改革攻坚（测试）", null, null, null, null,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of(),
                List.of(new ProgrammeData.CategoryData("transport", "交通", null))));
        programmes.createInitiative(RUNNING, new InitiativeData(1, "农村公路提质", "transport", "baihe", false,
                List.of("dasha"), null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), InitiativeStatus.IN_PROGRESS,
                List.of(), List.of(), List.of()));
        targets.create(RUNNING, 1, target("run.roads", null));
        targets.create(RUNNING, 1, target("run.roads.dasha", "dasha"));
        targets.report(RUNNING, "run.roads", new NewMeasurement(BigDecimal.valueOf(30), LocalDate.of(2025, 3, 14), null, null));
        records.createMilestone(RUNNING, 1, new MilestoneData("一季度节点甲", LocalDate.of(2025, 3, 10), false, null, null, null));
        records.createMilestone(RUNNING, 1, new MilestoneData("一季度节点乙", LocalDate.of(2025, 3, 28), false, null, null, null));
    }

    private static TargetData target(String code, String scope) {
        return new TargetData(code, "农村公路提质改造", UnitOfMeasure.KILOMETRES, Direction.UP, BigDecimal.ZERO,
                LocalDate.of(2025, 1, 1), BigDecimal.valueOf(100), null, Qualifier.EXACT, LocalDate.of(2025, 12, 31), false,
                null, scope, null, List.of());
    }
}
