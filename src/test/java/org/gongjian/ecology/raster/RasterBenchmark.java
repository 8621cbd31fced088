package org.gongjian.ecology.raster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gongjian.ecology.engine.PixelKernel;
import org.gongjian.ecology.engine.PixelTile;

/**
 * The raster benchmark (docs/performance.md): a Kaiping-sized synthetic county (4096 × 4053 =
 * 16.6 million 10 m cells, fixed seed) through the pixel kernel in both ET modes, against two floors
 * measured in the same run — a plain Java pass that reads the same arrays and sums them, and numpy
 * running the same formulas on the same arrays — plus GeoTIFF decoding of one full layer by Apache
 * SIS, reported apart, for the layer written as one tile, in 256 × 256 tiles and in strips. Checks that numpy and Java agree to 1e-9 relative, else exits with 1.
 *
 * <p>Arguments: [width height [repeats [folder]]].
 */
public final class RasterBenchmark {

    private RasterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int width = args.length > 1 ? Integer.parseInt(args[0]) : 4096;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 4053;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path folder = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("gongjian-raster-bench");
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        long cells = (long) width * height;
        System.out.printf(Locale.ROOT, "cells %,d (%d × %d), repeats %d, load before: %s%n", cells, width, height,
                repeats, load);

        SyntheticRasters set = SyntheticRasters.generate(width, height);
        set.writeRaw(folder);
        PixelKernel kernel = SyntheticRasters.kernel();
        PixelTile et = set.mode(true);
        PixelTile budyko = set.mode(false);

        double floor = best(repeats, () -> bandwidthFloor(et));
        double[] etSums = kernel.newSums();
        double javaEt = best(repeats, () -> {
            java.util.Arrays.fill(etSums, 0);
            kernel.accumulate(et, etSums);
        });
        double[] budykoSums = kernel.newSums();
        double javaBudyko = best(repeats, () -> {
            java.util.Arrays.fill(budykoSums, 0);
            kernel.accumulate(budyko, budykoSums);
        });
        NumpyKernel.Run numpy = NumpyKernel.run(folder, Math.min(repeats, 3));
        int stripRows = Math.max(1, RasterAccounting.STRIP_CELLS / width);
        double decodeOneTile = decodeOneLayer(set, folder, Math.min(repeats, 3), 0, 0);
        double decodeTiled = decodeOneLayer(set, folder, Math.min(repeats, 3), 256, 256);
        double decodeStrips = decodeOneLayer(set, folder, Math.min(repeats, 3), width, stripRows);

        double diffEt = SyntheticRasters.maxRelativeDifference(etSums, numpy.actualEt().sums());
        double diffBudyko = SyntheticRasters.maxRelativeDifference(budykoSums, numpy.budyko().sums());
        System.out.println();
        System.out.println("| pass | best time (ms) | ns per cell | × bandwidth floor |");
        System.out.println("|---|---|---|---|");
        row("bandwidth floor: Java sum of the 10 input arrays", floor, cells, floor);
        row("Java kernel, actual ET", javaEt, cells, floor);
        row("Java kernel, reference ET (Budyko curve)", javaBudyko, cells, floor);
        row("numpy " + numpy.version() + ", actual ET", numpy.actualEt().seconds() * 1000, cells, floor);
        row("numpy " + numpy.version() + ", reference ET (Budyko curve)", numpy.budyko().seconds() * 1000, cells, floor);
        row("GeoTIFF decoding of one float layer written as one tile (Apache SIS)", decodeOneTile, cells, floor);
        row("GeoTIFF decoding of one float layer written in 256 × 256 tiles", decodeTiled, cells, floor);
        row("GeoTIFF decoding of one float layer written in strips of " + stripRows + " rows", decodeStrips, cells,
                floor);
        System.out.printf(Locale.ROOT, "%nnumpy vs Java, largest relative difference of the sums: actual ET %.2e, "
                + "Budyko %.2e%nload after: %s%n", diffEt, diffBudyko, Files.readString(Path.of("/proc/loadavg")).trim());
        if (diffEt > 1e-9 || diffBudyko > 1e-9) {
            System.out.println("numpy and Java disagree beyond 1e-9");
            System.exit(1);
        }
    }

    /** Reads the arrays the kernel reads in actual-ET mode and sums them. */
    static double bandwidthFloor(PixelTile t) {
        double s = 0;
        int[] cover = t.cover();
        int[] zone = t.zone();
        float[] p = t.precipitation();
        float[] et = t.actualEt();
        float[] r = t.erosivity();
        float[] k = t.erodibility();
        float[] ls = t.slopeLength();
        float[] c = t.coverFactor();
        float[] pp = t.practiceFactor();
        float[] npp = t.npp();
        for (int i = 0; i < t.length(); i++) {
            s += cover[i] + zone[i] + p[i] + et[i] + r[i] + k[i] + ls[i] + c[i] + pp[i] + npp[i];
        }
        sink += s;
        return s;
    }

    private static double sink;

    /**
     * Writes the precipitation layer with SIS (as one tile when {@code tileWidth} is 0, else in tiles of that
     * size; a tile as wide as the grid is a strip) and reads it back strip by strip as the accounting does.
     */
    private static double decodeOneLayer(SyntheticRasters set, Path folder, int repeats, int tileWidth,
            int tileHeight) throws Exception {
        var grid = TestRasters.grid(set.width, set.height, 10, TestRasters.X0, TestRasters.Y0, TestRasters.UTM_49N);
        Path file = folder.resolve("precipitation-" + tileWidth + "x" + tileHeight + ".tif");
        Path tif = tileWidth == 0 ? TestRasters.write(file, grid, set.tile.precipitation())
                : TestRasters.writeTiled(file, grid, set.tile.precipitation(), tileWidth, tileHeight);
        System.out.printf(Locale.ROOT, "%s: %,d bytes%n", file.getFileName(), Files.size(tif));
        float[] strip = new float[RasterAccounting.STRIP_CELLS + set.width];
        return best(repeats, () -> {
            try (GeoTiffLayer layer = GeoTiffLayer.open(Layer.PRECIPITATION, tif)) {
                int rows = Math.max(1, RasterAccounting.STRIP_CELLS / set.width);
                for (int row = 0; row < set.height; row += rows) {
                    layer.read(row, Math.min(rows, set.height - row), strip);
                }
            }
        });
    }

    private static void row(String name, double ms, long cells, double floor) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f | %.2f |%n", name, ms, ms * 1e6 / cells, ms / floor);
    }

    private static double best(int repeats, Runnable pass) {
        pass.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            pass.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }
}
