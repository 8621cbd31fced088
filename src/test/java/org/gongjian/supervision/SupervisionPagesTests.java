package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The warning board, a unit's notice inbox with the answer form, and the inbox badge, as pages. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SupervisionPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService details;
    @Autowired NoticeManagement notices;

    RequestPostProcessor as(String username) {
        return user(details.loadUserByUsername(username));
    }

    @BeforeEach
    void users() {
        if (accounts.findByUsername("cangcheng-clerk").isEmpty()) {
            accounts.create("cangcheng-clerk", "苍城镇填报员", "staff-secret-1", organisation.unit("cangcheng").id(),
                    Set.of(Role.UNIT_STAFF));
        }
    }

    @Test
    void the_board_lists_what_is_late_with_the_status_word_beside_its_colour() throws Exception {
        mvc.perform(get("/supervision").param("asOf", "2025-01-10").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("预警看板")))
                .andExpect(content().string(containsString("badge text-bg-danger\">逾期</span>")))
                .andExpect(content().string(containsString("开展“服务百千万、金融来趁圩”专题活动")))
                .andExpect(content().string(containsString("立即扫描")));
    }

    @Test
    void a_town_clerk_answers_a_notice_on_its_page_and_sees_it_under_review() throws Exception {
        long id = notices.raise("kaiping-2024", new NoticeManagement.ManualNotice("cangcheng", null, "苍城镇报送改革试点进展",
                "请报送试点进展。", null, NoticeLevel.REMINDER, null)).id();
        mvc.perform(get("/supervision/notices").with(as("cangcheng-clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("苍城镇报送改革试点进展")));
        mvc.perform(get("/supervision/notices/" + id).with(as("cangcheng-clerk")))
                .andExpect(content().string(containsString("提交反馈")))
                .andExpect(content().string(not(containsString("同意销号"))));
        mvc.perform(multipart("/supervision/notices/" + id + "/answer").param("text", " ").with(as("cangcheng-clerk")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写反馈内容。")));
        mvc.perform(multipart("/supervision/notices/" + id + "/answer").param("text", "试点方案已报市委改革办。")
                        .with(as("cangcheng-clerk")).with(csrf()))
                .andExpect(redirectedUrl("/supervision/notices/" + id));
        mvc.perform(get("/supervision/notices/" + id).with(as("admin")))
                .andExpect(content().string(containsString("已反馈待审核")))
                .andExpect(content().string(containsString("同意销号")))
                .andExpect(content().string(containsString("试点方案已报市委改革办。")));
        mvc.perform(post("/supervision/notices/" + id + "/review").param("action", "return").param("comment", "")
                        .with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写理由。")));
        assertThat(notices.notice(id).state()).isEqualTo(NoticeState.ANSWERED);
    }

    @Test
    void the_office_raises_a_notice_from_the_form_and_a_missing_matter_is_named() throws Exception {
        mvc.perform(post("/supervision/notices/new").param("programme", "kaiping-2024").param("unit", "cangcheng")
                        .param("title", "苍城镇人居环境整治").param("matter", "").with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写“督办事项”。")))
                .andExpect(content().string(containsString("value=\"苍城镇人居环境整治\"")));
        mvc.perform(post("/supervision/notices/new").param("programme", "kaiping-2024").param("unit", "cangcheng")
                        .param("title", "苍城镇人居环境整治").param("matter", "请报送整治进展。").param("level", "SUPERVISE")
                        .with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void the_top_bar_badge_counts_unread_messages_and_staff_cannot_open_the_office_form() throws Exception {
        mvc.perform(get("/notifications/badge").with(as("cangcheng-clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("站内通知")));
        mvc.perform(get("/supervision/notices/new").param("programme", "kaiping-2024").with(as("cangcheng-clerk")))
                .andExpect(status().isForbidden());
    }
}
