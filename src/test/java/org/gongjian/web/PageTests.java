package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** The pages people use, and their htmx fragments, as a browser without script would get them. */
class PageTests extends PageTestSupport {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** A navigation link marked as the page shown, its attributes in any order. */
    private static String current(String href) {
        return "<a href=\"" + Pattern.quote(href) + "\"(?=[^>]*class=\"active\")(?=[^>]*aria-current=\"page\")";
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(as(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockMultipartHttpServletRequestBuilder report(String target, String value, String asOf, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart(PROGRAMME + "/targets/" + target + "/measurements");
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        request.param("value", value).param("asOf", asOf).param("note", "镇里上报");
        return request;
    }

    @Test
    void the_navigation_marks_the_page_being_shown_and_only_that_one() throws Exception {
        String html = page("/supervision", "page-viewer");
        assertThat(html).containsPattern(current("/supervision")).doesNotContainPattern(current("/"));
        assertThat(page("/", "page-viewer")).containsPattern(current("/")).doesNotContainPattern(current("/supervision"));
    }

    @Test
    void the_dashboard_shows_every_initiative_with_its_lead_unit_category_targets_next_milestone_and_declared_stage() throws Exception {
        String html = page(PROGRAMME, "page-viewer");
        assertThat(occurrences(html, "class=\"initiative-row")).isEqualTo(11);
        assertThat(html).contains("创建“四好农村路”全国示范县", "市交通运输局", "交通与乡村振兴", "推进森林GEP核算与转化",
                "市自然资源局", "完成森林GEP核算和碳汇核算报告的镇", "截止 2024-12-31", "下一节点", "已完成", "推进中",
                "攻坚任务（11项）");
        // status words stand next to their colours, and the charts get their data in attributes, not scripts
        assertThat(html).contains("class=\"status decl-COMPLETED\"", "data-chart=\"category-progress\"",
                "data-chart=\"status-by-category\"", "&quot;name&quot;:&quot;生态文明&quot;");
        // money in 亿元, as Chinese readers expect
        assertThat(html).contains("目标 400亿元以上", "目标 约68亿元");
    }

    @Test
    void the_dashboard_filters_by_category_and_unit_and_htmx_gets_only_the_results() throws Exception {
        String industry = page(PROGRAMME + "?category=industry", "page-viewer");
        assertThat(occurrences(industry, "class=\"initiative-row")).isEqualTo(4);
        assertThat(industry).contains("编制发布低空经济产业发展规划").doesNotContain("推进森林GEP核算与转化");
        String chishui = page(PROGRAMME + "?unit=chishui", "page-viewer");
        assertThat(occurrences(chishui, "class=\"initiative-row")).isEqualTo(2);
        assertThat(chishui).contains("推进金融机构结对支持镇村经济发展", "推进森林GEP核算与转化");
        mvc.perform(get(PROGRAMME).param("unit", "chishui").header("HX-Request", "true").with(as("page-viewer")))
                .andExpect(status().isOk())
                .andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("HX-Request")))
                .andExpect(content().string(allOf(startsWith("<div id=\"results\""), not(containsString("<html")),
                        containsString("推进森林GEP核算与转化"))));
    }

    @Test
    void the_initiative_page_draws_each_target_with_its_planned_path_measurements_and_deadline() throws Exception {
        String html = page(PROGRAMME + "/initiatives/8", "page-viewer");
        assertThat(html).contains("data-chart=\"target\"", "&quot;deadline&quot;:&quot;2024-12-31&quot;",
                "&quot;planned&quot;:[{&quot;date&quot;:&quot;2024-01-01&quot;,&quot;value&quot;:0",
                "&quot;actual&quot;:[{&quot;date&quot;:&quot;2024-08-23&quot;,&quot;value&quot;:2",
                "&quot;reporter&quot;:", "&quot;source&quot;:&quot;导入&quot;", "&quot;series&quot;:[]");
        // milestones on a timeline, the chronicle, honours and co-units
        assertThat(html).contains("class=\"timeline\"", "首批森林GEP转化绿色生态百千万项目动工", "赤水镇", "金鸡镇",
                "约7.3亿元");
        // a viewer reads but gets no report form
        assertThat(html).doesNotContain("填报进展");
        assertThat(page(PROGRAMME + "/initiatives/8", "page-staff")).contains("填报进展", "name=\"evidence\"",
                "hx-encoding=\"multipart/form-data\"", "enctype=\"multipart/form-data\"");
    }

    @Test
    @Transactional
    void unit_staff_report_a_figure_with_evidence_through_htmx_and_see_it_in_the_chart_and_the_table() throws Exception {
        String fragment = mvc.perform(report("gep.towns-accounted", "3", "2024-11-30",
                        new MockMultipartFile("evidence", "验收单.pdf", "application/pdf", PDF),
                        new MockMultipartFile("evidence", "现场.png", "image/png", PNG))
                        .header("HX-Request", "true").with(csrf()).with(as("page-staff")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).startsWith("<article class=\"target-card\"").doesNotContain("<html")
                .contains("已上报：3个（2024-11-30），附件2个。", "验收单.pdf", "现场.png",
                        "{&quot;date&quot;:&quot;2024-11-30&quot;,&quot;value&quot;:3,&quot;label&quot;:&quot;3个&quot;,&quot;reporter&quot;:&quot;赤水镇填报员&quot;");
        assertThat(count("select count(*) from programme_evidence")).isEqualTo(2);
        assertThat(count("select count(*) from audit_entry where entity_type = 'evidence' and actor = 'page-staff'")).isEqualTo(2);
        Matcher link = Pattern.compile("href=\"/evidence/(\\d+)\">验收单.pdf").matcher(fragment);
        assertThat(link.find()).isTrue();
        byte[] served = mvc.perform(get("/evidence/" + link.group(1)).with(as("page-viewer")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Security-Policy", startsWith("sandbox")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(PDF);
    }

    @Test
    @Transactional
    void without_script_the_report_form_posts_and_the_page_reloads_with_the_confirmation() throws Exception {
        mvc.perform(report("gep.towns-accounted", "2", "2024-10-31").with(csrf()).with(as("page-staff")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(PROGRAMME + "/initiatives/8#target-gep.towns-accounted"))
                .andExpect(flash().attributeExists("reported"));
    }

    @Test
    void a_wrong_value_keeps_what_was_typed_and_says_what_is_wrong_next_to_the_field() throws Exception {
        long before = count("select count(*) from programme_measurement");
        String fragment = mvc.perform(report("gep.towns-accounted", "12,3a", "2024-02-30")
                        .header("HX-Request", "true").with(csrf()).with(as("page-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("value=\"12,3a\"", "“12,3a”不是有效的数字", "value=\"2024-02-30\"",
                "“2024-02-30”不是有效日期", "aria-invalid=\"true\"", "镇里上报");
        String future = mvc.perform(report("gep.towns-accounted", "3", "2999-01-01")
                        .header("HX-Request", "true").with(csrf()).with(as("page-staff")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(future).contains("数据日期不能晚于今天");
        assertThat(count("select count(*) from programme_measurement")).isEqualTo(before);
    }

    @Test
    void a_file_that_is_not_a_pdf_or_an_image_is_refused_and_nothing_is_stored() throws Exception {
        long measurements = count("select count(*) from programme_measurement");
        String fragment = mvc.perform(report("gep.towns-accounted", "3", "2024-11-30",
                        new MockMultipartFile("evidence", "报告.pdf", "application/pdf", "MZ\u0090 a program".getBytes(StandardCharsets.ISO_8859_1)),
                        new MockMultipartFile("evidence", "照片.pdf", "application/pdf", PNG))
                        .header("HX-Request", "true").with(csrf()).with(as("page-staff")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("文件“报告.pdf”的内容不是可接受的格式（PDF、OFD、JPG、PNG、GIF、Word、Excel）。", "文件“照片.pdf”的扩展名与内容不符（内容是 .png 文件）。",
                "如需上传附件，请重新选择文件。");
        assertThat(count("select count(*) from programme_measurement")).isEqualTo(measurements);
        assertThat(count("select count(*) from programme_evidence where uploaded_by = 'page-staff'")).isZero();
    }

    @Test
    void a_file_over_the_size_limit_is_refused_with_its_name_and_the_limit() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        String fragment = mvc.perform(report("gep.towns-accounted", "3", "2024-11-30",
                        new MockMultipartFile("evidence", "航拍.png", "image/png", big))
                        .header("HX-Request", "true").with(csrf()).with(as("page-staff")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("文件“航拍.png”超过10MB。");
    }

    @Test
    void unit_staff_cannot_report_for_another_units_initiative_and_the_forged_request_is_audited() throws Exception {
        long before = denied("page-staff");
        // ip.design-days belongs to initiative 10, led by the market regulation bureau
        mvc.perform(report("ip.design-days", "30", "2024-11-30").header("HX-Request", "true").with(csrf()).with(as("page-staff")))
                .andExpect(status().isForbidden());
        assertThat(denied("page-staff")).isEqualTo(before + 1);
        assertThat(count("select count(*) from audit_entry where action = 'DENIED' and entity_type = 'measurement' "
                + "and entity_id = 'kaiping-2024/ip.design-days' and actor = 'page-staff'")).isPositive();
    }

    @Test
    void a_viewer_posting_the_report_form_is_refused_before_it_is_read_and_audited() throws Exception {
        long before = denied("page-viewer");
        mvc.perform(report("gep.towns-accounted", "3", "2024-11-30").with(csrf()).with(as("page-viewer")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("您无权对此事项进行该操作。")));
        assertThat(denied("page-viewer")).isEqualTo(before + 1);
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused_and_audited() throws Exception {
        long before = count("select count(*) from audit_entry where action = 'DENIED' and summary like 'CSRF%'");
        mvc.perform(report("gep.towns-accounted", "3", "2024-11-30").with(as("page-staff")))
                .andExpect(status().isForbidden());
        assertThat(count("select count(*) from audit_entry where action = 'DENIED' and summary like 'CSRF%'")).isEqualTo(before + 1);
    }

    @Test
    void the_start_page_shows_unit_staff_their_units_work_and_the_office_the_whole_programme() throws Exception {
        String staff = page("/", "page-staff");
        assertThat(staff).contains("现在需要赤水镇关注什么？", "本单位牵头或配合的攻坚任务", "逾期节点", "超过31天未填报的指标");
        assertThat(occurrences(staff, "class=\"initiative-row")).isEqualTo(2);
        String office = page("/", "admin");
        assertThat(office).contains("全市攻坚任务现在需要关注什么？");
        assertThat(occurrences(office, "class=\"initiative-row")).isEqualTo(11);
    }

    @Test
    void the_unit_page_lists_what_a_unit_leads_and_co_leads_and_its_open_items() throws Exception {
        String html = page("/units/chishui", "page-leader");
        assertThat(html).contains("开平市赤水镇", "牵头的攻坚任务（0项）", "配合的攻坚任务（2项）", "推进森林GEP核算与转化", "逾期节点");
        assertThat(page("/units/transport", "page-leader")).contains("牵头的攻坚任务（1项）", "创建“四好农村路”全国示范县");
    }

    @Test
    void the_chronicle_lists_events_by_month_and_the_honours_page_the_titles_with_their_level_and_stage() throws Exception {
        assertThat(page(PROGRAMME + "/chronicle", "page-viewer")).contains("2024年5月", "2024年8月23日",
                "开平首批森林GEP转化绿色生态百千万项目动工");
        assertThat(page(PROGRAMME + "/honours", "page-viewer")).contains("国家级", "已获评", "四好农村路");
    }

    @Test
    void the_language_switch_is_remembered_in_a_cookie() throws Exception {
        mvc.perform(get("/").param("lang", "en").with(as("page-viewer")))
                .andExpect(cookie().value("gongjian-lang", "en"))
                .andExpect(content().string(containsString("What needs attention across the programme now?")));
        mvc.perform(get(PROGRAMME).cookie(new Cookie("gongjian-lang", "en")).with(as("page-viewer")))
                .andExpect(content().string(allOf(containsString("Dashboard"), containsString("Initiatives (11)"),
                        containsString("at least 40 bn yuan"))));
    }

    @Test
    void no_page_has_inline_script_style_or_event_handlers_and_every_page_sends_a_strict_policy() throws Exception {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
        Pattern inlineHandler = Pattern.compile("\\son[a-z]+=\"");
        for (String path : new String[] {"/", PROGRAMME, PROGRAMME + "/initiatives/8", PROGRAMME + "/chronicle",
                PROGRAMME + "/honours", "/units/chishui", "/admin/programmes", "/admin/programmes/kaiping-2024/edit",
                "/admin/users", "/admin/units", "/admin/audit", "/account/tokens", "/account/password", "/reports",
                "/reports/kaiping-2024/review", "/reports/kaiping-2024/bulletin?month=2024-09", "/supervision",
                "/supervision/notices", "/assessment/kaiping-2024/rankings?period=2024-09",
                "/assessment/kaiping-2024/units/chishui?period=2024-09", "/ecology/accounts"}) {
            var response = mvc.perform(get(path).with(admin())).andExpect(status().isOk()).andReturn().getResponse();
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            assertThat(response.getHeader("Content-Security-Policy")).as(path)
                    .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(inlineScript.matcher(html).find()).as(path + " has an inline script").isFalse();
            assertThat(inlineHandler.matcher(html).find()).as(path + " has an inline event handler").isFalse();
            assertThat(html).as(path + " has an inline style").doesNotContain(" style=\"");
            assertThat(html).as(path + " turns htmx's inline indicator styles off").contains("\"includeIndicatorStyles\":false");
        }
    }
}
