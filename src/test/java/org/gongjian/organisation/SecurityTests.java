package org.gongjian.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Logins, sessions, browser protections and API credentials, as an attacker and a user would meet them. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SecurityTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    private void person(String username) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(username, "测试用户", "right-password-1", null, Set.of(Role.VIEWER));
        }
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String username,
            String password) {
        return post("/login").param("username", username).param("password", password).with(csrf());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void five_wrong_passwords_lock_the_account_for_the_window_even_against_the_right_password() throws Exception {
        person("throttle-account");
        for (int i = 0; i < 5; i++) {
            mvc.perform(login("throttle-account", "wrong-" + i).with(from("10.1.0." + i)))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login("throttle-account", "right-password-1").with(from("10.1.0.9")))
                .andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(get("/login").param("throttled", "")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("登录失败次数过多，请15分钟后再试。")));
        // the same account by HTTP Basic is throttled too, and told when to come back
        mvc.perform(get("/api/v1/programmes").with(httpBasic("throttle-account", "right-password-1")).with(from("10.1.0.10")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.title").value("尝试次数过多"));
    }

    @Test
    void twenty_failures_from_one_address_lock_that_address_for_every_account_but_not_others() throws Exception {
        person("throttle-address");
        for (int i = 0; i < 20; i++) {
            mvc.perform(login("guess-" + i, "x").with(from("10.2.0.1")))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login("throttle-address", "right-password-1").with(from("10.2.0.1")))
                .andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(login("throttle-address", "right-password-1").with(from("10.2.0.2")))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select count(*) from organisation_login_failure where kind = 'ADDRESS' and subject = '10.2.0.1'")
                .query(Long.class).single()).isEqualTo(20);
    }

    @Test
    void a_successful_login_gets_a_new_session_id_and_logout_ends_the_session() throws Exception {
        person("session-user");
        MockHttpSession before = new MockHttpSession();
        String beforeId = before.getId();
        MockHttpSession after = (MockHttpSession) mvc.perform(login("session-user", "right-password-1").with(from("10.3.0.1")).with(request -> {
                            request.setSession(before);
                            return request;
                        }))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(beforeId);
        mvc.perform(get("/").session(after)).andExpect(status().isOk());
        mvc.perform(post("/logout").with(csrf()).session(after)).andExpect(redirectedUrl("/login?logout"));
        assertThat(after.isInvalid()).isTrue();
    }

    @Test
    void pages_and_api_send_the_security_headers_and_https_gets_strict_transport() throws Exception {
        for (String path : new String[] {"/login", "/api/v1/programmes"}) {
            mvc.perform(get(path).secure(true).with(user(users.loadUserByUsername("admin"))))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                    .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")))
                    .andExpect(header().string("Permissions-Policy", containsString("camera=()")));
        }
        mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
        // Swagger UI, a library's page, may apply inline styles but still runs no inline script
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(header().string("Content-Security-Policy", containsString("style-src 'self' 'unsafe-inline';")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")));
        // a report downloaded as HTML keeps its own style sheet but runs nothing
        mvc.perform(get("/api/v1/programmes/kaiping-2024/review").param("format", "html")
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'; style-src 'unsafe-inline'")));
    }

    @Test
    void an_htmx_request_without_a_session_is_told_to_go_to_the_login_page() throws Exception {
        mvc.perform(get("/programmes/kaiping-2024").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
        mvc.perform(get("/programmes/kaiping-2024")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void a_personal_token_opens_the_api_until_it_is_revoked_and_only_its_digest_is_stored() throws Exception {
        person("token-user");
        var me = user(users.loadUserByUsername("token-user"));
        String secret = newToken(me, "台账同步脚本");
        mvc.perform(get("/api/v1/programmes").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content[0].code").value("kaiping-2024"));
        // a viewer's token cannot write
        mvc.perform(post("/api/v1/programmes/import").header("Authorization", "Bearer " + secret)
                .contentType("application/json").content("{}")).andExpect(status().isForbidden());
        var stored = jdbc.sql("select token_hash, token_hint, id from organisation_api_token where name = '台账同步脚本'")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        assertThat(stored[0]).isEqualTo(ApiTokens.hash(secret)).isNotEqualTo(secret);
        assertThat(secret).startsWith(stored[1].replace("…", ""));
        assertThat(jdbc.sql("select count(*) from audit_entry where after_json like :secret or before_json like :secret")
                .param("secret", "%" + secret.substring(3) + "%").query(Long.class).single()).isZero();
        mvc.perform(post("/account/tokens/" + stored[2] + "/revoke").with(csrf()).with(me))
                .andExpect(redirectedUrl("/account/tokens"));
        mvc.perform(get("/api/v1/programmes").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(header().stringValues("WWW-Authenticate", org.hamcrest.Matchers.hasItem(containsString("Bearer"))));
    }

    /** Makes a personal token on the account page and reads its secret, which the page shows this once. */
    private String newToken(RequestPostProcessor owner, String name) throws Exception {
        String page = mvc.perform(post("/account/tokens").param("name", name).with(csrf()).with(owner))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("id=\"token-secret\">(gj_[A-Za-z0-9_-]{43})<").matcher(page);
        assertThat(m.find()).as("the token is shown once").isTrue();
        return m.group(1);
    }

    /**
     * The token cache keeps a token's account for 5 s between calls; a change by the office (roles taken away, the
     * account disabled) still answers on the very next call.
     */
    @Test
    void a_token_follows_the_offices_change_of_its_account_on_the_next_call() throws Exception {
        person("token-changed");
        String bearer = "Bearer " + newToken(user(users.loadUserByUsername("token-changed")), "变更测试");
        mvc.perform(get("/api/v1/programmes").header("Authorization", bearer)).andExpect(status().isOk());

        // the viewer becomes a volunteer, who does not read the programme
        TestUsers.asOffice(users, () -> accounts.update("token-changed",
                new AccountData("token-changed", "测试用户", null, Set.of(Role.VOLUNTEER), true), null));
        mvc.perform(get("/api/v1/programmes").header("Authorization", bearer)).andExpect(status().isForbidden());

        TestUsers.asOffice(users, () -> accounts.update("token-changed",
                new AccountData("token-changed", "测试用户", null, Set.of(Role.VIEWER), true), null));
        mvc.perform(get("/api/v1/programmes").header("Authorization", bearer)).andExpect(status().isOk());
        TestUsers.asOffice(users, () -> accounts.update("token-changed",
                new AccountData("token-changed", "测试用户", null, Set.of(Role.VIEWER), false), null));
        mvc.perform(get("/api/v1/programmes").header("Authorization", bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void someone_elses_token_cannot_be_revoked_and_the_attempt_is_audited() throws Exception {
        person("token-owner");
        person("token-thief");
        newToken(user(users.loadUserByUsername("token-owner")), "别人的令牌");
        long id = jdbc.sql("select id from organisation_api_token where name = '别人的令牌'").query(Long.class).single();
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(csrf()).with(user(users.loadUserByUsername("token-thief"))))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and actor = 'token-thief' "
                + "and entity_type = 'api-token'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_api_refuses_a_read_only_role_writing_before_reading_the_body_and_audits_it() throws Exception {
        person("api-viewer");
        mvc.perform(post("/api/v1/programmes").contentType("application/json").content("{not json")
                        .with(httpBasic("api-viewer", "right-password-1")).with(from("10.4.0.1")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("无权操作"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and actor = 'api-viewer' "
                + "and entity_id = 'POST /api/v1/programmes'").query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/programmes").header("Authorization", "Bearer gj_made-up"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_user_changes_their_password_only_with_the_current_one_and_by_the_rules() throws Exception {
        person("password-user");
        var me = user(users.loadUserByUsername("password-user"));
        String html = mvc.perform(post("/account/password").with(csrf()).with(me).param("currentPassword", "wrong")
                        .param("newPassword", "password-user-2").param("repeatPassword", "password-user-3"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("两次输入的密码不一致。");
        html = mvc.perform(post("/account/password").with(csrf()).with(me).param("currentPassword", "wrong")
                        .param("newPassword", "password-user-2").param("repeatPassword", "password-user-2"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("当前密码不正确。", "密码不能包含用户名。");
        mvc.perform(post("/account/password").with(csrf()).with(me).param("currentPassword", "right-password-1")
                        .param("newPassword", "新的密码-2024-开平").param("repeatPassword", "新的密码-2024-开平"))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(login("password-user", "新的密码-2024-开平").with(from("10.5.0.1")))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select password_hash from organisation_user where username = 'password-user'")
                .query(String.class).single()).startsWith("{bcrypt}");
    }
}
