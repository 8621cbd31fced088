package org.gongjian.ecology.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The pixel kernel against pixels computed by hand: InVEST water yield, RUSLE, NPP; NoData and non-forest pixels. */
class PixelKernelTests {

    /** Class 1 is forest type 0 (α = 0.03); class 2 is not forest. Kc 1.0 and root depth 3 000 mm for class 1; Z = 5. */
    private static final PixelKernel KERNEL = new PixelKernel(new int[] {-1, 0, -1}, 2, new double[] {0.03},
            new double[] {0, 1.0, 0}, new double[] {0, 3000, 0}, 5);

    private static PixelTile budykoTile(int n) {
        PixelTile t = PixelTile.allocate(n, false);
        for (int i = 0; i < n; i++) {
            t.cover()[i] = 1;
            t.zone()[i] = 1;
            t.precipitation()[i] = 1800;
            t.referenceEt()[i] = 1100;
            t.restrictingDepth()[i] = 1000;
            t.pawc()[i] = 0.15f;
            t.erosivity()[i] = 4000;
            t.erodibility()[i] = 0.01f;
            t.slopeLength()[i] = 1.2f;
            t.coverFactor()[i] = 0.05f;
            t.practiceFactor()[i] = 0.8f;
            t.npp()[i] = 12;
        }
        return t;
    }

    @Test
    void water_yield_follows_invest_on_the_digest_pixel() {
        // digest §10: ω = 1.666667, AET/P = 0.366504, AET = 659.707 mm, water yield 1 140.293 mm
        assertThat(KERNEL.budykoEt(1, 1800, 1100, 1000, 0.15)).isCloseTo(659.707, within(0.001));
        double[] sums = KERNEL.newSums();
        KERNEL.accumulate(budykoTile(1), sums);
        int o = (1 * KERNEL.types()) * PixelKernel.FIELDS;
        assertThat(sums[o + PixelKernel.ET]).isCloseTo(659.707, within(0.001));
        // G = P − AET − α·P = 1800 − 659.707 − 54
        assertThat(sums[o + PixelKernel.WATER]).isCloseTo(1086.293, within(0.001));
    }

    @Test
    void rusle_retention_is_rkls_less_rkls_times_c_times_p() {
        double[] sums = KERNEL.newSums();
        KERNEL.accumulate(budykoTile(3), sums);
        int o = (1 * KERNEL.types()) * PixelKernel.FIELDS;
        // R·K·LS = 4000 × 0.01 × 1.2 = 48 t/hm²; with forest 48 × 0.05 × 0.8 = 1.92; three pixels
        assertThat(sums[o + PixelKernel.COUNT]).isEqualTo(3);
        assertThat(sums[o + PixelKernel.EROSION_WITHOUT_FOREST]).isCloseTo(144, within(1e-4));
        assertThat(sums[o + PixelKernel.EROSION_WITH_FOREST]).isCloseTo(5.76, within(1e-5));
        assertThat(sums[o + PixelKernel.NPP]).isEqualTo(36);
    }

    @Test
    void pixels_off_the_forest_outside_the_zones_or_with_nodata_are_not_counted() {
        PixelTile t = budykoTile(5);
        t.cover()[0] = 2;
        t.zone()[1] = -1;
        t.cover()[2] = -1;
        t.npp()[3] = Float.NaN;
        double[] sums = KERNEL.newSums();
        long skipped = KERNEL.accumulate(t, sums);
        assertThat(skipped).isEqualTo(1);
        assertThat(sums[KERNEL.types() * PixelKernel.FIELDS + PixelKernel.COUNT]).isEqualTo(1);
        float[] values = new float[5];
        double[] perUnit = new double[2 * PixelKernel.DRIVERS];
        perUnit[PixelKernel.DRIVERS + PixelKernel.DRIVER_AREA] = 10;
        perUnit[PixelKernel.DRIVERS + PixelKernel.DRIVER_NPP] = 2;
        KERNEL.values(t.withLength(5), perUnit, values);
        assertThat(values[0]).isNaN();
        assertThat(values[1]).isNaN();
        assertThat(values[2]).isNaN();
        assertThat(values[3]).isNaN();
        assertThat(values[4]).isEqualTo(10 + 2 * 12f);
    }
}
