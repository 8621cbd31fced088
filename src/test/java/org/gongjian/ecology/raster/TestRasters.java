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
final class TestRasters {

    static final CoordinateReferenceSystem UTM_49N = CommonCRS.WGS84.universal(22.3, 112.6);
    static final double X0 = 700_000;
    static final double Y0 = 2_480_000;

    private TestRasters() {
    }

    static GridGeometry grid(int w, int h, double cell, double x0, double y0, CoordinateReferenceSystem crs) {
        return new GridGeometry(new GridExtent(w, h), PixelInCell.CELL_CORNER,
                MathTransforms.linear(new Matrix3(cell, 0, x0, 0, -cell, y0, 0, 0, 1)), crs);
    }

    static Path write(Path file, GridGeometry grid, float[] values) throws Exception {
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

    static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    /**
     * A full set of layers on one grid: the left half of the columns is zone 1 with class 10, the
     * right half zone 2 with class 20; each layer holds one figure per zone.
     */
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
