package org.gongjian.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Export → import into an empty database → export gives the same document; a bad document writes nothing. */
@SpringBootTest(properties = "gongjian.test.context=round-trip")
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class RoundTripContract {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    private String export() throws Exception {
        return mvc.perform(get("/api/v1/programmes/kaiping-2024/export").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void emptyTheDatabase() {
        for (String sql : new String[] {
                "delete from programme_event_unit", "delete from programme_event", "delete from programme_honour_body",
                "delete from programme_honour", "delete from programme_milestone",
                "delete from programme_figure_day", "update programme_measurement set supersedes_id = null",
                "delete from programme_measurement",
                "delete from programme_target_point", "delete from programme_target",
                "delete from programme_initiative_unit", "delete from programme_initiative_tag",
                "delete from programme_initiative_figure", "delete from programme_initiative_photo",
                "delete from programme_initiative", "delete from programme_category", "delete from programme_slogan",
                "delete from programme", "update organisation_unit set parent_id = null", "delete from organisation_unit"}) {
            jdbc.sql(sql).update();
        }
    }

    @Test
    void export_import_into_an_empty_database_and_export_again_gives_the_same_document() throws Exception {
        String first = export();
        emptyTheDatabase();
        assertThat(jdbc.sql("select count(*) from organisation_unit").query(Long.class).single()).isZero();

        String broken = first.replace("\"leadUnit\":\"education\"", "\"leadUnit\":\"no-such-bureau\"")
                .replace("\"deadline\":\"2035-12-31\"", "\"deadline\":\"2019-12-31\"");
        mvc.perform(post("/api/v1/programmes/import").contentType(MediaType.APPLICATION_JSON).content(broken)
                        .with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='initiatives[7].initiative.leadUnit')]").exists());
        assertThat(jdbc.sql("select count(*) from programme").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from organisation_unit").query(Long.class).single()).isZero();

        mvc.perform(post("/api/v1/programmes/import").contentType(MediaType.APPLICATION_JSON).content(first)
                        .with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isCreated());
        assertThat(export()).isEqualTo(first);
    }
}
