package org.gongjian.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.gongjian.ipcentre.DesignCase;
import org.gongjian.ipcentre.DesignCases;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeManagement;
import org.gongjian.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The office enters next year's holiday notice on the calendar page, and supervision's notice deadlines
 * and the IP centre's clocks count on it at once: no code change, no restart.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CalendarPageTests.Clocks.class)
class CalendarPageTests {

    /** Christmas Eve 2026, a Thursday: seven working days reach into 2027. */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 24, 10, 0);

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }
    }

    @Autowired MockMvc mvc;
    @Autowired WorkCalendar calendar;
    @Autowired NoticeManagement notices;
    @Autowired DesignCases designs;
    @Autowired JdbcClient jdbc;

    @Test
    void a_year_entered_on_the_page_is_counted_by_supervision_and_the_ip_centre_alike() throws Exception {
        // a design case submitted on 12-24 and still in examination: its clock as of 2027-01-05
        long firmId = jdbc.sql("select min(id) from ipcentre_firm where status = 'REGISTERED'").query(Long.class).single();
        long agencyId = jdbc.sql("select min(id) from ipcentre_agency where on_precision_list = true").query(Long.class).single();
        jdbc.sql("update ipcentre_quota set quota = 999 where firm_id = :f").param("f", firmId).update();
        DesignCase c = designs.create(new DesignCases.Draft(firmId, agencyId, "跨年案件", "23-02"), null, false);
        designs.move(c.id(), new DesignCases.Step(org.gongjian.ipcentre.DesignStatus.SUBMITTED, null, null, null, null), null);
        LocalDate asOf = LocalDate.of(2027, 1, 5);
        DesignCase before = designs.get(c.id(), asOf);
        // 12-25, 12-28…12-31, and (Monday to Friday assumed) 01-01, 01-04, 01-05
        assertThat(before.clocks().preExam().workingDays()).isEqualTo(8);
        assertThat(before.clocks().preExam().provisional()).isTrue();
        LocalDate dueBefore = notices.raise("kaiping-2024", new NoticeManagement.ManualNotice("yueshan", null, "跨年督办（前）",
                "测试", null, NoticeLevel.CHASE, null)).answerDue();
        assertThat(dueBefore).isEqualTo(LocalDate.of(2027, 1, 4));

        mvc.perform(get("/calendar/edit").param("year", "2027").with(admin())).andExpect(status().isOk());
        // a preview first: errors per line, then the year's count
        mvc.perform(post("/calendar/preview").with(admin()).with(csrf()).param("year", "2027")
                        .param("sourceDocument", "测试用通知").param("evidence", "UNVERIFIED")
                        .param("holidays", "元旦 01-01~01-03\n春节 2027/2/5 至 2027/2/12")
                        .param("makeupDays", "春节 01-04"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2027-01-04不是周六或周日")));
        mvc.perform(post("/calendar/preview").with(admin()).with(csrf()).param("year", "2027")
                        .param("sourceDocument", "测试用通知").param("evidence", "UNVERIFIED")
                        .param("holidays", "元旦 01-01~01-03\n春节 2027/2/5 至 2027/2/12")
                        .param("makeupDays", "春节 02-14, 02-20"))
                .andExpect(status().isOk())
                // 261 weekdays, less 01-01 and 02-05, 02-08…02-12 (7), plus two Saturdays/Sundays worked
                .andExpect(content().string(containsString("全年工作日256天")));
        mvc.perform(post("/calendar").with(admin()).with(csrf()).param("year", "2027")
                        .param("sourceDocument", "测试用通知").param("evidence", "UNVERIFIED")
                        .param("holidays", "元旦 01-01~01-03\n春节 2027/2/5 至 2027/2/12")
                        .param("makeupDays", "春节 02-14, 02-20"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/calendar"));
        mvc.perform(get("/calendar").with(admin()))
                .andExpect(content().string(containsString("测试用通知")))
                .andExpect(content().string(containsString("256天")));
        assertThat(calendar.workdays().workingDaysIn(2027)).isEqualTo(256);

        DesignCase after = designs.get(c.id(), asOf);
        assertThat(after.clocks().preExam().workingDays()).isEqualTo(7);
        assertThat(after.clocks().preExam().provisional()).isFalse();
        LocalDate dueAfter = notices.raise("kaiping-2024", new NoticeManagement.ManualNotice("yueshan", null, "跨年督办（后）",
                "测试", null, NoticeLevel.CHASE, null)).answerDue();
        assertThat(dueAfter).isEqualTo(LocalDate.of(2027, 1, 5));
        // the stored year reads back as the form's lines
        mvc.perform(get("/calendar/edit").param("year", "2027").with(admin()))
                .andExpect(content().string(containsString("元旦 2027-01-01~2027-01-03")));
    }

    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    private org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername("admin"));
    }
}
