package org.gongjian.ecology.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.gongjian.ecology.engine.PixelKernel;
import org.gongjian.ecology.engine.PixelTile;

/**
 * The raster benchmark's synthetic county (fixed seed): 15 towns in bands, 20 % non-forest, nine
 * forest classes, 0.1 % of precipitation NoData, every layer in a plausible range for Kaiping. Both
 * ET modes' inputs are filled. {@link #writeRaw} writes the arrays for the numpy script.
 */
final class SyntheticRasters {

    static final long SEED = 20241205L;
    static final int ZONES = 15;
    static final int[] TYPE_OF_CLASS = {-1, 0, 1, 2, 3, 4, 5, 6, 7, 8};
    static final double[] ALPHA = {0.0267, 0.0302, 0.0302, 0.0229, 0.0229, 0.0267, 0.0302, 0.0267, 0.0302};
    static final double[] KC = {0, 1.0, 0.95, 1.05, 1.0, 0.9, 1.1, 1.0, 0.95, 1.0};
    static final double[] ROOT_DEPTH = {0, 3000, 2500, 2800, 3200, 2600, 3000, 2400, 2900, 3100};
    static final double Z = 5;

    final int width;
    final int height;
    final PixelTile tile;

    private SyntheticRasters(int width, int height, PixelTile tile) {
        this.width = width;
        this.height = height;
        this.tile = tile;
    }

    static PixelKernel kernel() {
        return new PixelKernel(TYPE_OF_CLASS, ZONES, ALPHA, KC, ROOT_DEPTH, Z);
    }

    static SyntheticRasters generate(int width, int height) {
        int n = width * height;
        PixelTile both = new PixelTile(n, new int[n], new int[n], new float[n], new float[n], new float[n],
                new float[n], new float[n], new float[n], new float[n], new float[n], new float[n], new float[n],
                new float[n]);
        SplittableRandom r = new SplittableRandom(SEED);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                both.zone()[i] = (int) ((long) x * ZONES / width);
                both.cover()[i] = r.nextDouble() < 0.2 ? 0 : 1 + r.nextInt(9);
                both.precipitation()[i] = r.nextDouble() < 0.001 ? Float.NaN : (float) (1700 + r.nextDouble() * 500);
                both.actualEt()[i] = (float) (850 + r.nextDouble() * 250);
                both.referenceEt()[i] = (float) (1000 + r.nextDouble() * 250);
                both.restrictingDepth()[i] = (float) (500 + r.nextDouble() * 2500);
                both.pawc()[i] = (float) (0.08 + r.nextDouble() * 0.14);
                both.erosivity()[i] = (float) (8000 + r.nextDouble() * 4000);
                both.erodibility()[i] = (float) (0.002 + r.nextDouble() * 0.006);
                both.slopeLength()[i] = (float) (0.2 + r.nextDouble() * 8);
                both.coverFactor()[i] = (float) (0.005 + r.nextDouble() * 0.1);
                both.practiceFactor()[i] = (float) (0.6 + r.nextDouble() * 0.4);
                both.npp()[i] = (float) (6 + r.nextDouble() * 10);
            }
        }
        return new SyntheticRasters(width, height, both);
    }

    /** The tile in one ET mode (actual ET, or reference ET with the Budyko curve). */
    PixelTile mode(boolean actualEt) {
        PixelTile t = tile;
        return actualEt ? new PixelTile(t.length(), t.cover(), t.zone(), t.precipitation(), t.actualEt(), null, null,
                null, t.erosivity(), t.erodibility(), t.slopeLength(), t.coverFactor(), t.practiceFactor(), t.npp())
                : new PixelTile(t.length(), t.cover(), t.zone(), t.precipitation(), null, t.referenceEt(),
                        t.restrictingDepth(), t.pawc(), t.erosivity(), t.erodibility(), t.slopeLength(),
                        t.coverFactor(), t.practiceFactor(), t.npp());
    }

    /** Writes config.json and one raw little-endian file per layer for gep_numpy.py. */
    void writeRaw(Path folder) throws IOException {
        Files.createDirectories(folder);
        String config = "{\"zones\": " + ZONES + ", \"z\": " + Z + ", \"typeOfClass\": " + json(TYPE_OF_CLASS)
                + ", \"alpha\": " + json(ALPHA) + ", \"kc\": " + json(KC) + ", \"rootDepth\": " + json(ROOT_DEPTH) + "}";
        Files.writeString(folder.resolve("config.json"), config, StandardCharsets.UTF_8);
        ints(folder.resolve("cover.bin"), tile.cover());
        ints(folder.resolve("zone.bin"), tile.zone());
        floats(folder.resolve("p.bin"), tile.precipitation());
        floats(folder.resolve("aet.bin"), tile.actualEt());
        floats(folder.resolve("eto.bin"), tile.referenceEt());
        floats(folder.resolve("depth.bin"), tile.restrictingDepth());
        floats(folder.resolve("pawc.bin"), tile.pawc());
        floats(folder.resolve("r.bin"), tile.erosivity());
        floats(folder.resolve("k.bin"), tile.erodibility());
        floats(folder.resolve("ls.bin"), tile.slopeLength());
        floats(folder.resolve("c.bin"), tile.coverFactor());
        floats(folder.resolve("pp.bin"), tile.practiceFactor());
        floats(folder.resolve("npp.bin"), tile.npp());
    }

    private static String json(int[] a) {
        return Arrays.stream(a).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String json(double[] a) {
        return Arrays.stream(a).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static void ints(Path file, int[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocateDirect(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(a);
        write(file, b);
    }

    private static void floats(Path file, float[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocateDirect(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(a);
        write(file, b);
    }

    private static void write(Path file, ByteBuffer b) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    /** The largest relative difference between two sets of sums, field by field (numpy's order: field-major). */
    static double maxRelativeDifference(double[] java, double[][] numpy) {
        double worst = 0;
        int groups = java.length / PixelKernel.FIELDS;
        for (int f = 0; f < PixelKernel.FIELDS; f++) {
            for (int g = 0; g < groups; g++) {
                double a = java[g * PixelKernel.FIELDS + f];
                double b = numpy[f][g];
                double scale = Math.max(Math.abs(a), Math.abs(b));
                if (scale > 0) {
                    worst = Math.max(worst, Math.abs(a - b) / scale);
                }
            }
        }
        return worst;
    }
}
