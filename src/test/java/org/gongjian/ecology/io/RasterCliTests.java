package org.gongjian.ecology.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongjian.ecology.raster.Layer;
import org.gongjian.ecology.raster.TestRasters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line takes a folder of layers and writes the value maps. */
class RasterCliTests {

    private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return GepCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void a_folder_of_layers_is_accounted_with_its_maps(@TempDir Path dir) throws Exception {
        TestRasters.exampleFolder(dir.resolve("layers"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = run(out, err, "--raster", dir.resolve("layers").toString(), "--maps", dir.resolve("maps").toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"forestPixels\" : 1200", "\"town\" : \"jinji\"",
                "\"code\" : \"WATER_REGULATION\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("40 × 30 cells, 1200 forest pixels (0 skipped");
        assertThat(dir.resolve("maps/value-TOTAL.tif")).exists();
        assertThat(dir.resolve("maps/preview.png")).exists();
    }

    @Test
    void a_layer_on_another_grid_is_named_in_chinese_with_exit_code_2(@TempDir Path dir) throws Exception {
        var files = TestRasters.exampleFolder(dir);
        Files.delete(files.get(Layer.NPP));
        TestRasters.write(files.get(Layer.NPP), TestRasters.grid(40, 29, 10, TestRasters.X0, TestRasters.Y0,
                TestRasters.UTM_49N), TestRasters.filled(40 * 29, 10));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(run(out, err, "--raster", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("净初级生产力NPP图层为40×29个像元（列×行），与土地覆被图层的40×30不同");
    }
}
