package org.gongjian.ecology.raster;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferFloat;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.sis.coverage.SampleDimension;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridCoverageBuilder;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.gongjian.ecology.engine.GepResult;
import org.gongjian.ecology.engine.PixelKernel;
import org.gongjian.ecology.engine.PixelTile;

/**
 * Writes a raster account's value maps: per service a GeoTIFF of 元 per cell (Apache SIS, float,
 * NaN where nothing was accounted), the total likewise, and a PNG preview of the total in 元/hm²
 * with town boundaries and a legend. Each group's value is spread over its pixels by the quantity
 * that drives it (water yield, retained soil, NPP or area), so a map's pixels add up to the table.
 */
final class ValueMaps {

    static final String TOTAL = "TOTAL";
    static final String PREVIEW = "PREVIEW";
    private static final int PREVIEW_WIDTH = 720;
    /** Grids narrower than this are drawn enlarged in the preview. */
    private static final int MIN_MAP_WIDTH = 480;
    private static final Set<String> WATER = Set.of("WATER_REGULATION", "WATER_PURIFICATION", "WATER_RETENTION");
    private static final Set<String> SOIL = Set.of("SOIL_FIXATION", "SOIL_FERTILITY", "SOIL_RETENTION");
    private static final Set<String> NPP = Set.of("CARBON_FIXATION", "OXYGEN_RELEASE", "NUTRIENT_RETENTION");
    private static final Color[] RAMP = {new Color(0xedf8e9), new Color(0xbae4b3), new Color(0x74c476),
        new Color(0x31a354), new Color(0x006d2c)};

    private ValueMaps() {
    }

    static List<RasterResult.ValueMap> write(GepResult result, RasterAccounting.Setup setup, double[] sums,
            RasterAccounting.Grid grid, RasterAccounting.Layers layers, PixelTile tile, Path folder) {
        List<RasterResult.ValueMap> maps = new ArrayList<>();
        int groups = setup.towns().size() * setup.types().size();
        double[] total = new double[groups * PixelKernel.DRIVERS];
        float[] out = new float[grid.width() * grid.height()];
        try {
            Files.createDirectories(folder);
            for (GepResult.ServiceLine line : result.lines()) {
                double[] perUnit = perUnit(result, line.code(), setup, sums);
                for (int i = 0; i < total.length; i++) {
                    total[i] += perUnit[i];
                }
                Path file = folder.resolve("value-" + line.code() + ".tif");
                render(setup, grid, layers, tile, perUnit, out, null);
                geoTiff(grid, out, file);
                maps.add(new RasterResult.ValueMap(line.code(), line.name(), file));
            }
            int step = Math.max(1, (grid.width() + PREVIEW_WIDTH - 1) / PREVIEW_WIDTH);
            Preview preview = new Preview((grid.width() + step - 1) / step, (grid.height() + step - 1) / step, step);
            render(setup, grid, layers, tile, total, out, preview);
            Path file = folder.resolve("value-" + TOTAL + ".tif");
            geoTiff(grid, out, file);
            maps.add(new RasterResult.ValueMap(TOTAL, "GEP", file));
            Path png = folder.resolve("preview.png");
            ImageIO.write(preview.image(grid.cellArea() / 10_000), "png", png.toFile());
            maps.add(new RasterResult.ValueMap(PREVIEW, "GEP", png));
            return maps;
        } catch (IOException e) {
            throw new RasterException("maps-not-written", folder.toString());
        }
    }

    /** A service's 元 per unit of its driver, per group (zone × type × driver). */
    static double[] perUnit(GepResult result, String service, RasterAccounting.Setup setup, double[] sums) {
        int types = setup.types().size();
        double[] perUnit = new double[setup.towns().size() * types * PixelKernel.DRIVERS];
        for (GepResult.ForestTypeAccount a : result.forestTypes()) {
            int zone = setup.towns().indexOf(a.town());
            int type = setup.types().indexOf(a.forestType());
            BigDecimal value = a.values().get(service);
            if (zone < 0 || type < 0 || value == null) {
                continue;
            }
            int s = (zone * types + type) * PixelKernel.FIELDS;
            int driver = WATER.contains(service) ? PixelKernel.DRIVER_WATER : SOIL.contains(service)
                    ? PixelKernel.DRIVER_SOIL : NPP.contains(service) ? PixelKernel.DRIVER_NPP : PixelKernel.DRIVER_AREA;
            double amount = switch (driver) {
                case PixelKernel.DRIVER_WATER -> sums[s + PixelKernel.WATER];
                case PixelKernel.DRIVER_SOIL -> sums[s + PixelKernel.EROSION_WITHOUT_FOREST]
                        - sums[s + PixelKernel.EROSION_WITH_FOREST];
                case PixelKernel.DRIVER_NPP -> sums[s + PixelKernel.NPP];
                default -> sums[s + PixelKernel.COUNT];
            };
            if (amount == 0) {
                driver = PixelKernel.DRIVER_AREA;
                amount = sums[s + PixelKernel.COUNT];
            }
            perUnit[(zone * types + type) * PixelKernel.DRIVERS + driver] = value.doubleValue() / amount;
        }
        return perUnit;
    }

    private static void render(RasterAccounting.Setup setup, RasterAccounting.Grid grid,
            RasterAccounting.Layers layers, PixelTile tile, double[] perUnit, float[] out, Preview preview) {
        float[] strip = new float[tile.cover().length];
        for (int row = 0; row < grid.height(); row += grid.stripRows()) {
            int rows = Math.min(grid.stripRows(), grid.height() - row);
            PixelTile t = layers.fill(tile, row, rows, grid.width(), setup.zoneOfValue());
            setup.kernel().values(t, perUnit, strip);
            System.arraycopy(strip, 0, out, row * grid.width(), rows * grid.width());
            if (preview != null) {
                preview.sample(row, rows, grid.width(), strip, t.zone());
            }
        }
    }

    private static void geoTiff(RasterAccounting.Grid grid, float[] values, Path file) throws IOException {
        geoTiff(grid.reference().grid, grid.width(), grid.height(), values, file);
    }

    /** Writes one float band on a grid as a GeoTIFF (Apache SIS). */
    static void geoTiff(org.apache.sis.coverage.grid.GridGeometry domain, int width, int height, float[] values,
            Path file) throws IOException {
        Files.deleteIfExists(file);
        GridCoverage coverage = new GridCoverageBuilder().setDomain(domain)
                .setRanges(new SampleDimension.Builder().setName("value").build())
                .setValues(new DataBufferFloat(values, values.length), new java.awt.Dimension(width, height))
                .build();
        try (DataStore store = DataStores.openWritable(file, "GeoTIFF")) {
            ((GeoTiffStore) store).append(coverage, null);
        } catch (DataStoreException e) {
            throw new IOException(e);
        }
    }

    /** The total sampled every {@code step} cells, with the zones, drawn with a legend. */
    private static final class Preview {

        private final int width;
        private final int height;
        private final int step;
        private final float[] values;
        private final int[] zones;

        Preview(int width, int height, int step) {
            this.width = width;
            this.height = height;
            this.step = step;
            this.values = new float[width * height];
            this.zones = new int[width * height];
        }

        void sample(int row, int rows, int fullWidth, float[] strip, int[] zone) {
            for (int r = 0; r < rows; r++) {
                int y = row + r;
                if (y % step != 0) {
                    continue;
                }
                for (int x = 0; x < fullWidth; x += step) {
                    int i = (y / step) * width + x / step;
                    values[i] = strip[r * fullWidth + x];
                    zones[i] = zone[r * fullWidth + x];
                }
            }
        }

        BufferedImage image(double cellHectares) {
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = 0;
            while (n < sorted.length && !Float.isNaN(sorted[n])) {
                n++;
            }
            double[] breaks = new double[RAMP.length + 1];
            for (int k = 0; k <= RAMP.length; k++) {
                breaks[k] = n == 0 ? 0 : sorted[Math.min(n - 1, (int) ((long) (n - 1) * k / RAMP.length))] / cellHectares;
            }
            int legend = 230;
            // a small grid is drawn with each cell as a square of zoom × zoom pixels, so the map is not a thumbnail
            int zoom = Math.max(1, MIN_MAP_WIDTH / width);
            BufferedImage img = new BufferedImage(width * zoom + legend, Math.max(height * zoom, 200),
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    float v = values[i];
                    int rgb = Float.isNaN(v) ? 0xf2f2f2 : RAMP[classOf(v / cellHectares, breaks)].getRGB();
                    boolean edge = (x + 1 < width && zones[i] != zones[i + 1]) || (y + 1 < height && zones[i] != zones[i + width]);
                    g.setColor(new Color(edge ? 0x333333 : rgb));
                    g.fillRect(x * zoom, y * zoom, zoom, zoom);
                }
            }
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.setColor(Color.BLACK);
            int x0 = width * zoom + 16;
            g.drawString("GEP 价值（元/公顷）", x0, 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int k = RAMP.length - 1; k >= 0; k--) {
                int y = 40 + (RAMP.length - 1 - k) * 24;
                g.setColor(RAMP[k]);
                g.fillRect(x0, y, 18, 16);
                g.setColor(Color.DARK_GRAY);
                g.drawRect(x0, y, 18, 16);
                g.drawString(label(breaks[k]) + " – " + label(breaks[k + 1]), x0 + 26, y + 13);
            }
            int y = 40 + RAMP.length * 24;
            g.setColor(new Color(0xf2f2f2));
            g.fillRect(x0, y, 18, 16);
            g.setColor(Color.DARK_GRAY);
            g.drawRect(x0, y, 18, 16);
            g.drawString("非林地 / 无数据", x0 + 26, y + 13);
            g.setStroke(new BasicStroke(2));
            g.setColor(new Color(0x333333));
            g.drawLine(x0, y + 36, x0 + 18, y + 36);
            g.drawString("乡镇界线", x0 + 26, y + 40);
            g.dispose();
            return img;
        }

        private static int classOf(double v, double[] breaks) {
            for (int k = 1; k < breaks.length - 1; k++) {
                if (v < breaks[k]) {
                    return k - 1;
                }
            }
            return breaks.length - 2;
        }

        private static String label(double v) {
            return BigDecimal.valueOf(v).setScale(0, RoundingMode.HALF_UP).toPlainString();
        }
    }
}
