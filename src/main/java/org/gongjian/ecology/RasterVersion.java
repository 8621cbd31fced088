package org.gongjian.ecology;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What a raster account version keeps beside its result: the grid it was computed on, the layers it read (by
 * name, size and SHA-256) and its value maps (a GeoTIFF of 元 per cell per service and for the total, and the
 * PNG preview with town boundaries and legend).
 *
 * @param cellArea m² per cell
 */
public record RasterVersion(int width, int height, String crs, BigDecimal cellArea, long forestPixels,
        long skippedPixels, List<LayerFile> layers, List<MapFile> maps) {

    /** The service code of the map of the total GEP, and of the PNG preview. */
    public static final String TOTAL = "TOTAL";
    public static final String PREVIEW = "PREVIEW";

    /** A layer as read: its layer code (e.g. {@code PRECIPITATION}), its file name, size in bytes and SHA-256. */
    public record LayerFile(String layer, String label, String fileName, long size, String sha256) {
    }

    /** A value map: the service it shows (or TOTAL, PREVIEW), its name, where it is kept, size and SHA-256. */
    public record MapFile(String service, String name, String storageKey, long size, String sha256) {

        public boolean preview() {
            return PREVIEW.equals(service);
        }

        /** The name it is downloaded under, e.g. {@code chishui-2023-raster-v1-WATER_REGULATION.tif}. */
        public String fileName(String account, int version) {
            return account + "-v" + version + "-" + service + (preview() ? ".png" : ".tif");
        }
    }

    public Optional<MapFile> map(String service) {
        return maps.stream().filter(m -> m.service().equals(service)).findFirst();
    }

    /** The GeoTIFFs, the total first. */
    public List<MapFile> geoTiffs() {
        return maps.stream().filter(m -> !m.preview())
                .sorted(java.util.Comparator.comparing((MapFile m) -> !TOTAL.equals(m.service()))).toList();
    }
}
