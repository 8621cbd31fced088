package org.gongjian.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Photos of a patrol from the phone: a chief uploads to their own patrol (page and API), each photo stored with
 * its SHA-256 and shown back; a page named like a photo is refused with nothing stored; nobody else adds to or
 * sees a chief's patrol; the office sees the photos on the patrol's page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RoadPatrolPhotosTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired RoadChiefs chiefs;
    @Value("${gongjian.data-dir}") Path dataDir;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @BeforeEach
    void chiefs() {
        TestUsers.ensure(accounts, organisation, "photo-office", "transport", Role.UNIT_STAFF);
        for (String chief : List.of("photo-chief", "photo-other-chief")) {
            TestUsers.ensure(accounts, organisation, chief, null, Role.ROAD_CHIEF);
            if (jdbc.sql("select count(*) from roads_chief where username = :u").param("u", chief).query(Long.class).single() == 0) {
                long township = jdbc.sql("select id from roads_chief where level = 'TOWNSHIP' and unit_code = 'chikan'")
                        .query(Long.class).list().get(0);
                chiefs.appoint(new RoadChiefs.NewChief(chief, ChiefLevel.VILLAGE, null, chief, "chikan", null, null, township,
                        LocalDate.now().minusDays(5)), false);
            }
        }
    }

    long patrolOf(String chief) throws Exception {
        mvc.perform(post("/roads/my/patrol").with(as(chief)).with(csrf())).andExpect(redirectedUrl("/roads/my/patrol"));
        return jdbc.sql("select id from roads_patrol where username = :u and status = 'OPEN'").param("u", chief)
                .query(Long.class).single();
    }

    static MockMultipartFile jpeg(String name) {
        return new MockMultipartFile("photos", name, "image/jpeg", RoadsContract.JPEG);
    }

    long photoFiles() throws Exception {
        Path roads = dataDir.resolve("roads");
        if (!Files.exists(roads)) {
            return 0;
        }
        try (var walk = Files.walk(roads)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void a_chief_adds_photos_to_the_running_patrol_from_the_phone_page_and_sees_them() throws Exception {
        long patrol = patrolOf("photo-chief");
        mvc.perform(get("/roads/my/patrol").with(as("photo-chief")))
                .andExpect(content().string(containsString("/roads/my/patrols/" + patrol + "/photos")));
        mvc.perform(multipart("/roads/my/patrols/" + patrol + "/photos").file(jpeg("路面.jpg")).file(jpeg("标志.jpg"))
                        .with(as("photo-chief")).with(csrf()))
                .andExpect(redirectedUrl("/roads/my/patrols/" + patrol + "/photos"))
                .andExpect(flash().attribute("saved", "照片已上传，本次巡查共 2 张。"));
        List<Map<String, Object>> rows = jdbc.sql("select id, file_name, sha256, size_bytes, storage_key from roads_photo "
                + "where owner_kind = 'PATROL' and owner_id = :p order by id").param("p", patrol).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("file_name")).containsExactly("路面.jpg", "标志.jpg");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(RoadsContract.JPEG));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("sha256")).isEqualTo(sha);
            assertThat(((Number) r.get("size_bytes")).intValue()).isEqualTo(RoadsContract.JPEG.length);
            assertThat(Files.readAllBytes(dataDir.resolve((String) r.get("storage_key")))).isEqualTo(RoadsContract.JPEG);
        });
        long photo = ((Number) rows.get(0).get("id")).longValue();
        mvc.perform(get("/roads/my/patrols/" + patrol + "/photos").with(as("photo-chief"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已上传照片 2 张")))
                .andExpect(content().string(containsString("/roads/my/photos/" + photo)));
        mvc.perform(get("/roads/my/photos/" + photo).with(as("photo-chief"))).andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg")).andExpect(content().bytes(RoadsContract.JPEG));
        // the office sees them on the patrol's page, linked from the chiefs page
        mvc.perform(get("/roads/chiefs").with(as("photo-office"))).andExpect(content().string(containsString("/roads/patrols/" + patrol)));
        mvc.perform(get("/roads/patrols/" + patrol).with(as("photo-office"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/roads/photos/" + photo)))
                .andExpect(content().string(containsString("已上传照片 2 张")));
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'roads-patrol' and entity_id = :p and summary = 'photos'")
                .param("p", String.valueOf(patrol)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_page_named_like_a_photo_is_refused_and_nothing_of_the_upload_is_kept() throws Exception {
        long patrol = patrolOf("photo-chief");
        long filesBefore = photoFiles();
        MockMultipartFile page = new MockMultipartFile("photos", "photo.jpg", "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/roads/my/patrols/" + patrol + "/photos").file(jpeg("good.jpg")).file(page)
                        .with(as("photo-chief")).with(csrf()))
                .andExpect(redirectedUrl("/roads/my/patrols/" + patrol + "/photos"))
                .andExpect(flash().attribute("errors", List.of("“photo.jpg”不是JPEG或PNG照片")));
        mvc.perform(multipart("/roads/my/patrols/" + patrol + "/photos").with(as("photo-chief")).with(csrf()))
                .andExpect(flash().attribute("errors", List.of("至少需要一张照片")));
        assertThat(jdbc.sql("select count(*) from roads_photo where owner_kind = 'PATROL' and owner_id = :p").param("p", patrol)
                .query(Integer.class).single()).isZero();
        assertThat(photoFiles()).isEqualTo(filesBefore);
    }

    @Test
    void nobody_adds_to_or_looks_at_another_chiefs_patrol() throws Exception {
        long patrol = patrolOf("photo-chief");
        mvc.perform(multipart("/roads/my/patrols/" + patrol + "/photos").file(jpeg("x.jpg")).with(as("photo-other-chief")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/roads/my/patrols/" + patrol + "/photos").with(as("photo-other-chief"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/roads/patrols/" + patrol + "/photos").with(httpBasic("photo-other-chief", TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/roads/patrols/" + patrol).with(as("photo-other-chief"))).andExpect(status().isForbidden());
    }

    @Test
    void the_api_takes_a_patrols_photos_and_lists_them_with_their_hash() throws Exception {
        long patrol = patrolOf("photo-other-chief");
        mvc.perform(multipart("/api/v1/roads/patrols/" + patrol + "/photos").file(jpeg("api.jpg"))
                        .with(httpBasic("photo-other-chief", TestUsers.PASSWORD)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$[0].fileName").value("api.jpg"))
                .andExpect(jsonPath("$[0].sha256").value(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(RoadsContract.JPEG))));
        mvc.perform(multipart("/api/v1/roads/patrols/" + patrol + "/photos").with(httpBasic("photo-other-chief", TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("photos"));
        mvc.perform(get("/api/v1/roads/patrols/" + patrol + "/photos").with(httpBasic("photo-other-chief", TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
    }
}
