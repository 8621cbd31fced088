package org.gongjian.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The management pages of the volunteers ledger: a captain's activity pages (the list of their team's activities,
 * creating one with the form, field errors in Chinese, changing it with its values filled in, another team's activity
 * refused), and a town's roster import page answering a wrong file with its error workbook to download.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
class VolunteerManagementPagesTests {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired Volunteers volunteers;
    @Autowired Teams teams;
    @Autowired Activities activities;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_captain_creates_and_changes_an_activity_of_their_team_on_the_page_and_cannot_open_another_team_s() throws Exception {
        as("admin");
        Team mine = approved("队长页测试一队");
        Team other = approved("队长页测试二队");
        String first17 = "44078319900315" + "777";
        Volunteer v = volunteers.register(new Volunteers.Registration("页面队长", first17 + IdNumbers.checkDigit(first17),
                "13800137777", "changsha", null, null));
        accounts.create("page-captain", "页面队长", "page-secret-123", organisation.unit("changsha").id(), Set.of(Role.CAPTAIN));
        volunteers.link(v.id(), "page-captain");
        teams.appoint(mine.id(), v.id(), TeamRole.CAPTAIN, LocalDate.now(CITY).minusDays(1), null);
        Instant start = Instant.now().plus(Duration.ofDays(3));
        Activity others = activities.createActivity(new Activities.NewActivity(other.id(), "别队活动", "文明劝导", "别处",
                null, null, null, start, start.plus(Duration.ofHours(2)), 10));
        SecurityContextHolder.clearContext();
        UserDetails captain = users.loadUserByUsername("page-captain");
        String from = LocalDateTime.ofInstant(start, CITY).withNano(0).withSecond(0).toString();
        String to = LocalDateTime.ofInstant(start.plus(Duration.ofHours(4)), CITY).withNano(0).withSecond(0).toString();

        mvc.perform(get("/volunteers/captain/activities/new").with(user(captain)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("队长页测试一队")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("队长页测试二队"))));
        mvc.perform(post("/volunteers/captain/activities/new").with(user(captain)).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("teamId", Long.toString(mine.id())).param("title", "社区义诊").param("category", "医疗卫生")
                        .param("place", "新民社区").param("startsAt", from).param("endsAt", to).param("quota", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("计划人数须在1至100000之间。")));
        mvc.perform(post("/volunteers/captain/activities/new").with(user(captain)).with(csrf())
                        .param("teamId", Long.toString(mine.id())).param("title", "社区义诊").param("category", "医疗卫生")
                        .param("place", "新民社区").param("startsAt", from).param("endsAt", to).param("quota", "20"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from volunteers_activity where team_id = :t and title = '社区义诊'").param("t", mine.id())
                .query(Long.class).single();
        mvc.perform(get("/volunteers/captain/activities").with(user(captain)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("社区义诊")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("别队活动"))));
        mvc.perform(get("/volunteers/captain/activities/" + id + "/edit").with(user(captain)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"社区义诊\"")))
                .andExpect(content().string(containsString("value=\"" + from + "\"")));
        mvc.perform(post("/volunteers/captain/activities/" + id + "/edit").with(user(captain)).with(csrf())
                        .param("version", "0").param("title", "社区义诊（改期）").param("category", "医疗卫生")
                        .param("place", "新民社区").param("startsAt", from).param("endsAt", to).param("quota", "25"))
                .andExpect(status().is3xxRedirection());
        assertThat(activities.activity(id).title()).isEqualTo("社区义诊（改期）");
        assertThat(activities.activity(id).quota()).isEqualTo(25);
        mvc.perform(get("/volunteers/captain/activities/" + others.id() + "/edit").with(user(captain)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/volunteers/captain/activities/" + others.id() + "/edit").with(user(captain)).with(csrf())
                        .param("version", "0").param("title", "越权").param("category", "文明劝导").param("place", "别处")
                        .param("startsAt", from).param("endsAt", to).param("quota", "10"))
                .andExpect(status().isForbidden());
        assertThat(activities.activity(others.id()).title()).isEqualTo("别队活动");
    }

    @Test
    void a_wrong_roster_uploaded_on_the_page_comes_back_as_an_error_workbook_to_download() throws Exception {
        if (accounts.findByUsername("page-cs-staff").isEmpty()) {
            accounts.create("page-cs-staff", "长沙街道工作人员", "page-secret-123", organisation.unit("changsha").id(),
                    Set.of(Role.UNIT_STAFF));
        }
        UserDetails staff = users.loadUserByUsername("page-cs-staff");
        byte[] xlsx;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("花名册");
            var header = sheet.createRow(0);
            for (int i = 0; i < VolunteerWorkbooks.ROSTER.size(); i++) {
                header.createCell(i).setCellValue(VolunteerWorkbooks.ROSTER.get(i));
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("错号");
            row.createCell(1).setCellValue("440783199003151234");
            row.createCell(2).setCellValue("13800000009");
            row.createCell(3).setCellValue("长沙街道");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/volunteers/roster")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "花名册.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx))
                        .with(user(staff)).with(csrf()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 2 行：身份证号：")))
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/volunteers/roster/errors/[^\"]+\\.xlsx)\"")
                .matcher(page);
        assertThat(link.find()).as("the page links the error workbook").isTrue();
        byte[] marked = mvc.perform(get(link.group(1)).with(user(staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(marked))) {
            assertThat(wb.getSheet("花名册").getRow(0).getCell(7).getStringCellValue()).isEqualTo("错误说明");
            assertThat(wb.getSheet("花名册").getRow(1).getCell(7).getStringCellValue()).startsWith("身份证号：");
        }
    }

    private Team approved(String name) {
        Team t = teams.createTeam(new Teams.NewTeam(name, TeamType.COMMUNITY, "社工服务站", "changsha", null));
        return teams.decideTeam(t.id(), true, null);
    }

    private void as(String username) {
        UserDetails p = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }
}
