package org.gongjian.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.MeasurementSource;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The roads pages with the demo loaded: the office's pages render the demo, item 1's targets get the
 * ledger's figures, a village chief patrols and reports from the phone pages, the town repairs with an
 * after-photo, the office closes; the public page needs a photo and is rate-limited; forged ids are refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RoadPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;
    @Autowired RoadChiefs chiefs;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static MockMultipartFile jpeg(String field) {
        return new MockMultipartFile(field, "photo.jpg", "image/jpeg", RoadsContract.JPEG);
    }

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts, organisation, "roads-office", "transport", Role.UNIT_STAFF);
        TestUsers.ensure(accounts, organisation, "roads-chikan", "chikan", Role.UNIT_STAFF);
        TestUsers.ensure(accounts, organisation, "roads-chief-a", null, Role.ROAD_CHIEF);
        TestUsers.ensure(accounts, organisation, "roads-chief-b", null, Role.ROAD_CHIEF);
    }

    /** Makes roads-chief-a the village chief of a demo village road in 赤坎镇 (once). */
    long chiefSegment() {
        Long mine = jdbc.sql("select a.segment_id from roads_assignment a join roads_chief c on c.id = a.chief_id where c.username = 'roads-chief-a'")
                .query(Long.class).list().stream().findFirst().orElse(null);
        if (mine != null) {
            return mine;
        }
        long segment = jdbc.sql("""
                select s.id from roads_segment s join roads_route r on r.id = s.route_id
                 where r.level = 'VILLAGE' and s.town_code = 'chikan' order by s.id""").query(Long.class).list().get(0);
        long township = jdbc.sql("select id from roads_chief where level = 'TOWNSHIP' and unit_code = 'chikan'")
                .query(Long.class).list().get(0);
        RoadChiefs.Chief chief = chiefs.appoint(new RoadChiefs.NewChief("测试村级路长", ChiefLevel.VILLAGE, "村委会主任",
                "roads-chief-a", "chikan", null, null, township, LocalDate.now().minusDays(30)), false);
        chiefs.assign(chief.id(), segment, null, null, LocalDate.now().minusDays(30), null);
        return segment;
    }

    @Test
    void the_office_sees_the_demo_on_its_pages() throws Exception {
        mvc.perform(get("/roads").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("赤马线")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("强亚村道")));
        mvc.perform(get("/roads/register").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-lines=\"[{")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("演示")));
        mvc.perform(get("/roads/chiefs").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("缺少本级路长的路段")));
        mvc.perform(get("/roads/issues").with(as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/roads/routes").with(as("admin"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.content[0].code").exists());
        mvc.perform(get("/roads/register.xlsx").with(as("admin"))).andExpect(status().isOk());
    }

    @Test
    void item_one_targets_follow_the_ledger_on_first_start() throws Exception {
        Target demoRoads = targets.target(programmes.programme("kaiping-2024"), "roads.demo-roads");
        Target goodFair = targets.target(programmes.programme("kaiping-2024"), "roads.good-fair-rate");
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && ledger(goodFair).isEmpty()) {
            Thread.sleep(200);
        }
        assertThat(ledger(demoRoads)).anySatisfy(v -> assertThat(v).isEqualByComparingTo("5"));
        assertThat(ledger(goodFair)).isNotEmpty();
    }

    private List<BigDecimal> ledger(Target target) {
        return targets.measurements(target).stream().filter(m -> m.source() == MeasurementSource.LEDGER && !m.superseded())
                .map(org.gongjian.programme.Measurement::value).toList();
    }

    @Test
    void a_village_chief_patrols_and_reports_the_town_repairs_and_the_office_closes() throws Exception {
        long segment = chiefSegment();
        mvc.perform(get("/roads/my").with(as("roads-chief-a"))).andExpect(status().isOk());
        mvc.perform(post("/roads/my/patrol").with(as("roads-chief-a")).with(csrf())).andExpect(status().is3xxRedirection());
        long patrol = jdbc.sql("select id from roads_patrol where username = 'roads-chief-a' and status = 'OPEN'").query(Long.class).single();
        mvc.perform(get("/roads/my/patrol").with(as("roads-chief-a"))).andExpect(status().isOk());
        mvc.perform(post("/roads/my/patrol/{id}/points", patrol).with(as("roads-chief-a")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"at\":\"2026-01-05T02:00:00Z\",\"lat\":22.37,\"lng\":112.56},{\"at\":\"2026-01-05T02:01:00Z\",\"lat\":22.38,\"lng\":112.56}]"))
                .andExpect(status().isOk());
        mvc.perform(post("/roads/my/patrol/{id}/points", patrol).with(as("roads-chief-b")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("[]")).andExpect(status().isForbidden());
        mvc.perform(multipart("/roads/my/patrol/{id}/issues", patrol).file(jpeg("photos")).with(as("roads-chief-a")).with(csrf())
                        .param("segmentId", String.valueOf(segment)).param("category", "PAVEMENT_DEFECT").param("severity", "GENERAL")
                        .param("description", "巡查发现坑槽").param("lat", "22.375").param("lng", "112.56"))
                .andExpect(status().is3xxRedirection());
        long issue = jdbc.sql("select id from roads_issue where patrol_id = :p").param("p", patrol).query(Long.class).single();
        mvc.perform(post("/roads/my/patrol/{id}/end", patrol).with(as("roads-chief-a")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/roads/my/issues/{id}", issue).with(as("roads-chief-a"))).andExpect(status().isOk());
        mvc.perform(get("/roads/my/issues/{id}", issue).with(as("roads-chief-b"))).andExpect(status().isForbidden());

        mvc.perform(post("/roads/issues/{id}/accept", issue).with(as("roads-office")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/roads/issues/{id}/assign", issue).with(as("roads-office")).with(csrf()).param("unitCode", "chikan"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/roads/issues/{id}/start", issue).with(as("roads-chikan")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/roads/issues/{id}/rectify", issue).with(as("roads-chikan")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(state(issue)).isEqualTo("IN_PROGRESS");
        mvc.perform(multipart("/roads/issues/{id}/rectify", issue).file(jpeg("photos")).with(as("roads-chikan")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(state(issue)).isEqualTo("RECTIFIED");
        mvc.perform(post("/roads/issues/{id}/verify", issue).with(as("roads-chikan")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/roads/issues/{id}/verify", issue).with(as("roads-office")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/roads/issues/{id}/close", issue).with(as("roads-office")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(state(issue)).isEqualTo("CLOSED");
        mvc.perform(get("/roads/issues/{id}", issue).with(as("roads-office"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已销号")));
        long after = jdbc.sql("select id from roads_photo where owner_kind = 'ISSUE_AFTER' and owner_id = :i").param("i", issue)
                .query(Long.class).single();
        mvc.perform(get("/roads/photos/{id}", after).with(as("roads-office"))).andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"));
        mvc.perform(get("/roads/my/photos/{id}", after).with(as("roads-chief-b"))).andExpect(status().isForbidden());
    }

    private String state(long issue) {
        return jdbc.sql("select status from roads_issue where id = :i").param("i", issue).query(String.class).single();
    }

    @Test
    void the_public_page_needs_a_photo_and_a_position_and_is_rate_limited() throws Exception {
        mvc.perform(get("/roads/report")).andExpect(status().isOk());
        mvc.perform(multipart("/roads/report").with(csrf()).with(from("10.9.9.1")).param("description", "路面塌陷")
                        .param("lat", "22.3").param("lng", "112.5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("至少需要一张照片")));
        mvc.perform(multipart("/roads/report").file(jpeg("photos")).with(csrf()).with(from("10.9.9.1"))
                        .param("description", "路面塌陷"))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/roads/report").file(jpeg("photos")).with(csrf()).with(from("10.9.9.1"))
                        .param("description", "路面塌陷").param("lat", "22.3").param("lng", "112.5"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("已收到")));
        for (int i = 0; i < 2; i++) {
            mvc.perform(multipart("/roads/report").with(csrf()).with(from("10.9.9.1"))).andExpect(status().isBadRequest());
        }
        mvc.perform(multipart("/roads/report").file(jpeg("photos")).with(csrf()).with(from("10.9.9.1"))
                        .param("description", "又一处").param("lat", "22.3").param("lng", "112.5"))
                .andExpect(status().is(429));
        mvc.perform(multipart("/roads/report").file(jpeg("photos")).with(csrf()).with(from("10.9.9.2"))
                        .param("description", "另一个地址").param("lat", "22.3").param("lng", "112.5"))
                .andExpect(status().isOk());
    }

    @Test
    void a_chief_cannot_read_the_register_or_another_chiefs_patrol() throws Exception {
        chiefSegment();
        mvc.perform(get("/roads/register").with(as("roads-chief-b"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/roads/routes").with(as("roads-chief-b"))).andExpect(status().isForbidden());
        mvc.perform(get("/roads/my").with(as("roads-chief-b"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("未登记为路长")));
    }
}
