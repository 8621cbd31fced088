package org.gongjian.ecology.raster;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.ecology.engine.GepEngine;
import org.gongjian.ecology.engine.GepRequest;
import org.gongjian.ecology.engine.GepResult;
import org.gongjian.ecology.engine.PixelKernel;
import org.gongjian.ecology.engine.PixelTile;
import org.gongjian.ecology.engine.ReferenceData;
import org.gongjian.ecology.engine.Stand;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.operation.Matrix;

/**
 * A GEP account on rasters. The layers are checked to lie on one grid, read strip by strip into
 * primitive arrays, and the {@link PixelKernel} sums each town × forest type's pixels; each sum
 * becomes the stand it stands for (area and area-weighted means), which the stand engine values with
 * the same profile, parameters, prices and sources as any inventory. Value maps then spread each
 * group's values back over its pixels by the quantity that drives them.
 */
public final class RasterAccounting {

    /** Pixels per strip: rows are read in bands of about this many cells. */
    static final int STRIP_CELLS = 1 << 18;

    /** Cells of a Kaiping-sized county on a 10 m grid, with room to spare. */
    public static final long DEFAULT_MAX_CELLS = 20_000_000L;

    private final GepEngine engine;
    private final long maxCells;

    public RasterAccounting(GepEngine engine) {
        this(engine, DEFAULT_MAX_CELLS);
    }

    /** An accounting that refuses grids of more than {@code maxCells} cells (value maps are held whole). */
    public RasterAccounting(GepEngine engine, long maxCells) {
        this.engine = engine;
        this.maxCells = maxCells;
    }

    /** The layer files of a folder (or an upload saved to one), by their names: landcover.tif, zones.geojson, … */
    public static Map<Layer, Path> layersIn(Path folder) {
        Map<Layer, Path> files = new EnumMap<>(Layer.class);
        try (var list = Files.list(folder)) {
            list.forEach(f -> {
                Layer l = Layer.byFileName(f.getFileName().toString());
                if (l != null && files.put(l, f) != null) {
                    throw new RasterException("duplicate-layer", l.zh());
                }
            });
        } catch (java.io.IOException e) {
            throw new RasterException("folder-unreadable", folder.toString());
        }
        return files;
    }

    /** Deletes a folder of layers or maps and everything in it; what cannot be deleted is left to the system's cleaner. */
    public static void deleteFolder(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary folder left behind is removed with the system's temporary files
        }
    }

    /** Evaluates the account; writes value maps and the preview to {@code mapsFolder} when it is not null. */
    public RasterResult evaluate(RasterRequest req, Map<Layer, Path> files, Path mapsFolder) {
        boolean actualEt = files.containsKey(Layer.ACTUAL_ET);
        List<Layer> needed = new ArrayList<>(List.of(Layer.LAND_COVER, Layer.ZONES, Layer.PRECIPITATION, Layer.EROSIVITY,
                Layer.ERODIBILITY, Layer.SLOPE_LENGTH, Layer.COVER_FACTOR, Layer.PRACTICE_FACTOR, Layer.NPP));
        needed.addAll(actualEt ? List.of(Layer.ACTUAL_ET)
                : List.of(Layer.REFERENCE_ET, Layer.RESTRICTING_DEPTH, Layer.PAWC));
        for (Layer l : needed) {
            if (!files.containsKey(l)) {
                throw new RasterException(l == Layer.REFERENCE_ET ? "missing-et" : "missing-layer", l.zh(), l.fileName());
            }
        }
        if (req.account() == null) {
            throw new RasterException("missing-account");
        }
        if (req.account().stands() != null && !req.account().stands().isEmpty()) {
            throw new RasterException("stands-in-raster-request");
        }
        if (req.account().carbonSink() != null) {
            throw new RasterException("carbon-sink-needs-stands");
        }
        boolean geoJsonZones = files.get(Layer.ZONES).getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .matches(".*\\.(geo)?json$");
        try (Layers layers = Layers.open(files, needed, geoJsonZones)) {
            Grid grid = Grid.of(layers.reference);
            if ((long) grid.width() * grid.height() > maxCells) {
                throw new RasterException("too-large", (long) grid.width() * grid.height(), maxCells);
            }
            Setup setup = setup(req, layers, geoJsonZones, actualEt);
            double[] sums = setup.kernel.newSums();
            long skipped = 0;
            PixelTile tile = PixelTile.allocate(grid.stripRows() * grid.width(), actualEt);
            for (int row = 0; row < grid.height(); row += grid.stripRows()) {
                int rows = Math.min(grid.stripRows(), grid.height() - row);
                PixelTile t = layers.fill(tile, row, rows, grid.width(), setup.zoneOfValue);
                skipped += setup.kernel.accumulate(t, sums);
            }
            GepResult result = engine.evaluate(withStands(req.account(), stands(setup, sums, grid)));
            List<RasterResult.ValueMap> maps = mapsFolder == null ? List.of()
                    : ValueMaps.write(result, setup, sums, grid, layers, tile, mapsFolder);
            long forest = 0;
            for (int g = 0; g < sums.length; g += PixelKernel.FIELDS) {
                forest += (long) sums[g + PixelKernel.COUNT];
            }
            return new RasterResult(result, grid.width(), grid.height(), grid.crs(), BigDecimal.valueOf(grid.cellArea()),
                    forest, skipped, setup.towns, maps);
        }
    }

    /** The kernel's tables from the request: forest classes, zones, runoff, Kc and root depth. */
    record Setup(PixelKernel kernel, List<String> towns, List<String> types, Map<Integer, Integer> zoneOfValue) {
    }

    private Setup setup(RasterRequest req, Layers layers, boolean geoJsonZones, boolean actualEt) {
        ReferenceData ref = engine.reference();
        List<String> towns = new ArrayList<>();
        Map<Integer, Integer> zoneOfValue = new HashMap<>();
        if (geoJsonZones) {
            towns.addAll(layers.zones.codes);
        } else {
            if (req.zones() == null || req.zones().isEmpty()) {
                throw new RasterException("missing-zones");
            }
            for (RasterRequest.Zone z : req.zones()) {
                int index = towns.indexOf(z.town());
                if (index < 0) {
                    index = towns.size();
                    towns.add(z.town());
                }
                if (zoneOfValue.put(z.value(), index) != null) {
                    throw new RasterException("duplicate-zone", z.value());
                }
            }
        }
        if (req.landCover() == null || req.landCover().isEmpty()) {
            throw new RasterException("missing-land-cover");
        }
        int maxClass = req.landCover().stream().mapToInt(RasterRequest.LandCoverClass::value).max().orElse(0);
        if (maxClass > 65_535 || req.landCover().stream().anyMatch(c -> c.value() < 0)) {
            throw new RasterException("class-out-of-range");
        }
        int[] typeOfClass = new int[maxClass + 1];
        java.util.Arrays.fill(typeOfClass, -1);
        double[] kc = new double[maxClass + 1];
        double[] root = new double[maxClass + 1];
        List<String> types = new ArrayList<>();
        for (RasterRequest.LandCoverClass c : req.landCover()) {
            ReferenceData.ForestType type = c.forestType() == null ? null : ref.forestTypes().get(c.forestType());
            if (type == null) {
                throw new RasterException("unknown-forest-type", c.value(), c.forestType());
            }
            if (typeOfClass[c.value()] >= 0) {
                throw new RasterException("duplicate-class", c.value());
            }
            if (!actualEt && (c.kc() == null || c.rootDepth() == null)) {
                throw new RasterException("class-needs-kc", c.value());
            }
            if (!types.contains(type.code())) {
                types.add(type.code());
            }
            typeOfClass[c.value()] = types.indexOf(type.code());
            kc[c.value()] = c.kc() == null ? 0 : c.kc().doubleValue();
            root[c.value()] = c.rootDepth() == null ? 0 : c.rootDepth().doubleValue();
        }
        double[] alpha = new double[types.size()];
        for (int t = 0; t < types.size(); t++) {
            alpha[t] = runoffCoefficient(req.account(), ref, ref.forestTypes().get(types.get(t)));
        }
        if (!actualEt && req.seasonalityZ() == null) {
            throw new RasterException("missing-z");
        }
        double z = req.seasonalityZ() == null ? 0 : req.seasonalityZ().doubleValue();
        return new Setup(new PixelKernel(typeOfClass, towns.size(), alpha, kc, root, z), towns, types, zoneOfValue);
    }

    /** α as the stand engine finds it: the forest type's table rate, else the site defaults' (for the value maps only). */
    private static double runoffCoefficient(GepRequest account, ReferenceData ref, ReferenceData.ForestType type) {
        ReferenceData.RateClass rates = ref.rateClasses().get(type.rateClass());
        if (rates != null && rates.alpha() != null && rates.alpha().value() != null) {
            return rates.alpha().value().doubleValue();
        }
        Stand site = account.siteDefaults();
        return site != null && site.runoffCoefficient() != null ? site.runoffCoefficient().doubleValue() : 0;
    }

    /** One stand per town × forest type with pixels: area = pixels × cell area, figures = means over the pixels. */
    static List<Stand> stands(Setup setup, double[] sums, Grid grid) {
        List<Stand> stands = new ArrayList<>();
        BigDecimal cellHectares = BigDecimal.valueOf(grid.cellArea()).movePointLeft(4);
        for (int zone = 0; zone < setup.towns.size(); zone++) {
            for (int type = 0; type < setup.types.size(); type++) {
                int o = (zone * setup.types.size() + type) * PixelKernel.FIELDS;
                double n = sums[o + PixelKernel.COUNT];
                if (n == 0) {
                    continue;
                }
                stands.add(Stand.ofPixels("raster:" + setup.towns.get(zone) + ":" + setup.types.get(type),
                        setup.towns.get(zone), setup.types.get(type), BigDecimal.valueOf((long) n).multiply(cellHectares),
                        mean(sums[o + PixelKernel.NPP], n), mean(sums[o + PixelKernel.PRECIPITATION], n),
                        mean(sums[o + PixelKernel.ET], n), mean(sums[o + PixelKernel.EROSION_WITH_FOREST], n),
                        mean(sums[o + PixelKernel.EROSION_WITHOUT_FOREST], n)));
            }
        }
        return stands;
    }

    private static BigDecimal mean(double sum, double n) {
        return new BigDecimal(sum / n, MathContext.DECIMAL64);
    }

    private static GepRequest withStands(GepRequest a, List<Stand> stands) {
        return new GepRequest(a.method(), a.accountingYear(), a.priceAdjustment(), a.correctionFactor(), a.columnUnits(),
                a.services(), a.switches(), a.carbonBasis(), a.parameters(), a.speciesGroups(), a.siteDefaults(),
                a.towns(), stands, a.physicalQuantities(), a.externalValues(), null);
    }

    /** The grid of the land-cover layer: size, CRS, cell area in m², rows per strip. */
    record Grid(int width, int height, String crs, double cellArea, Matrix gridToCrs, GeoTiffLayer reference) {

        static Grid of(GeoTiffLayer reference) {
            if (!(reference.grid.getCoordinateReferenceSystem() instanceof ProjectedCRS crs)) {
                throw new RasterException("crs-not-projected", reference.layer.zh(),
                        reference.grid.getCoordinateReferenceSystem().getName().getCode());
            }
            if (!crs.getCoordinateSystem().getAxis(0).getUnit().toString().equals("m")) {
                throw new RasterException("crs-not-metres", crs.getName().getCode());
            }
            Matrix m = GridCheck.affine(reference);
            double area = Math.abs(m.getElement(0, 0) * m.getElement(1, 1) - m.getElement(0, 1) * m.getElement(1, 0));
            if (reference.width() > Integer.MAX_VALUE / 2 || reference.height() > Integer.MAX_VALUE / 2) {
                throw new RasterException("too-large", reference.width() + "×" + reference.height());
            }
            String name = org.apache.sis.referencing.IdentifiedObjects.getIdentifierOrName(crs);
            return new Grid((int) reference.width(), (int) reference.height(), name, area, m, reference);
        }

        int stripRows() {
            return Math.max(1, Math.min(height, STRIP_CELLS / Math.max(1, width)));
        }
    }

    /** The open layers of one account. */
    static final class Layers implements AutoCloseable {

        final GeoTiffLayer reference;
        final Map<Layer, GeoTiffLayer> open = new EnumMap<>(Layer.class);
        ZoneGrid zones;

        private Layers(GeoTiffLayer reference) {
            this.reference = reference;
        }

        static Layers open(Map<Layer, Path> files, List<Layer> needed, boolean geoJsonZones) {
            Layers layers = new Layers(GeoTiffLayer.open(Layer.LAND_COVER, files.get(Layer.LAND_COVER)));
            try {
                layers.open.put(Layer.LAND_COVER, layers.reference);
                for (Layer l : needed) {
                    if (l != Layer.LAND_COVER && !(l == Layer.ZONES && geoJsonZones)) {
                        layers.open.put(l, GeoTiffLayer.open(l, files.get(l)));
                    }
                }
                List<RasterException> differences = GridCheck.differences(layers.reference, layers.open.values().stream()
                        .filter(l -> l != layers.reference).toList());
                if (!differences.isEmpty()) {
                    throw differences.get(0);
                }
                if (geoJsonZones) {
                    layers.zones = ZoneGrid.read(files.get(Layer.ZONES), GridCheck.affine(layers.reference),
                            (int) layers.reference.width());
                }
                return layers;
            } catch (RuntimeException e) {
                layers.close();
                throw e;
            }
        }

        /** Reads rows [row, row + rows) of every layer into the tile, zone values mapped to zone indices. */
        PixelTile fill(PixelTile tile, int row, int rows, int width, Map<Integer, Integer> zoneOfValue) {
            PixelTile t = tile.withLength(rows * width);
            open.get(Layer.LAND_COVER).readClasses(row, rows, t.cover());
            if (zones != null) {
                zones.burn(row, rows, t.zone());
            } else {
                int[] z = t.zone();
                open.get(Layer.ZONES).readClasses(row, rows, z);
                for (int i = 0; i < t.length(); i++) {
                    Integer index = z[i] < 0 ? null : zoneOfValue.get(z[i]);
                    z[i] = index == null ? -1 : index;
                }
            }
            open.get(Layer.PRECIPITATION).read(row, rows, t.precipitation());
            if (t.usesActualEt()) {
                open.get(Layer.ACTUAL_ET).read(row, rows, t.actualEt());
            } else {
                open.get(Layer.REFERENCE_ET).read(row, rows, t.referenceEt());
                open.get(Layer.RESTRICTING_DEPTH).read(row, rows, t.restrictingDepth());
                open.get(Layer.PAWC).read(row, rows, t.pawc());
            }
            open.get(Layer.EROSIVITY).read(row, rows, t.erosivity());
            open.get(Layer.ERODIBILITY).read(row, rows, t.erodibility());
            open.get(Layer.SLOPE_LENGTH).read(row, rows, t.slopeLength());
            open.get(Layer.COVER_FACTOR).read(row, rows, t.coverFactor());
            open.get(Layer.PRACTICE_FACTOR).read(row, rows, t.practiceFactor());
            open.get(Layer.NPP).read(row, rows, t.npp());
            return t;
        }

        @Override
        public void close() {
            open.values().forEach(GeoTiffLayer::close);
        }
    }
}
