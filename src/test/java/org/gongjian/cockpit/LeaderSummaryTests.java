package org.gongjian.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Role;
import org.gongjian.programme.Direction;
import org.gongjian.programme.NewMeasurement;
import org.gongjian.programme.OwnProgramme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.TargetData;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A programme with one target past its deadline and short of it (逾期, led by 赤水镇) and one on track: the
 * leader's summary names the late one first, with its unit and the status engine's reason, one tap from
 * its page; a leader's first screen is the summary.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "gongjian.test.fixtures=cockpit")
class LeaderSummaryTests {

    static final String CODE = "leader-test";

    @Autowired MockMvc mvc;
    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;
    @Autowired LeaderSummaries summaries;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired Clock clock;

    @BeforeEach
    void programme() {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = today.minusMonths(6);
        LocalDate end = today.plusMonths(6);
        TestUsers.asOffice(users, () -> {
            if (accounts.findByUsername("city-leader").isEmpty()) {
                accounts.create("city-leader", "市领导", "staff-secret-1", null, Set.of(Role.LEADER));
            }
        });
        new OwnProgramme(CODE, today.getYear(), "领导一屏测试", "推进企业开办便利化", start, end).createOnce(programmes, users, () -> {
            targets.create(CODE, 1, target("late", "惠企政策兑现事项", start, today.minusDays(20)));
            targets.create(CODE, 1, target("fine", "企业开办一网通办事项", start, end));
            targets.report(CODE, "late", new NewMeasurement(new BigDecimal("40"), today.minusDays(25), null, null));
            targets.report(CODE, "fine", new NewMeasurement(new BigDecimal("60"), today.minusDays(1), null, null));
        });
    }

    static TargetData target(String code, String name, LocalDate start, LocalDate deadline) {
        return new TargetData(code, name, UnitOfMeasure.ITEMS, Direction.UP, BigDecimal.ZERO, start, new BigDecimal("100"),
                null, Qualifier.EXACT, deadline, false, null, null, null, List.of());
    }

    @Test
    void the_late_target_comes_first_with_its_unit_and_the_status_engines_reason() {
        LeaderSummary s = summaries.summary(CODE, Locale.SIMPLIFIED_CHINESE);
        assertThat(s.lateCount()).isEqualTo(1);
        LeaderSummary.Item first = s.worst().get(0);
        assertThat(first.name()).isEqualTo("惠企政策兑现事项");
        assertThat(first.status()).isEqualTo("OVERDUE");
        assertThat(first.statusWord()).isEqualTo("逾期");
        assertThat(first.unit()).isEqualTo("赤水镇");
        assertThat(first.reason()).startsWith("完成40%").contains("已过完成时限，最新数值仍未达到目标。");
        assertThat(first.link()).isEqualTo("/supervision/programmes/leader-test/targets/late");
        assertThat(s.worst()).extracting(LeaderSummary.Item::name).doesNotContain("企业开办一网通办事项");
    }

    @Test
    void the_page_shows_it_one_tap_from_its_detail_and_a_leaders_start_page_is_the_summary() throws Exception {
        String html = mvc.perform(get("/leader/" + CODE).with(user(users.loadUserByUsername("city-leader"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("最需关注", "排名靠后的镇（街）", "近一周变化", "逾期督办单",
                "href=\"/supervision/programmes/leader-test/targets/late\"", "惠企政策兑现事项", "赤水镇");
        mvc.perform(get("/").with(user(users.loadUserByUsername("city-leader"))))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/leader"));
        mvc.perform(get("/").param("start", "").with(user(users.loadUserByUsername("city-leader"))))
                .andExpect(status().isOk());
        mvc.perform(get("/").with(user(users.loadUserByUsername("admin")))).andExpect(status().isOk());
        String fragment = mvc.perform(get("/leader/" + CODE + "/summary").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("leader-summary", "惠企政策兑现事项").doesNotContain("<html");
    }
}
