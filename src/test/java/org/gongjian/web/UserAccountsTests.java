package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts by script and by Excel (the office only), each with a first password its owner must change at first
 * login: the pages lead them to the password form, the API refuses them until then; every account made is audited.
 */
@Transactional
class UserAccountsTests extends PageTestSupport {

    private MockHttpServletResponse create(String as, String body) throws Exception {
        return mvc.perform(post("/api/v1/users").with(as(as)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("账号");
            List<String> headers = List.of("用户名", "姓名", "角色", "单位编码", "初始密码");
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    row.createCell(i).setCellValue(rows.get(r).get(i));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void the_office_makes_an_account_by_script_which_must_change_its_password_at_first_login() throws Exception {
        String body = "{\"username\": \"api-chikan\", \"displayName\": \"赤坎镇 李四\", \"role\": \"UNIT_STAFF\","
                + " \"unit\": \"chikan\", \"password\": \"first-secret-42\"}";
        assertThat(create("page-staff", body).getStatus()).isEqualTo(403);
        MockHttpServletResponse made = create("admin", body);
        assertThat(made.getStatus()).isEqualTo(201);
        assertThat(made.getContentAsString(StandardCharsets.UTF_8)).contains("\"mustChangePassword\":true", "赤坎镇 李四");
        assertThat(count("select count(*) from audit_entry where entity_type = 'user' and entity_id = 'api-chikan'"))
                .isEqualTo(1);
        // the API refuses the office's password until its owner has chosen their own
        MockHttpServletResponse api = mvc.perform(get("/api/v1/programmes").with(httpBasic("api-chikan", "first-secret-42")))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("修改密码");
        // the pages lead to the password form, which itself opens
        assertThat(mvc.perform(get("/").with(as("api-chikan"))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/account/password?first");
        assertThat(mvc.perform(get("/account/password").param("first", "").with(as("api-chikan"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("请先设置自己的密码");
        mvc.perform(post("/account/password").with(as("api-chikan")).with(csrf()).param("currentPassword", "first-secret-42")
                .param("newPassword", "my-own-secret-7").param("repeatPassword", "my-own-secret-7"));
        assertThat(accounts.user("api-chikan").mustChangePassword()).isFalse();
        assertThat(mvc.perform(get("/api/v1/programmes").with(httpBasic("api-chikan", "my-own-secret-7")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void a_bad_account_row_refuses_the_whole_import_with_the_rows_problem_and_a_good_file_makes_them_all() throws Exception {
        byte[] bad = workbook(List.of(List.of("xls-one", "一号", "单位填报员", "chikan", "first-secret-42"),
                List.of("xls-two", "二号", "单位填报员", "", "first-secret-42")));
        MockHttpServletResponse refused = mvc.perform(multipart("/api/v1/imports/accounts")
                .file(new MockMultipartFile("file", "accounts.xlsx", null, bad)).with(as("admin"))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"row\":3");
        assertThat(accounts.findByUsername("xls-one")).isEmpty();
        byte[] good = workbook(List.of(List.of("xls-one", "一号", "单位填报员", "chikan", "first-secret-42"),
                List.of("xls-two", "二号", "查阅人员", "", "first-secret-42")));
        MockHttpServletResponse done = mvc.perform(multipart("/api/v1/imports/accounts")
                .file(new MockMultipartFile("file", "accounts.xlsx", null, good)).with(as("admin"))).andReturn().getResponse();
        assertThat(done.getStatus()).isEqualTo(200);
        assertThat(accounts.user("xls-one").mustChangePassword()).isTrue();
        assertThat(accounts.user("xls-two").displayName()).isEqualTo("二号");
        assertThat(mvc.perform(multipart("/api/v1/imports/accounts")
                .file(new MockMultipartFile("file", "accounts.xlsx", null, good)).with(as("page-staff")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @org.springframework.beans.factory.annotation.Autowired org.gongjian.supervision.NoticeManagement notices;

    @Test
    void a_notices_answer_is_signed_with_the_persons_name_not_their_login() throws Exception {
        var notice = notices.raise("kaiping-2024", new org.gongjian.supervision.NoticeManagement.ManualNotice("chishui", 8,
                "请报送进展", "赤水镇GEP核算进展未报送。", null, org.gongjian.supervision.NoticeLevel.values()[0], null));
        mvc.perform(multipart("/supervision/notices/" + notice.id() + "/answer").param("text", "已报送。")
                .with(as("page-staff")).with(csrf()));
        String html = mvc.perform(get("/supervision/notices/" + notice.id()).with(admin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("第1次反馈 · 赤水镇填报员 · ").doesNotContain("第1次反馈 · page-staff");
    }
}
