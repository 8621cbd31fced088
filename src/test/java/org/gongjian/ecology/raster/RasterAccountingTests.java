package org.gongjian.ecology.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.Raster;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.gongjian.ecology.engine.GepEngine;
import org.gongjian.ecology.engine.GepRequest;
import org.gongjian.ecology.engine.GepResult;
import org.gongjian.ecology.engine.MethodProfile;
import org.gongjian.ecology.engine.Requests;
import org.gongjian.ecology.engine.Stand;
import org.gongjian.ecology.engine.Stands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raster accounts end to end on GeoTIFFs written by Apache SIS: the same totals as the stand engine
 * on the same stands, NoData skipped, grids that differ refused with the layer named, value maps
 * that read back and add up to the table.
 */
class RasterAccountingTests {

    private static final int W = 40;
    private static final int H = 30;
    private static final RasterAccounting ACCOUNTING = new RasterAccounting(GepEngine.standard());

    @TempDir
    Path dir;

    /** Site figures that rasters do not carry (soil contents, tree nutrients, ions, Shannon index). */
    static Stand site() {
        return Stands.defaults().set("soilBulkDensity", "1.3").set("soilN", "0.001").set("soilP", "0.0005")
                .set("soilK", "0.015").set("soilOrganicMatter", "0.025").set("soilCarbonAccumulation", "0.5")
                .set("treeN", "0.01").set("treeP", "0.001").set("treeK", "0.005").set("ionConcentration", "2000")
                .set("height", "15").set("shannonIndex", "3.5").build();
    }

    private static Requests settings() {
        return Requests.of(MethodProfile.LYT_1721_2008, 2023).site(site()).towns(
                new GepRequest.Town("chishui", "赤水镇", null, null), new GepRequest.Town("jinji", "金鸡镇", null, null));
    }

    static RasterRequest request(GepRequest account) {
        return new RasterRequest(account, List.of(new RasterRequest.LandCoverClass(10, "BROADLEAF_MIXED", null, null),
                new RasterRequest.LandCoverClass(20, "CHINESE_FIR", null, null)),
                List.of(new RasterRequest.Zone(1, "chishui"), new RasterRequest.Zone(2, "jinji")), null);
    }

    /** Per zone (chishui, jinji): figures exact in binary so that the stands can carry the very same numbers. */
    private static Map<Layer, float[]> layers() {
        Map<Layer, float[]> m = new LinkedHashMap<>();
        m.put(Layer.LAND_COVER, new float[] {10, 20});
        m.put(Layer.ZONES, new float[] {1, 2});
        m.put(Layer.PRECIPITATION, new float[] {1800, 1950});
        m.put(Layer.ACTUAL_ET, new float[] {900, 1012.5f});
        m.put(Layer.EROSIVITY, new float[] {4096, 5120});
        m.put(Layer.ERODIBILITY, new float[] {0.0078125f, 0.00390625f});
        m.put(Layer.SLOPE_LENGTH, new float[] {1.5f, 2});
        m.put(Layer.COVER_FACTOR, new float[] {0.0625f, 0.125f});
        m.put(Layer.PRACTICE_FACTOR, new float[] {1, 0.5f});
        m.put(Layer.NPP, new float[] {12.5f, 9.75f});
        return m;
    }

    private Map<Layer, Path> files() throws Exception {
        return TestRasters.twoZones(dir, TestRasters.grid(W, H, 10, TestRasters.X0, TestRasters.Y0, TestRasters.UTM_49N),
                layers());
    }

    @Test
    void a_raster_of_one_stand_per_town_gives_the_totals_of_those_stands() throws Exception {
        RasterResult raster = ACCOUNTING.evaluate(request(settings().build()), files(), null);

        // 20 × 30 cells of 100 m² = 6 hm² per town; R·K·LS = 48 and 40, C·P = 0.0625 and 0.0625
        Stand chishui = Stands.of("c", "chishui", "BROADLEAF_MIXED").set("area", "6").set("precipitation", "1800")
                .set("evapotranspiration", "900").set("erosionWithoutForest", "48").set("erosionWithForest", "3")
                .set("npp", "12.5").build();
        Stand jinji = Stands.of("j", "jinji", "CHINESE_FIR").set("area", "6").set("precipitation", "1950")
                .set("evapotranspiration", "1012.5").set("erosionWithoutForest", "40").set("erosionWithForest", "2.5")
                .set("npp", "9.75").build();
        GepResult stands = GepEngine.standard().evaluate(settings().stands(List.of(chishui, jinji)).build());

        GepResult r = raster.result();
        assertThat(raster.forestPixels()).isEqualTo(W * H);
        assertThat(r.standCount()).isEqualTo(2);
        assertThat(r.lines()).hasSameSizeAs(stands.lines());
        for (GepResult.ServiceLine line : stands.lines()) {
            GepResult.ServiceLine same = r.lines().stream().filter(l -> l.code().equals(line.code())).findFirst()
                    .orElseThrow();
            assertClose(same.value(), line.value());
        }
        assertClose(r.totals().total(), stands.totals().total());
        assertThat(r.towns()).extracting(GepResult.TownAccount::town).containsExactly("chishui", "jinji");
        for (int i = 0; i < 2; i++) {
            assertClose(r.towns().get(i).totals().total(), stands.towns().get(i).totals().total());
        }
        assertThat(r.parameters()).isEqualTo(stands.parameters());
    }

    @Test
    void carbon_fixation_of_a_town_is_npp_times_1_63_times_the_carbon_share_plus_soil_carbon() throws Exception {
        GepResult r = ACCOUNTING.evaluate(request(settings().build()), files(), null).result();
        // 赤水镇: 6 hm² at NPP 12.5 t/(hm²·a): 1.63 × 0.2727 × 6 × 12.5 = 33.337575 t C, soil 0.5 × 6 = 3 t C
        GepResult.TownLine carbon = r.towns().get(0).lines().stream().filter(l -> l.code().equals("CARBON_FIXATION"))
                .findFirst().orElseThrow();
        assertThat(carbon.quantity()).isEqualByComparingTo("36.337575");
        assertThat(carbon.unit()).isEqualTo("t C");
    }

    @Test
    void a_pixel_with_a_nodata_layer_is_skipped_and_counted() throws Exception {
        Map<Layer, Path> files = files();
        GridGeometry grid = TestRasters.grid(W, H, 10, TestRasters.X0, TestRasters.Y0, TestRasters.UTM_49N);
        float[] rain = new float[W * H];
        for (int i = 0; i < rain.length; i++) {
            rain[i] = i % W < W / 2 ? 1800 : 1950;
        }
        rain[0] = Float.NaN;
        rain[W * H - 1] = Float.NaN;
        TestRasters.write(files.get(Layer.PRECIPITATION), grid, rain);

        RasterResult r = ACCOUNTING.evaluate(request(settings().build()), files, null);

        assertThat(r.skippedPixels()).isEqualTo(2);
        assertThat(r.forestPixels()).isEqualTo(W * H - 2);
        assertThat(r.result().towns().get(0).area()).isEqualByComparingTo("5.99");
    }

    @Test
    void a_layer_on_another_grid_is_refused_with_its_name_and_both_values() throws Exception {
        Map<Layer, Path> files = files();
        TestRasters.write(files.get(Layer.NPP), TestRasters.grid(W, H, 10, TestRasters.X0 + 5, TestRasters.Y0,
                TestRasters.UTM_49N), TestRasters.filled(W * H, 10));
        assertThatThrownBy(() -> ACCOUNTING.evaluate(request(settings().build()), files, null))
                .isInstanceOfSatisfying(RasterException.class, e -> {
                    assertThat(e.code()).isEqualTo("origin-differs");
                    assertThat(e.args()).containsExactly("净初级生产力NPP", "(700005, 2480000)", "土地覆被",
                            "(700000, 2480000)");
                });

        TestRasters.write(files.get(Layer.NPP), TestRasters.grid(W, H - 1, 10, TestRasters.X0, TestRasters.Y0,
                TestRasters.UTM_49N), TestRasters.filled(W * (H - 1), 10));
        assertThatThrownBy(() -> ACCOUNTING.evaluate(request(settings().build()), files, null))
                .isInstanceOfSatisfying(RasterException.class, e -> assertThat(e.args())
                        .containsExactly("净初级生产力NPP", "40×29", "土地覆被", "40×30"));

        TestRasters.write(files.get(Layer.NPP), TestRasters.grid(W, H, 10, TestRasters.X0, TestRasters.Y0,
                CommonCRS.WGS84.universal(22.3, 118.6)), TestRasters.filled(W * H, 10));
        assertThatThrownBy(() -> ACCOUNTING.evaluate(request(settings().build()), files, null))
                .isInstanceOfSatisfying(RasterException.class, e -> assertThat(e.code()).isEqualTo("crs-differs"));
    }

    @Test
    void a_geographic_grid_and_a_corrupt_file_are_refused() throws Exception {
        Map<Layer, Path> files = files();
        Files.write(files.get(Layer.ERODIBILITY), new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 2, 3});
        assertThatThrownBy(() -> ACCOUNTING.evaluate(request(settings().build()), files, null))
                .isInstanceOfSatisfying(RasterException.class, e -> {
                    assertThat(e.code()).isEqualTo("corrupt");
                    assertThat(e.args()[0]).isEqualTo("土壤可蚀性因子K");
                });

        Map<Layer, Path> geographic = new HashMap<>(files());
        for (Layer l : geographic.keySet()) {
            TestRasters.write(geographic.get(l), TestRasters.grid(W, H, 0.0001, 112.6, 22.3, CommonCRS.WGS84.normalizedGeographic()),
                    TestRasters.filled(W * H, l == Layer.LAND_COVER ? 10 : 1));
        }
        assertThatThrownBy(() -> ACCOUNTING.evaluate(request(settings().build()), geographic, null))
                .isInstanceOfSatisfying(RasterException.class, e -> assertThat(e.code()).isEqualTo("crs-not-projected"));
    }

    @Test
    void town_polygons_in_geojson_zone_the_grid_like_a_town_raster() throws Exception {
        Map<Layer, Path> files = new HashMap<>(files());
        Files.delete(files.get(Layer.ZONES));
        // the west half (x 700000–700200) is chishui, the east half jinji; y from 2479700 to 2480000
        Path geojson = dir.resolve("zones.geojson");
        Files.writeString(geojson, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"chishui"},"geometry":{"type":"Polygon","coordinates":
                  [[[700000,2479700],[700200,2479700],[700200,2480000],[700000,2480000],[700000,2479700]]]}},
                 {"type":"Feature","properties":{"code":"jinji"},"geometry":{"type":"MultiPolygon","coordinates":
                  [[[[700200,2479700],[700400,2479700],[700400,2480000],[700200,2480000],[700200,2479700]]]]}}]}
                """);
        files.put(Layer.ZONES, geojson);

        RasterResult byPolygons = ACCOUNTING.evaluate(request(settings().build()), files, null);
        RasterResult byRaster = ACCOUNTING.evaluate(request(settings().build()), files(), null);

        assertThat(byPolygons.zones()).containsExactly("chishui", "jinji");
        assertThat(byPolygons.result().totals().total()).isEqualByComparingTo(byRaster.result().totals().total());
    }

    @Test
    void value_maps_are_geotiffs_that_read_back_and_add_up_to_the_table() throws Exception {
        Path maps = dir.resolve("maps");
        RasterResult r = ACCOUNTING.evaluate(request(settings().build()), files(), maps);

        assertThat(r.maps()).extracting(RasterResult.ValueMap::service).contains("WATER_REGULATION", "SOIL_FIXATION",
                "CARBON_FIXATION", ValueMaps.TOTAL, ValueMaps.PREVIEW);
        for (RasterResult.ValueMap m : r.maps()) {
            if (m.service().equals(ValueMaps.PREVIEW)) {
                assertThat(javax.imageio.ImageIO.read(m.file().toFile()).getWidth()).isGreaterThan(W);
                continue;
            }
            BigDecimal expected = m.service().equals(ValueMaps.TOTAL) ? r.result().totals().total()
                    : r.result().lines().stream().filter(l -> l.code().equals(m.service())).findFirst().orElseThrow()
                            .value();
            try (DataStore store = DataStores.open(m.file())) {
                GridCoverageResource res = ((GeoTiffStore) store).components().get(0);
                assertThat(res.getGridGeometry().getCoordinateReferenceSystem().getName().getCode())
                        .contains("UTM zone 49N");
                GridCoverage c = res.read(null);
                Raster data = c.render(null).getData();
                double sum = 0;
                for (double v : data.getSamples(0, 0, W, H, 0, (double[]) null)) {
                    sum += v;
                }
                assertThat(sum).as(m.service()).isCloseTo(expected.doubleValue(),
                        org.assertj.core.data.Offset.offset(expected.abs().doubleValue() * 1e-6 + 1e-6));
            }
        }
    }

    @Test
    void a_layer_written_in_tiles_or_strips_reads_back_cell_for_cell_strip_by_strip() throws Exception {
        int w = 70;
        int h = 45;
        float[] values = new float[w * h];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 97 == 0 ? Float.NaN : 1500 + i * 0.25f;
        }
        GridGeometry grid = TestRasters.grid(w, h, 10, TestRasters.X0, TestRasters.Y0, TestRasters.UTM_49N);
        for (int[] tile : new int[][] {{16, 16}, {w, 7}}) {
            Path file = TestRasters.writeTiled(dir.resolve("p-" + tile[0] + "x" + tile[1] + ".tif"), grid, values,
                    tile[0], tile[1]);
            float[] read = new float[w * h];
            try (GeoTiffLayer layer = GeoTiffLayer.open(Layer.PRECIPITATION, file)) {
                float[] strip = new float[w * 10];
                for (int row = 0; row < h; row += 10) {
                    int rows = Math.min(10, h - row);
                    layer.read(row, rows, strip);
                    System.arraycopy(strip, 0, read, row * w, rows * w);
                }
            }
            assertThat(read).as("tiles of %d × %d", tile[0], tile[1]).containsExactly(values);
        }
    }

    static void assertClose(BigDecimal actual, BigDecimal expected) {
        BigDecimal tolerance = expected.abs().multiply(new BigDecimal("1e-12"), MathContext.DECIMAL64).max(new BigDecimal("0.000001"));
        assertThat(actual.subtract(expected).abs()).as(actual + " vs " + expected).isLessThanOrEqualTo(tolerance);
    }
}
