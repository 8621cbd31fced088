package org.gongjian.ecology.raster;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.nio.file.Path;
import java.util.Set;
import org.apache.sis.coverage.SampleDimension;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.RasterLoadingStrategy;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.jspecify.annotations.Nullable;

/**
 * One GeoTIFF layer opened with Apache SIS and read strip by strip (a band of rows at a time), so
 * that no layer is ever held whole. NoData (the file's no-data values, and NaN) becomes NaN, or −1
 * for class layers.
 */
final class GeoTiffLayer implements AutoCloseable {

    final Layer layer;
    private final DataStore store;
    private final GridCoverageResource resource;
    final GridGeometry grid;
    private final double[] noData;
    private @Nullable RenderedImage image;

    private GeoTiffLayer(Layer layer, DataStore store, GridCoverageResource resource, GridGeometry grid,
            double[] noData) {
        this.layer = layer;
        this.store = store;
        this.resource = resource;
        this.grid = grid;
        this.noData = noData;
    }

    /** Opens a file; a file that is not a readable single-band GeoTIFF is refused with the layer's name. */
    static GeoTiffLayer open(Layer layer, Path file) {
        DataStore store = null;
        try {
            store = DataStores.open(file);
            if (!(store instanceof GeoTiffStore tiff)) {
                throw new RasterException("not-geotiff", layer.zh(), file.getFileName().toString());
            }
            GridCoverageResource resource = tiff.components().get(0);
            GridGeometry grid = resource.getGridGeometry();
            if (!grid.isDefined(GridGeometry.CRS) || !grid.isDefined(GridGeometry.GRID_TO_CRS)) {
                throw new RasterException("no-crs", layer.zh());
            }
            java.util.List<SampleDimension> bands = resource.getSampleDimensions();
            if (bands.size() != 1) {
                throw new RasterException("not-single-band", layer.zh(), bands.size());
            }
            Set<Number> values = bands.get(0).getNoDataValues();
            double[] noData = values.stream().mapToDouble(Number::doubleValue).toArray();
            return new GeoTiffLayer(layer, store, resource, grid, noData);
        } catch (DataStoreException | RuntimeException e) {
            closeQuietly(store);
            if (e instanceof RasterException r) {
                throw r;
            }
            throw new RasterException("corrupt", layer.zh(), file.getFileName().toString());
        }
    }

    long width() {
        return grid.getExtent().getSize(0);
    }

    long height() {
        return grid.getExtent().getSize(1);
    }

    /** Reads rows [row, row + rows) into {@code out} (row order), NoData as NaN. */
    void read(int row, int rows, float[] out) {
        Raster r = strip(row, rows);
        int w = (int) width();
        double[] buffer = r.getSamples(r.getMinX(), r.getMinY(), w, rows, 0, (double[]) null);
        for (int i = 0; i < buffer.length; i++) {
            out[i] = isNoData(buffer[i]) ? Float.NaN : (float) buffer[i];
        }
    }

    /** Reads a class layer's rows, NoData (and fractional or negative values) as −1. */
    void readClasses(int row, int rows, int[] out) {
        Raster r = strip(row, rows);
        int w = (int) width();
        double[] buffer = r.getSamples(r.getMinX(), r.getMinY(), w, rows, 0, (double[]) null);
        for (int i = 0; i < buffer.length; i++) {
            double v = buffer[i];
            out[i] = isNoData(v) || v < 0 || v != Math.rint(v) ? -1 : (int) v;
        }
    }

    private boolean isNoData(double v) {
        if (v != v) {
            return true;
        }
        for (double n : noData) {
            if (v == n) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rows as a raster: the file's image is opened once with its tiles loaded when asked for (SIS keeps
     * them in its tile cache), and each band of rows takes only the tiles or strips it crosses. Reading each
     * band as a sub-grid coverage instead misplaced rows of files written in tiles.
     */
    private Raster strip(int row, int rows) {
        try {
            if (image == null) {
                resource.setLoadingStrategy(RasterLoadingStrategy.AT_GET_TILE_TIME);
                image = resource.read(null).render(null);
            }
            return image.getData(new Rectangle(image.getMinX(), image.getMinY() + row, (int) width(), rows));
        } catch (DataStoreException | RuntimeException e) {
            throw new RasterException("corrupt", layer.zh(), "rows " + row + "–" + (row + rows - 1));
        }
    }

    @Override
    public void close() {
        closeQuietly(store);
    }

    private static void closeQuietly(DataStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (DataStoreException ignored) {
                // a read-only store that fails to close holds nothing we need
            }
        }
    }
}
