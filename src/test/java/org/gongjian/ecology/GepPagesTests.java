package org.gongjian.ecology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.gongjian.ecology.engine.GepRequest;
import org.gongjian.organisation.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The GEP pages as a clerk, a leader and the office see them. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class GepPagesTests {

    @Autowired MockMvc mvc;
    @Autowired GepAccounts accounts;
    @Autowired JsonMapper json;

    private static org.springframework.test.web.servlet.request.RequestPostProcessor leader() {
        return user("leader").authorities(Role.LEADER.permissions().stream()
                .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList());
    }

    @Test
    void the_list_shows_both_demo_accounts_marked_as_demo_with_their_headline_figures() throws Exception {
        mvc.perform(get("/ecology/accounts").with(leader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("赤水镇2023年度森林GEP与碳汇核算（演示数据）")))
                .andExpect(content().string(containsString("金鸡镇2023年度森林GEP与碳汇核算（演示数据）")))
                .andExpect(content().string(containsString("演示数据")))
                .andExpect(content().string(containsString("15.29亿元")))
                .andExpect(content().string(containsString("19.45万元/公顷")));
    }

    @Test
    void an_account_page_shows_the_demo_banner_the_charts_data_lines_prices_and_carbon_sink() throws Exception {
        mvc.perform(get("/ecology/accounts/chishui-2023-gep").with(leader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本账户为演示数据")))
                .andExpect(content().string(containsString("data-chart=\"bar\"")))
                .andExpect(content().string(containsString("&quot;name&quot;:&quot;调节水量&quot;")))
                .andExpect(content().string(containsString("C库 6.1107 元/m³（2005）")))
                .andExpect(content().string(containsString("森林碳汇（不计入GEP）")))
                .andExpect(content().string(containsString("/js/ecology-account.js")))
                .andExpect(content().string(not(containsString("发布本版本"))))
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void service_names_are_chinese_or_english_never_codes_money_is_rounded_and_the_status_badges_are_explained()
            throws Exception {
        String zh = mvc.perform(get("/ecology/accounts/chishui-2023-gep").with(leader()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains(">调节水量</span>", "参数状态", "已核实", "案例复算印证", "回忆值，待核实", "委托方提供",
                        "15.29亿元")
                .doesNotContain(">WATER_REGULATION<", "×10^", "e+");
        assertThat(zh).doesNotContainPattern("\\d\\.\\d{5,}亿元").doesNotContainPattern("\\d\\.\\d{5,}万元");
        String en = mvc.perform(get("/ecology/accounts/chishui-2023-gep").with(leader()).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains(">Water regulation</span>", "&quot;name&quot;:&quot;Water regulation&quot;", "Parameter status",
                        "verified", "Base year", "CNY 1.529 billion")
                .doesNotContain(">WATER_REGULATION<", ">基准年<", ">编码<");
    }

    @Test
    @WithUserDetails("admin")
    void the_office_recomputes_and_publishes_from_the_page() throws Exception {
        GepRequest request = json.readValue(new ClassPathResource("ecology/example-request.json")
                .getContentAsString(StandardCharsets.UTF_8), GepRequest.class);
        accounts.create("page-test", "页面测试账户", null, request, false);
        mvc.perform(get("/ecology/accounts/page-test")).andExpect(content().string(containsString("发布本版本")));
        mvc.perform(post("/ecology/accounts/page-test/versions").with(csrf()))
                .andExpect(redirectedUrl("/ecology/accounts/page-test?version=2"));
        mvc.perform(post("/ecology/accounts/page-test/versions/2/publish").with(csrf()))
                .andExpect(redirectedUrl("/ecology/accounts/page-test?version=2"));
        assertThat(accounts.account("page-test").version(2).status()).isEqualTo(GepAccount.Status.PUBLISHED);
        assertThat(accounts.account("page-test").version(1).status()).isEqualTo(GepAccount.Status.DRAFT);
        mvc.perform(get("/ecology/accounts/page-test/versions/2/workbook"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @Test
    void a_leader_cannot_publish_from_the_page() throws Exception {
        mvc.perform(post("/ecology/accounts/chishui-2023-gep/versions/1/publish").with(leader()).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
