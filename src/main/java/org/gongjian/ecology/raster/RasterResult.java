package org.gongjian.ecology.raster;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.gongjian.ecology.engine.GepResult;

/**
 * A raster account's answer: the engine's result (totals per town × forest type × service, each
 * parameter with its source), the grid it was computed on, how many forest pixels counted and how
 * many were skipped for NoData, and the value maps written.
 *
 * @param cellArea m² per cell
 */
public record RasterResult(GepResult result, int width, int height, String crs, BigDecimal cellArea, long forestPixels,
        long skippedPixels, List<String> zones, List<ValueMap> maps) {

    /** A value map: a GeoTIFF of 元 per cell for one service (or {@code TOTAL}), or the PNG preview. */
    public record ValueMap(String service, String name, Path file) {
    }
}
