package org.gongjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.reporting.Workbooks.row;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongjian.programme.MeasurementRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** A sheet of a few hundred measurements is written whole, on H2 and on PostgreSQL, every value as read. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ReportingFixtures
@RecordApplicationEvents
abstract class BulkImportContract {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    @Test
    void a_sheet_of_250_rows_is_written_whole_with_every_value_date_and_note_as_read() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            // synthetic figures jump from row to row: each row confirms its figure (ADR 0026)
            rows.add(row(i + 1, i % 2 == 0 ? "volunteers.teams" : "hydrogen.investment", "", i % 2 == 0 ? "支" : "万元",
                    i + 0.25, LocalDate.of(2024, 12, 6).plusDays(i % 7), i % 3 == 0 ? null : "第" + (i + 1) + "行", "是",
                    "批量测试数据"));
        }
        byte[] file = Workbooks.xlsx(new Workbooks.SheetSpec("进展数据", null,
                List.of("序号", "指标编码", "指标名称", "计量单位", "数值", "截至日期", "备注", "确认无误", "原因"), rows));
        mvc.perform(multipart("/api/v1/programmes/kaiping-2024/imports/measurements")
                        .file(new MockMultipartFile("file", "batch-250.xlsx", null, file))
                        .with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(250));
        var stored = jdbc.sql("""
                select count(*) as n, sum(m.measured_value) as total, count(m.note) as notes, min(m.as_of) as first_day,
                       max(m.as_of) as last_day from programme_measurement m where m.source_ref = 'batch-250.xlsx'""")
                .query().singleRow();
        assertThat(((Number) stored.get("n")).intValue()).isEqualTo(250);
        // 125 team counts 0.25, 2.25 … and 125 amounts in 万元 (1.25, 3.25 …) × 10000
        BigDecimal teams = BigDecimal.ZERO;
        BigDecimal yuan = BigDecimal.ZERO;
        for (int i = 0; i < 250; i++) {
            BigDecimal v = BigDecimal.valueOf(i + 0.25);
            if (i % 2 == 0) {
                teams = teams.add(v);
            } else {
                yuan = yuan.add(v.multiply(BigDecimal.valueOf(10000)));
            }
        }
        assertThat((BigDecimal) stored.get("total")).isEqualByComparingTo(teams.add(yuan));
        assertThat(((Number) stored.get("notes")).intValue()).isEqualTo(250 - 84);
        assertThat(stored.get("first_day").toString()).isEqualTo("2024-12-06");
        assertThat(stored.get("last_day").toString()).isEqualTo("2024-12-12");

        // supervision hears once per target, of its newest row, by the id it was stored under
        List<MeasurementRecorded> heard = events.stream(MeasurementRecorded.class).toList();
        assertThat(heard).hasSize(2);
        for (MeasurementRecorded e : heard) {
            var newest = jdbc.sql("""
                    select m.id, m.as_of from programme_measurement m where m.source_ref = 'batch-250.xlsx'
                       and m.target_id = :target order by m.as_of desc, m.id desc limit 1""")
                    .param("target", e.targetId()).query().singleRow();
            assertThat(e.measurementId()).isEqualTo(((Number) newest.get("id")).longValue());
            assertThat(e.asOf().toString()).isEqualTo(newest.get("as_of").toString()).isEqualTo("2024-12-12");
        }
    }

    /**
     * The same file sent twice at once by the same person (a double click, a client's retry while the first is
     * still running) is written once: the import claims the file before any work, so the other request is refused
     * with 409 while the first runs, or answered with the first result (repeatOf) once it has ended. Three rounds,
     * each with a file of its own.
     */
    @Test
    void the_same_file_imported_twice_at_once_by_the_same_person_is_written_once() throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String name = "twice-at-once-" + round + "-" + System.nanoTime() + ".xlsx";
                List<List<Object>> rows = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    rows.add(row(i + 1, "volunteers.teams", "", "支", round * 1000 + i, LocalDate.of(2024, 12, 6), name));
                }
                byte[] file = Workbooks.xlsx(new Workbooks.SheetSpec("进展数据", null,
                        List.of("序号", "指标编码", "指标名称", "计量单位", "数值", "截至日期", "备注"), rows));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>> answers =
                        new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    answers.add(two.submit(() -> {
                        together.await();
                        return mvc.perform(multipart("/api/v1/programmes/kaiping-2024/imports/measurements")
                                        .file(new MockMultipartFile("file", name, null, file))
                                        .with(httpBasic("admin", "test-admin-secret")))
                                .andReturn().getResponse();
                    }));
                }
                List<String> outcomes = new ArrayList<>();
                for (var answer : answers) {
                    var response = answer.get();
                    String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
                    if (response.getStatus() == 409) {
                        assertThat(body).contains("正在导入中");
                        outcomes.add("refused while running");
                    } else {
                        assertThat(response.getStatus()).as(body).isEqualTo(200);
                        assertThat(body).contains("\"written\":200");
                        outcomes.add(body.contains("\"repeatOf\":null") || !body.contains("\"repeatOf\"")
                                ? "written" : "first result again");
                    }
                }
                assertThat(outcomes).as("round %d", round).containsOnlyOnce("written");
                assertThat(jdbc.sql("select count(*) from programme_measurement where source_ref = :name")
                        .param("name", name).query(Long.class).single()).as("rows of round %d", round).isEqualTo(200);
            }
        } finally {
            two.shutdownNow();
        }
    }
}
