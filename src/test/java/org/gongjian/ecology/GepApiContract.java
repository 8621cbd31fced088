package org.gongjian.ecology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.ecology.raster.TestRasters;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The GEP API as a script uses it, on H2 and on PostgreSQL, with the demo accounts loaded. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class GepApiContract {

    static final String API = "/api/v1/ecology";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;

    static RequestPostProcessor admin() {
        return httpBasic("admin", "test-admin-secret");
    }

    static RequestPostProcessor as(String user) {
        return httpBasic(user, "staff-secret-1");
    }

    @BeforeEach
    void users() {
        if (accounts.findByUsername("forestry-clerk").isEmpty()) {
            accounts.create("forestry-clerk", "林业局填报员", "staff-secret-1",
                    organisation.unit("natural-resources").id(), Set.of(Role.UNIT_STAFF));
            accounts.create("chishui-gep", "赤水镇填报员", "staff-secret-1", organisation.unit("chishui").id(),
                    Set.of(Role.UNIT_STAFF));
            accounts.create("gep-viewer", "查阅人员", "staff-secret-1", null, Set.of(Role.VIEWER));
        }
    }

    static String example() throws Exception {
        return new ClassPathResource("ecology/example-request.json").getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockMultipartFile[] rasterParts(Path folder) throws Exception {
        java.util.List<MockMultipartFile> parts = new java.util.ArrayList<>();
        var files = TestRasters.exampleFolder(folder);
        parts.add(new MockMultipartFile("request", "", MediaType.APPLICATION_JSON_VALUE,
                Files.readAllBytes(folder.resolve("request.json"))));
        for (Path f : files.values()) {
            parts.add(new MockMultipartFile("layers", f.getFileName().toString(), "image/tiff", Files.readAllBytes(f)));
        }
        return parts.toArray(MockMultipartFile[]::new);
    }

    @Test
    void uploaded_geotiffs_are_accounted_per_town_and_forest_type(@TempDir Path dir) throws Exception {
        var request = multipart(API + "/gep/evaluate").with(as("chishui-gep"));
        for (MockMultipartFile part : rasterParts(dir)) {
            request.file(part);
        }
        mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.forestPixels").value(1200))
                .andExpect(jsonPath("$.crs").value("EPSG:32649"))
                .andExpect(jsonPath("$.result.towns[*].town").value(hasItems("chishui", "jinji")))
                .andExpect(jsonPath("$.result.forestTypes[?(@.town == 'jinji')].forestType").value(hasItem("CHINESE_FIR")))
                .andExpect(jsonPath("$.result.lines[?(@.code == 'SOIL_FIXATION')].name").value(hasItem("固土")));
    }

    @Test
    void a_raster_account_is_stored_with_its_layers_digests_and_value_maps_that_add_up_to_its_total(@TempDir Path dir)
            throws Exception {
        MockMultipartFile[] parts = rasterParts(dir);
        String code = "api-raster-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String body = "{\"code\":\"" + code + "\",\"name\":\"两镇2023年度栅格核算\",\"request\":"
                + Files.readString(dir.resolve("request.json")) + "}";
        var create = multipart(API + "/accounts").with(as("forestry-clerk"))
                .file(new MockMultipartFile("account", "", MediaType.APPLICATION_JSON_VALUE,
                        body.getBytes(StandardCharsets.UTF_8)));
        for (MockMultipartFile part : parts) {
            if (part.getName().equals("layers")) {
                create.file(part);
            }
        }
        mvc.perform(create)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", API + "/accounts/" + code))
                .andExpect(jsonPath("$.kind").value("RASTER"))
                .andExpect(jsonPath("$.versions[0].status").value("DRAFT"))
                .andExpect(jsonPath("$.versions[0].towns[*].town").value(hasItems("chishui", "jinji")));
        String npp = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve("npp.tif"))));
        mvc.perform(get(API + "/accounts/" + code + "/versions/1/raster").with(as("gep-viewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.width").value(40))
                .andExpect(jsonPath("$.crs").value("EPSG:32649"))
                .andExpect(jsonPath("$.forestPixels").value(1200))
                .andExpect(jsonPath("$.layers.length()").value(10))
                .andExpect(jsonPath("$.layers[?(@.layer == 'NPP')].sha256").value(hasItem(npp)))
                .andExpect(jsonPath("$.maps[*].service").value(hasItems("TOTAL", "PREVIEW", "WATER_REGULATION")))
                .andExpect(jsonPath("$.maps[?(@.service == 'TOTAL')].href")
                        .value(hasItem(API + "/accounts/" + code + "/versions/1/maps/TOTAL")));
        String result = mvc.perform(get(API + "/accounts/" + code + "/versions/1/result").with(as("gep-viewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.forestTypes[?(@.town == 'jinji')].forestType").value(hasItem("CHINESE_FIR")))
                .andReturn().getResponse().getContentAsString();
        double total = com.jayway.jsonpath.JsonPath.<Number>read(result, "$.totals.total").doubleValue();
        byte[] tif = mvc.perform(get(API + "/accounts/" + code + "/versions/1/maps/TOTAL").with(as("gep-viewer")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/tiff"))
                .andReturn().getResponse().getContentAsByteArray();
        Path file = Files.write(dir.resolve("downloaded-total.tif"), tif);
        try (var store = org.apache.sis.storage.DataStores.open(file)) {
            var data = ((org.apache.sis.storage.geotiff.GeoTiffStore) store).components().get(0).read(null).render(null)
                    .getData();
            double sum = java.util.Arrays.stream(data.getSamples(0, 0, 40, 30, 0, (double[]) null)).sum();
            assertThat(sum).isCloseTo(total, org.assertj.core.data.Offset.offset(total * 1e-6));
        }
        // a town's clerk may not write accounts (the forestry department's), and nothing is stored for them
        var refused = multipart(API + "/accounts").with(as("chishui-gep")).file(new MockMultipartFile("account", "",
                MediaType.APPLICATION_JSON_VALUE, body.replace(code, code + "-town").getBytes(StandardCharsets.UTF_8)));
        for (MockMultipartFile part : parts) {
            if (part.getName().equals("layers")) {
                refused.file(part);
            }
        }
        mvc.perform(refused).andExpect(status().isForbidden());
        mvc.perform(get(API + "/accounts/" + code + "-town").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get(API + "/accounts/chishui-2023-gep/versions/1/raster").with(as("gep-viewer")))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_layer_on_another_grid_is_refused_with_the_layer_named(@TempDir Path dir) throws Exception {
        MockMultipartFile[] parts = rasterParts(dir);
        TestRasters.write(dir.resolve("npp.tif"), TestRasters.grid(40, 30, 10, TestRasters.X0 + 5, TestRasters.Y0,
                TestRasters.UTM_49N), TestRasters.filled(1200, 10));
        var request = multipart(API + "/gep/evaluate").with(as("chishui-gep"));
        for (MockMultipartFile part : parts) {
            request.file(part.getOriginalFilename().equals("npp.tif") ? new MockMultipartFile("layers", "npp.tif",
                    "image/tiff", Files.readAllBytes(dir.resolve("npp.tif"))) : part);
        }
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("layers"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("净初级生产力NPP图层的左上角为(700005, 2480000)，与土地覆被图层的(700000, 2480000)不同"));
        var unknown = multipart(API + "/gep/evaluate").with(as("chishui-gep")).file(parts[0])
                .file(new MockMultipartFile("layers", "rain.tif", "image/tiff", new byte[] {1, 2}));
        mvc.perform(unknown).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("文件名“rain.tif”不是已知图层")));
    }

    @Test
    void the_documented_example_evaluates_to_every_service_line_with_prices_and_sources() throws Exception {
        mvc.perform(post(API + "/gep/evaluate").with(as("chishui-gep")).contentType(MediaType.APPLICATION_JSON)
                        .content(example()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.method").value("GBT_38582_2020"))
                .andExpect(jsonPath("$.lines[?(@.code == 'WATER_REGULATION')].name").value(hasItem("调节水量")))
                .andExpect(jsonPath("$.lines[?(@.code == 'WATER_REGULATION')].unit").value(hasItem("m³")))
                .andExpect(jsonPath("$.lines[?(@.code == 'CARBON_FIXATION')].parameters[0]").value(hasItem("C_CARBON")))
                .andExpect(jsonPath("$.parameters[?(@.code == 'C_RESERVOIR')].status").value(hasItem("C")))
                .andExpect(jsonPath("$.parameters[?(@.code == 'C_RESERVOIR')].adjustment").value(hasItem("D_FACTOR")))
                .andExpect(jsonPath("$.parameters[?(@.code == 'C_RESERVOIR')].baseYear").value(hasItem(2005)))
                .andExpect(jsonPath("$.totals.byCategory[*].name").value(hasItems("物质产品", "调节服务", "文化服务")))
                .andExpect(jsonPath("$.carbonSink.note").value("碳汇量为存量变化，与GEP固碳（流量）分别列示，不计入GEP"))
                .andExpect(jsonPath("$.notices[*].message").value(hasItem("1 个小班的地表径流按径流系数推算（首个：CS-001）")));
    }

    @Test
    void an_invalid_request_gets_field_errors_in_the_readers_language() throws Exception {
        String bad = example().replace("\"area\": 12.5", "\"area\": -12.5")
                .replace("\"forestType\": \"EUCALYPTUS\"", "\"forestType\": \"EUCALYPTOS\"")
                .replace("\"erosionWithForest\": \"t/(km²·a)\"", "\"erosionWithForest\": \"m³\"");
        mvc.perform(post(API + "/gep/evaluate").with(admin()).contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("columnUnits.erosionWithForest",
                        "stands[0].area", "stands[1].forestType")))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem("面积不能为负数")));
        mvc.perform(post(API + "/gep/evaluate").with(admin()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem("unknown forest type EUCALYPTOS")));
        mvc.perform(post(API + "/gep/evaluate").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(example().replace("\"town\": \"chishui\"", "\"town\": \"atlantis\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("镇街编码 atlantis 不是本市的单位"));
        mvc.perform(post(API + "/gep/evaluate").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(example().replace("\"GBT_38582_2020\"", "\"GBT_1999\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("method"));
    }

    @Test
    void the_demo_accounts_are_published_and_feed_the_town_targets_of_item_8() throws Exception {
        mvc.perform(get(API + "/accounts").with(as("gep-viewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].code").value(hasItems("chishui-2023-gep", "jinji-2023-gep")))
                .andExpect(jsonPath("$.content[?(@.code == 'chishui-2023-gep')].demo").value(hasItem(true)))
                .andExpect(jsonPath("$.content[?(@.code == 'chishui-2023-gep')].versions[0].status").value(hasItem("PUBLISHED")))
                .andExpect(jsonPath("$.content[?(@.code == 'chishui-2023-gep')].versions[0].publishedOn")
                        .value(hasItem("2024-08-23")))
                // the demo raster account is kept as a draft: it does not replace the stand accounts' town figures
                .andExpect(jsonPath("$.content[?(@.code == 'chishui-jinji-2023-raster')].kind").value(hasItem("RASTER")))
                .andExpect(jsonPath("$.content[?(@.code == 'chishui-jinji-2023-raster')].versions[0].status")
                        .value(hasItem("DRAFT")));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select count(*) from programme_measurement m join programme_target t on t.id = m.target_id
                where t.code like 'gep.%' and m.source = 'LEDGER' and m.as_of = date '2024-08-23'""").query(Long.class)
                .single() == 6);
        mvc.perform(get("/api/v1/programmes/kaiping-2024/targets/gep.chishui-total/measurements").with(admin()))
                .andExpect(jsonPath("$.content[?(@.asOf == '2024-08-23')].reporter").value(hasItem("ledger:ecology")))
                .andExpect(jsonPath("$.content[?(@.asOf == '2024-08-23')].value").value(hasItem(1529265610.278952)));
    }

    @Test
    void the_forestry_department_creates_recomputes_and_publishes_and_a_published_version_stays_as_it_is() throws Exception {
        String body = "{\"code\":\"chishui-test\",\"name\":\"赤水镇测试账户\",\"request\":" + example() + "}";
        mvc.perform(post(API + "/accounts").with(as("chishui-gep")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and entity_type = 'ecology-account'")
                .query(Long.class).single()).isPositive();
        mvc.perform(post(API + "/accounts").with(as("gep-viewer")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post(API + "/accounts").with(as("forestry-clerk")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.versions[0].status").value("DRAFT"));
        mvc.perform(post(API + "/accounts").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());
        mvc.perform(post(API + "/accounts/chishui-test/versions/1/publish").with(as("forestry-clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(post(API + "/accounts/chishui-test/versions/1/publish").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict());
        mvc.perform(post(API + "/accounts/chishui-test/versions").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"参数表更新后重算\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(2))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(get(API + "/accounts/chishui-test").with(admin()))
                .andExpect(jsonPath("$.versions[0].status").value("PUBLISHED"))
                .andExpect(jsonPath("$.versions[1].note").value("参数表更新后重算"));
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_id like 'chishui-test%'").query(Long.class)
                .single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void the_workbook_holds_the_physical_and_value_tables_the_parameters_and_the_carbon_sink() throws Exception {
        byte[] xlsx = mvc.perform(get(API + "/accounts/chishui-2023-gep/versions/1/workbook").with(as("gep-viewer")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("chishui-2023-gep-v1.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("实物量表");
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("价值量表");
            assertThat(wb.getSheet("参数表").getRow(3).getCell(0).getStringCellValue()).isNotBlank();
            assertThat(wb.getSheet("碳汇")).isNotNull();
            assertThat(wb.getSheet("实物量表").getRow(0).getCell(0).getStringCellValue()).contains("演示数据");
            assertThat(wb.getSheet("价值量表").getRow(3).getCell(1).getStringCellValue()).isEqualTo("调节水量");
        }
        mvc.perform(get(API + "/accounts/chishui-2023-gep/versions/1/request").with(admin()))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.stands[0].town").value("chishui"));
    }
}
