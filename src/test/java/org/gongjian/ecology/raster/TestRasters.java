package org.gongjian.ecology.raster;

import java.awt.Dimension;
import java.awt.image.DataBufferFloat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.apache.sis.coverage.SampleDimension;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridCoverageBuilder;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.operation.matrix.Matrix3;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/** GeoTIFF layers for tests, written by Apache SIS on a 10 m UTM 49N grid near Kaiping. */
public final class TestRasters {

    public static final CoordinateReferenceSystem UTM_49N = CommonCRS.WGS84.universal(22.3, 112.6);
    public static final double X0 = 700_000;
    public static final double Y0 = 2_480_000;

    private TestRasters() {
    }

    public static GridGeometry grid(int w, int h, double cell, double x0, double y0, CoordinateReferenceSystem crs) {
        return new GridGeometry(new GridExtent(w, h), PixelInCell.CELL_CORNER,
                MathTransforms.linear(new Matrix3(cell, 0, x0, 0, -cell, y0, 0, 0, 1)), crs);
    }

    public static Path write(Path file, GridGeometry grid, float[] values) throws Exception {
        Files.deleteIfExists(file);
        int w = (int) grid.getExtent().getSize(0);
        int h = (int) grid.getExtent().getSize(1);
        GridCoverage c = new GridCoverageBuilder().setDomain(grid)
                .setRanges(new SampleDimension.Builder().setName("v").build())
                .setValues(new DataBufferFloat(values, values.length), new Dimension(w, h)).build();
        try (DataStore store = DataStores.openWritable(file, "GeoTIFF")) {
            ((GeoTiffStore) store).append(c, null);
        }
        return file;
    }

    /**
     * Writes the layer as a GeoTIFF whose image is cut into tiles of {@code tileWidth} × {@code tileHeight}
     * cells (Apache SIS writes the image's own tiling: tiles, or strips when a tile spans the full width).
     */
    public static Path writeTiled(Path file, GridGeometry grid, float[] values, int tileWidth, int tileHeight)
            throws Exception {
        Files.deleteIfExists(file);
        int w = (int) grid.getExtent().getSize(0);
        int h = (int) grid.getExtent().getSize(1);
        GridCoverage c = new GridCoverageBuilder().setDomain(grid)
                .setRanges(new SampleDimension.Builder().setName("v").build())
                .setValues(new TiledFloatImage(values, w, h, tileWidth, tileHeight)).build();
        try (DataStore store = DataStores.openWritable(file, "GeoTIFF")) {
            ((GeoTiffStore) store).append(c, null);
        }
        return file;
    }

    /** One float band over an array, served as tiles (cells past the image's edge are NaN). */
    private static final class TiledFloatImage extends org.apache.sis.image.PlanarImage {

        private final float[] values;
        private final int width;
        private final int height;
        private final java.awt.image.SampleModel model;

        TiledFloatImage(float[] values, int width, int height, int tileWidth, int tileHeight) {
            this.values = values;
            this.width = width;
            this.height = height;
            this.model = new java.awt.image.BandedSampleModel(java.awt.image.DataBuffer.TYPE_FLOAT, tileWidth,
                    tileHeight, 1);
        }

        @Override
        public java.awt.image.ColorModel getColorModel() {
            return new java.awt.image.ComponentColorModel(java.awt.color.ColorSpace.getInstance(
                    java.awt.color.ColorSpace.CS_GRAY), false, false, java.awt.Transparency.OPAQUE,
                    java.awt.image.DataBuffer.TYPE_FLOAT);
        }

        @Override
        public java.awt.image.SampleModel getSampleModel() {
            return model;
        }

        @Override
        public int getWidth() {
            return width;
        }

        @Override
        public int getHeight() {
            return height;
        }

        @Override
        public int getTileWidth() {
            return model.getWidth();
        }

        @Override
        public int getTileHeight() {
            return model.getHeight();
        }

        @Override
        public java.awt.image.Raster getTile(int tileX, int tileY) {
            int tw = model.getWidth();
            int th = model.getHeight();
            float[] tile = new float[tw * th];
            Arrays.fill(tile, Float.NaN);
            for (int y = 0; y < th && tileY * th + y < height; y++) {
                int x0 = tileX * tw;
                System.arraycopy(values, (tileY * th + y) * width + x0, tile, y * tw, Math.min(tw, width - x0));
            }
            return java.awt.image.Raster.createWritableRaster(model, new DataBufferFloat(tile, tile.length),
                    new java.awt.Point(tileX * tw, tileY * th));
        }
    }

    public static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    /**
     * A full set of layers on one grid: the left half of the columns is zone 1 with class 10, the
     * right half zone 2 with class 20; each layer holds one figure per zone.
     */
    /**
     * The folder of the documented example (src/test/resources/ecology/raster-request.json): 赤水镇 on
     * the west half, 金鸡镇 on the east half of a 40 × 30 grid, actual ET; returns the layer files.
     */
    public static Map<Layer, Path> exampleFolder(Path folder) throws Exception {
        Map<Layer, float[]> m = new java.util.LinkedHashMap<>();
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
        Files.createDirectories(folder);
        Files.copy(Path.of("src/test/resources/ecology/raster-request.json"), folder.resolve("request.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return twoZones(folder, grid(40, 30, 10, X0, Y0, UTM_49N), m);
    }

    static Map<Layer, Path> twoZones(Path folder, GridGeometry grid, Map<Layer, float[]> perZone) throws Exception {
        int w = (int) grid.getExtent().getSize(0);
        int h = (int) grid.getExtent().getSize(1);
        Map<Layer, Path> files = new EnumMap<>(Layer.class);
        for (Map.Entry<Layer, float[]> e : perZone.entrySet()) {
            float[] values = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    values[y * w + x] = e.getValue()[x < w / 2 ? 0 : 1];
                }
            }
            files.put(e.getKey(), write(folder.resolve(e.getKey().fileName() + ".tif"), grid, values));
        }
        return files;
    }
}
