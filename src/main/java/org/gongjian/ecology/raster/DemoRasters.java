package org.gongjian.ecology.raster;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.operation.matrix.Matrix3;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.gongjian.ecology.engine.GepRequest;
import org.gongjian.ecology.engine.MethodProfile;
import org.gongjian.ecology.engine.PriceAdjustment;
import org.gongjian.ecology.engine.Stand;

/**
 * Small generated layers for 赤水镇 (west) and 金鸡镇 (east), marked as demo: a 160 × 100 grid of 30 m
 * cells in UTM 49N with broadleaf, Chinese fir and eucalyptus stands among non-forest land, rain,
 * ET, RUSLE factors and NPP varying smoothly, from a fixed seed. They are not the towns' real data
 * (which are not public); they let the raster page show a map on first start.
 */
public final class DemoRasters {

    static final int WIDTH = 160;
    static final int HEIGHT = 100;
    private static final long SEED = 20241205L;

    private DemoRasters() {
    }

    /** Writes the layers into {@code folder} and returns the request that goes with them. */
    public static RasterRequest write(Path folder) throws IOException {
        java.nio.file.Files.createDirectories(folder);
        GridGeometry grid = new GridGeometry(new GridExtent(WIDTH, HEIGHT), PixelInCell.CELL_CORNER,
                MathTransforms.linear(new Matrix3(30, 0, 672_000, 0, -30, 2_468_000, 0, 0, 1)),
                CommonCRS.WGS84.universal(22.3, 112.6));
        int n = WIDTH * HEIGHT;
        float[] cover = new float[n];
        float[] zones = new float[n];
        float[] rain = new float[n];
        float[] aet = new float[n];
        float[] r = new float[n];
        float[] k = new float[n];
        float[] ls = new float[n];
        float[] c = new float[n];
        float[] p = new float[n];
        float[] npp = new float[n];
        Random random = new Random(SEED);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int i = y * WIDTH + x;
                double hill = Math.sin(x / 17.0) * Math.cos(y / 13.0);
                // a wavy town boundary near the middle
                zones[i] = x < WIDTH / 2 + (int) (6 * Math.sin(y / 9.0)) ? 1 : 2;
                double u = random.nextDouble();
                cover[i] = hill < -0.55 ? 0 : u < 0.5 ? 10 : u < 0.8 ? 20 : 30;
                rain[i] = (float) (1750 + 250 * (1 - y / (double) HEIGHT) + 40 * random.nextGaussian());
                aet[i] = (float) (880 + 120 * hill + 20 * random.nextGaussian());
                r[i] = (float) (9000 + 1500 * (1 - y / (double) HEIGHT));
                k[i] = (float) (0.004 + 0.0015 * random.nextDouble());
                ls[i] = (float) Math.max(0.2, 4 + 4 * hill + random.nextGaussian());
                c[i] = (float) (cover[i] == 30 ? 0.06 : 0.02 + 0.02 * random.nextDouble());
                p[i] = 1;
                npp[i] = (float) (cover[i] == 30 ? 14 + 2 * random.nextDouble() : 9 + 4 * hill + 2 * random.nextDouble());
            }
        }
        write(folder, Layer.LAND_COVER, grid, cover);
        write(folder, Layer.ZONES, grid, zones);
        write(folder, Layer.PRECIPITATION, grid, rain);
        write(folder, Layer.ACTUAL_ET, grid, aet);
        write(folder, Layer.EROSIVITY, grid, r);
        write(folder, Layer.ERODIBILITY, grid, k);
        write(folder, Layer.SLOPE_LENGTH, grid, ls);
        write(folder, Layer.COVER_FACTOR, grid, c);
        write(folder, Layer.PRACTICE_FACTOR, grid, p);
        write(folder, Layer.NPP, grid, npp);
        return request();
    }

    private static void write(Path folder, Layer layer, GridGeometry grid, float[] values) throws IOException {
        ValueMaps.geoTiff(grid, WIDTH, HEIGHT, values, folder.resolve(layer.fileName() + ".tif"));
    }

    static RasterRequest request() {
        Stand site = new Stand(null, null, null, null, null, null, null, null, null, null, null, new BigDecimal("14"),
                null, null, null, null, null, null, null, null, new BigDecimal("1.3"), new BigDecimal("0.0011"),
                new BigDecimal("0.00045"), new BigDecimal("0.0115"), new BigDecimal("0.024"), new BigDecimal("0.008"),
                new BigDecimal("0.0008"), new BigDecimal("0.005"), new BigDecimal("0.5"), new BigDecimal("1800"), null,
                null, null, null, null, null, null, null, new BigDecimal("3.2"), null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        GepRequest account = new GepRequest(MethodProfile.GBT_38582_2020, 2023,
                PriceAdjustment.dFactor(new BigDecimal("0.015"), new BigDecimal("0.0435")), null, null, null, null, null,
                List.of(), List.of(), site, List.of(new GepRequest.Town("chishui", "赤水镇", null, null),
                        new GepRequest.Town("jinji", "金鸡镇", null, null)), List.of(), List.of(), List.of(), null);
        return new RasterRequest(account, List.of(new RasterRequest.LandCoverClass(10, "BROADLEAF_MIXED", null, null),
                new RasterRequest.LandCoverClass(20, "CHINESE_FIR", null, null),
                new RasterRequest.LandCoverClass(30, "EUCALYPTUS", null, null)),
                List.of(new RasterRequest.Zone(1, "chishui"), new RasterRequest.Zone(2, "jinji")), null);
    }
}
