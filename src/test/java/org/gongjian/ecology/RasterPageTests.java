package org.gongjian.ecology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.gongjian.ecology.raster.Layer;
import org.gongjian.ecology.raster.TestRasters;
import org.gongjian.organisation.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The raster page: the demo map of 赤水镇 and 金鸡镇 on first view, an upload's map and tables, a refusal in Chinese. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RasterPageTests {

    @Autowired MockMvc mvc;

    private static RequestPostProcessor viewer() {
        return user("viewer").authorities(Role.VIEWER.permissions().stream()
                .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList());
    }

    private static String previewOf(String html) {
        Matcher m = Pattern.compile("/ecology/raster/previews/([0-9a-f-]+)\\.png").matcher(html);
        assertThat(m.find()).as("the page shows a preview").isTrue();
        return m.group();
    }

    @Test
    void the_first_view_shows_the_demo_value_map_with_its_legend_and_the_towns_tables() throws Exception {
        String html = mvc.perform(get("/ecology/raster").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("演示数据")))
                .andExpect(content().string(containsString("赤水镇")))
                .andExpect(content().string(containsString("金鸡镇")))
                .andExpect(content().string(containsString("栅格160×100个像元")))
                .andExpect(content().string(containsString("调节水量")))
                .andReturn().getResponse().getContentAsString();
        byte[] png = mvc.perform(get(previewOf(html)).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        // the map (160 columns) and the legend beside it
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isGreaterThan(160 + 200);
    }

    private MockMultipartHttpServletRequestBuilder upload(Path folder, Map<Layer, Path> files) throws Exception {
        MockMultipartHttpServletRequestBuilder b = multipart("/ecology/raster");
        b.file(new MockMultipartFile("request", "request.json", "application/json",
                Files.readAllBytes(folder.resolve("request.json"))));
        for (Path f : files.values()) {
            b.file(new MockMultipartFile("layers", f.getFileName().toString(), "image/tiff", Files.readAllBytes(f)));
        }
        b.with(viewer()).with(csrf());
        return b;
    }

    @Test
    void uploaded_layers_are_accounted_and_shown_with_their_own_map(@TempDir Path dir) throws Exception {
        Map<Layer, Path> files = TestRasters.exampleFolder(dir);
        mvc.perform(upload(dir, files))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("栅格40×30个像元，坐标系EPSG:32649；计入森林像元1,200个，因无数据跳过0个")))
                .andExpect(content().string(containsString("杉木林")));
    }

    @Test
    void a_mismatched_layer_is_refused_on_the_page_in_chinese(@TempDir Path dir) throws Exception {
        Map<Layer, Path> files = TestRasters.exampleFolder(dir);
        TestRasters.write(files.get(Layer.PRECIPITATION), TestRasters.grid(40, 30, 20, TestRasters.X0, TestRasters.Y0,
                TestRasters.UTM_49N), TestRasters.filled(1200, 1800));
        mvc.perform(upload(dir, files))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未能核算")))
                .andExpect(content().string(containsString("降水量图层的像元大小为20×20，与土地覆被图层的10×10不同")));
    }
}
