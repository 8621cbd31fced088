package org.gongjian.ecology.raster;

import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opengis.referencing.operation.Matrix;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Town polygons from GeoJSON (in the grid's CRS, each feature with a {@code code} property) burnt
 * onto the grid strip by strip: a cell belongs to the polygon that contains its centre.
 */
final class ZoneGrid {

    final List<String> codes = new ArrayList<>();
    private final List<Path2D.Double> shapes = new ArrayList<>();
    private final Matrix gridToCrs;
    private final int width;

    private ZoneGrid(Matrix gridToCrs, int width) {
        this.gridToCrs = gridToCrs;
        this.width = width;
    }

    static ZoneGrid read(Path file, Matrix gridToCrs, int width) {
        ZoneGrid z = new ZoneGrid(gridToCrs, width);
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new RasterException("corrupt", Layer.ZONES.zh(), file.getFileName().toString());
        }
        JsonNode features = root == null ? null : root.get("features");
        if (features == null || !features.isArray() || features.isEmpty()) {
            throw new RasterException("geojson-no-features");
        }
        for (JsonNode f : features) {
            JsonNode code = f.path("properties").get("code");
            JsonNode geometry = f.get("geometry");
            if (code == null || !code.isString() || geometry == null) {
                throw new RasterException("geojson-feature-without-code");
            }
            Path2D.Double shape = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            String type = geometry.path("type").asString();
            JsonNode coords = geometry.get("coordinates");
            if ("Polygon".equals(type)) {
                ring(shape, coords);
            } else if ("MultiPolygon".equals(type)) {
                coords.forEach(polygon -> ring(shape, polygon));
            } else {
                throw new RasterException("geojson-not-polygon", code.asString(), type);
            }
            z.codes.add(code.asString());
            z.shapes.add(shape);
        }
        return z;
    }

    private static void ring(Path2D.Double shape, JsonNode polygon) {
        for (JsonNode ring : polygon) {
            boolean first = true;
            for (JsonNode point : ring) {
                double x = point.get(0).asDouble();
                double y = point.get(1).asDouble();
                if (first) {
                    shape.moveTo(x, y);
                    first = false;
                } else {
                    shape.lineTo(x, y);
                }
            }
            shape.closePath();
        }
    }

    /** Zone indices (into {@link #codes}) of rows [row, row + rows), −1 outside every polygon. */
    void burn(int row, int rows, int[] out) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                double gx = c + 0.5;
                double gy = row + r + 0.5;
                double x = gridToCrs.getElement(0, 0) * gx + gridToCrs.getElement(0, 1) * gy + gridToCrs.getElement(0, 2);
                double y = gridToCrs.getElement(1, 0) * gx + gridToCrs.getElement(1, 1) * gy + gridToCrs.getElement(1, 2);
                int zone = -1;
                for (int i = 0; i < shapes.size() && zone < 0; i++) {
                    if (shapes.get(i).contains(x, y)) {
                        zone = i;
                    }
                }
                out[r * width + c] = zone;
            }
        }
    }
}
