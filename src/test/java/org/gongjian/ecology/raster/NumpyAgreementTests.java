package org.gongjian.ecology.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gongjian.ecology.engine.PixelKernel;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numpy version of the pixel formulas (the benchmark's second floor) and the Java kernel give
 * the same zone × type sums to 1e-9 relative, in both ET modes, on the benchmark's generator (a
 * 1/16 size county, the same seed). Skips when python3-numpy is missing, unless GONGJIAN_REQUIRE_TOOLS=1.
 */
class NumpyAgreementTests {

    @TempDir
    Path dir;

    @Test
    void numpy_and_the_java_kernel_agree_to_1e_9_relative() throws Exception {
        String missing = NumpyKernel.missing();
        if (missing != null) {
            if ("1".equals(System.getenv("GONGJIAN_REQUIRE_TOOLS"))) {
                Assertions.fail(missing + " — GONGJIAN_REQUIRE_TOOLS=1 requires it");
            }
            Assumptions.abort(missing + "; install it, or run .ci/run, to check this");
        }
        SyntheticRasters set = SyntheticRasters.generate(1024, 1013);
        set.writeRaw(dir);
        NumpyKernel.Run numpy = NumpyKernel.run(dir, 1);
        PixelKernel kernel = SyntheticRasters.kernel();

        double[] et = kernel.newSums();
        long skipped = kernel.accumulate(set.mode(true), et);
        double[] budyko = kernel.newSums();
        kernel.accumulate(set.mode(false), budyko);

        assertThat(skipped).as("NoData pixels of the generator").isPositive();
        assertThat(numpy.actualEt().sums()[PixelKernel.COUNT]).hasSize(SyntheticRasters.ZONES * 9);
        assertThat(SyntheticRasters.maxRelativeDifference(et, numpy.actualEt().sums())).isLessThanOrEqualTo(1e-9);
        assertThat(SyntheticRasters.maxRelativeDifference(budyko, numpy.budyko().sums())).isLessThanOrEqualTo(1e-9);
        // the two modes differ, so the comparison would catch a mode mixed up
        assertThat(SyntheticRasters.maxRelativeDifference(et, numpy.budyko().sums())).isGreaterThan(1e-3);
    }
}
