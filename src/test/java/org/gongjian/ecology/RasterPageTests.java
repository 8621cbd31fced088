package org.gongjian.ecology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gongjian.ecology.raster.Layer;
import org.gongjian.ecology.raster.RasterAccounting;
import org.gongjian.ecology.raster.RasterRequest;
import org.gongjian.ecology.raster.TestRasters;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raster pages: the demo raster account listed and shown with its map on first start; a trial of uploaded
 * layers (nothing kept); an account kept from the page and shown with its map, tables, layers' SHA-256 and map
 * downloads; refusals that keep nothing, not even the maps already written when the transaction fails.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RasterPageTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired RasterAccounts rasterAccounts;
    @Autowired TransactionTemplate tx;
    @Autowired JsonMapper json;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;
    @Value("${gongjian.data-dir}") Path dataDir;

    @BeforeEach
    void users() {
        if (accounts.findByUsername("raster-forestry").isEmpty()) {
            accounts.create("raster-forestry", "林业局核算员", "staff-secret-1", organisation.unit("natural-resources").id(),
                    Set.of(Role.UNIT_STAFF));
            accounts.create("raster-town", "赤水镇填报员", "staff-secret-1", organisation.unit("chishui").id(),
                    Set.of(Role.UNIT_STAFF));
        }
    }

    private static RequestPostProcessor viewer() {
        return user("viewer").authorities(Role.VIEWER.permissions().stream()
                .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList());
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private MockMultipartHttpServletRequestBuilder upload(String path, Path folder, Map<Layer, Path> files)
            throws Exception {
        MockMultipartHttpServletRequestBuilder b = multipart(path);
        b.file(new MockMultipartFile("request", "request.json", "application/json",
                Files.readAllBytes(folder.resolve("request.json"))));
        for (Path f : files.values()) {
            b.file(new MockMultipartFile("layers", f.getFileName().toString(), "image/tiff", Files.readAllBytes(f)));
        }
        b.with(csrf());
        return b;
    }

    /** Every file kept under the data folder's value maps. */
    private Set<Path> keptMaps() throws Exception {
        Path maps = dataDir.resolve(RasterAccounts.MAPS_FOLDER);
        if (!Files.exists(maps)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(maps)) {
            return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toSet());
        }
    }

    private long accountsCoded(String code) {
        return jdbc.sql("select count(*) from ecology_account where code = :c").param("c", code).query(Long.class).single();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void the_demo_raster_account_is_listed_as_raster_and_its_page_shows_the_value_map_and_tables() throws Exception {
        mvc.perform(get("/ecology/accounts").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("赤水镇、金鸡镇2023年度森林GEP栅格核算（演示）")))
                .andExpect(content().string(containsString(">栅格<")));
        mvc.perform(get("/ecology/raster").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/ecology/accounts/chishui-jinji-2023-raster")))
                .andExpect(content().string(not(containsString("formaction"))));
        String html = mvc.perform(get("/ecology/accounts/chishui-jinji-2023-raster").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("演示数据")))
                .andExpect(content().string(containsString("栅格160×100个像元，坐标系EPSG:32649")))
                .andExpect(content().string(containsString("分镇、分森林类型、分服务价值量（万元）")))
                .andExpect(content().string(containsString("桉树林")))
                .andExpect(content().string(not(containsString("重新核算"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("/ecology/accounts/chishui-jinji-2023-raster/versions/1/maps/PREVIEW",
                "/ecology/accounts/chishui-jinji-2023-raster/versions/1/maps/TOTAL");
        byte[] png = mvc.perform(get("/ecology/accounts/chishui-jinji-2023-raster/versions/1/maps/PREVIEW").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        // the map (160 columns) and the legend beside it
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isGreaterThan(160 + 200);
    }

    @Test
    void a_trial_of_uploaded_layers_shows_its_own_map_and_keeps_nothing(@TempDir Path dir) throws Exception {
        Map<Layer, Path> files = TestRasters.exampleFolder(dir);
        Set<Path> before = keptMaps();
        String html = mvc.perform(upload("/ecology/raster", dir, files).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("试算结果（未保存）")))
                .andExpect(content().string(containsString("栅格40×30个像元，坐标系EPSG:32649；计入森林像元1,200个，因无数据跳过0个")))
                .andExpect(content().string(containsString("杉木林")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("/ecology/raster/previews/[0-9a-f-]+\\.png").matcher(html);
        assertThat(m.find()).isTrue();
        mvc.perform(get(m.group()).with(viewer())).andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        assertThat(keptMaps()).isEqualTo(before);
    }

    @Test
    void the_forestry_department_keeps_an_account_from_the_page_and_sees_its_map_tables_layers_and_downloads(
            @TempDir Path dir) throws Exception {
        Map<Layer, Path> files = TestRasters.exampleFolder(dir);
        mvc.perform(upload("/ecology/accounts/raster", dir, files).param("code", "page-raster-2023")
                        .param("name", "两镇2023年度栅格核算").param("note", "页面上传").with(as("raster-forestry")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/ecology/accounts/page-raster-2023"));

        mvc.perform(get("/ecology/accounts/page-raster-2023").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("两镇2023年度栅格核算")))
                .andExpect(content().string(containsString("栅格40×30个像元，坐标系EPSG:32649；计入森林像元1,200个，因无数据跳过0个")))
                .andExpect(content().string(containsString("/ecology/accounts/page-raster-2023/versions/1/maps/PREVIEW")))
                .andExpect(content().string(containsString("/ecology/accounts/page-raster-2023/versions/1/maps/WATER_REGULATION")))
                .andExpect(content().string(containsString("杉木林")))
                .andExpect(content().string(containsString("金鸡镇")))
                .andExpect(content().string(containsString(sha256(files.get(Layer.NPP)))))
                .andExpect(content().string(containsString("页面上传")));
        mvc.perform(get("/ecology/accounts/page-raster-2023/versions/1/maps/WATER_REGULATION").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/tiff"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string(
                        "Content-Disposition", "attachment; filename=\"page-raster-2023-v1-WATER_REGULATION.tif\""));
        mvc.perform(get("/ecology/accounts").with(viewer()))
                .andExpect(content().string(containsString("两镇2023年度栅格核算")));
    }

    @Test
    void a_refused_upload_keeps_no_account_and_no_file_and_says_why_in_chinese(@TempDir Path dir) throws Exception {
        Map<Layer, Path> files = TestRasters.exampleFolder(dir);
        TestRasters.write(files.get(Layer.PRECIPITATION), TestRasters.grid(40, 30, 20, TestRasters.X0, TestRasters.Y0,
                TestRasters.UTM_49N), TestRasters.filled(1200, 1800));
        Set<Path> before = keptMaps();
        mvc.perform(upload("/ecology/accounts/raster", dir, files).param("code", "refused-raster")
                        .param("name", "不应保存").with(as("raster-forestry")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未能核算")))
                .andExpect(content().string(containsString("降水量图层的像元大小为20×20，与土地覆被图层的10×10不同")))
                .andExpect(content().string(containsString("value=\"refused-raster\"")));
        files = TestRasters.exampleFolder(dir);
        Files.write(files.get(Layer.NPP), new byte[] {'I', 'I', 42, 0, 1, 2, 3});
        mvc.perform(upload("/ecology/accounts/raster", dir, files)
                        .param("code", "refused-raster").param("name", "不应保存").with(as("raster-forestry")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("净初级生产力NPP图层的文件已损坏或无法读取")));
        assertThat(accountsCoded("refused-raster")).isZero();
        assertThat(keptMaps()).isEqualTo(before);
    }

    @Test
    void when_the_transaction_fails_after_the_maps_were_kept_they_are_removed_with_the_rows(@TempDir Path dir)
            throws Exception {
        Map<Layer, Path> files = TestRasters.exampleFolder(dir);
        RasterRequest request = json.readValue(Files.readAllBytes(dir.resolve("request.json")), RasterRequest.class);
        Set<Path> before = keptMaps();
        Set<Path> keptInside = new java.util.HashSet<>();
        try {
            tx.executeWithoutResult(status -> {
                rasterAccounts.create("rolled-back-raster", "回滚", null, request, RasterAccounting.layersIn(dir), false);
                try {
                    keptInside.addAll(keptMaps());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("a failure after the account was written");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("a failure after the account was written");
        }
        assertThat(keptInside).as("the maps were on disk inside the transaction").hasSizeGreaterThan(before.size() + 3);
        assertThat(keptMaps()).isEqualTo(before);
        assertThat(accountsCoded("rolled-back-raster")).isZero();
    }

    @Test
    void only_the_office_and_the_forestry_department_keep_accounts_and_a_raster_account_is_not_recomputed(
            @TempDir Path dir) throws Exception {
        Map<Layer, Path> files = TestRasters.exampleFolder(dir);
        mvc.perform(upload("/ecology/accounts/raster", dir, files).param("code", "viewer-raster").param("name", "x")
                .with(viewer())).andExpect(status().isForbidden());
        mvc.perform(upload("/ecology/accounts/raster", dir, files).param("code", "town-raster").param("name", "x")
                .with(as("raster-town"))).andExpect(status().isForbidden());
        assertThat(accountsCoded("viewer-raster") + accountsCoded("town-raster")).isZero();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/ecology/accounts/chishui-jinji-2023-raster/versions").with(csrf()).with(as("raster-forestry")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("不保存图层，不能按原输入重新核算")));
    }
}
