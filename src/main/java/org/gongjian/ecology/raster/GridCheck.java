package org.gongjian.ecology.raster;

import java.util.ArrayList;
import java.util.List;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.operation.matrix.Matrices;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.util.Utilities;
import org.opengis.referencing.operation.Matrix;

/**
 * Checks that every layer lies on the land-cover layer's grid: the same CRS, the same number of
 * columns and rows, and the same origin and cell size. Each difference is named with the layer and
 * both values, so that the user knows which file to fix.
 */
final class GridCheck {

    /** A cell-size or origin difference smaller than this share of a cell is the same grid. */
    private static final double TOLERANCE = 1e-6;

    private GridCheck() {
    }

    static List<RasterException> differences(GeoTiffLayer reference, List<GeoTiffLayer> others) {
        List<RasterException> problems = new ArrayList<>();
        GridGeometry ref = reference.grid;
        Matrix refMatrix = affine(reference);
        for (GeoTiffLayer l : others) {
            GridGeometry g = l.grid;
            if (!Utilities.equalsIgnoreMetadata(ref.getCoordinateReferenceSystem(), g.getCoordinateReferenceSystem())) {
                problems.add(new RasterException("crs-differs", l.layer.zh(), name(g), reference.layer.zh(), name(ref)));
                continue;
            }
            if (l.width() != reference.width() || l.height() != reference.height()) {
                problems.add(new RasterException("size-differs", l.layer.zh(), l.width() + "×" + l.height(),
                        reference.layer.zh(), reference.width() + "×" + reference.height()));
                continue;
            }
            Matrix m = affine(l);
            double cell = Math.abs(refMatrix.getElement(0, 0));
            if (!close(m.getElement(0, 0), refMatrix.getElement(0, 0), cell) || !close(m.getElement(1, 1),
                    refMatrix.getElement(1, 1), cell) || !close(m.getElement(0, 1), refMatrix.getElement(0, 1), cell)
                    || !close(m.getElement(1, 0), refMatrix.getElement(1, 0), cell)) {
                problems.add(new RasterException("resolution-differs", l.layer.zh(), resolution(m),
                        reference.layer.zh(), resolution(refMatrix)));
            } else if (!close(m.getElement(0, 2), refMatrix.getElement(0, 2), cell)
                    || !close(m.getElement(1, 2), refMatrix.getElement(1, 2), cell)) {
                problems.add(new RasterException("origin-differs", l.layer.zh(), origin(m), reference.layer.zh(),
                        origin(refMatrix)));
            }
        }
        return problems;
    }

    /** The grid-to-CRS affine of a layer (cell corners), refused if it is not affine. */
    static Matrix affine(GeoTiffLayer l) {
        Matrix m = MathTransforms.getMatrix(l.grid.getGridToCRS(PixelInCell.CELL_CORNER));
        if (m == null || m.getNumRow() != 3 || !Matrices.isAffine(m)) {
            throw new RasterException("not-affine", l.layer.zh());
        }
        return m;
    }

    private static boolean close(double a, double b, double cell) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(cell, 1e-12);
    }

    private static String name(GridGeometry g) {
        String code = IdentifiedObjects.getIdentifierOrName(g.getCoordinateReferenceSystem());
        return code == null ? g.getCoordinateReferenceSystem().getName().getCode() : code;
    }

    private static String resolution(Matrix m) {
        return fmt(Math.abs(m.getElement(0, 0))) + "×" + fmt(Math.abs(m.getElement(1, 1)));
    }

    private static String origin(Matrix m) {
        return "(" + fmt(m.getElement(0, 2)) + ", " + fmt(m.getElement(1, 2)) + ")";
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
