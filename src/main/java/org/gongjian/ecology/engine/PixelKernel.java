package org.gongjian.ecology.engine;

/**
 * The per-pixel physics of a raster account, in {@code double} over primitive arrays, with no
 * framework: callable tile by tile by any runner. For each valid forest pixel it computes actual ET
 * (given, or InVEST's Budyko curve from ET₀), RUSLE's potential and actual erosion R·K·LS and
 * R·K·LS·C·P, and adds them with P and NPP to the sums of its zone × forest type. The sums are what
 * a stand of that zone and type would carry (area-weighted means × area), so the stand formulas and
 * prices value them unchanged.
 *
 * <p>A pixel counts when its zone and land cover are known, its cover maps to a forest type, and
 * every layer it needs has data; a forest pixel with a NoData layer is counted as skipped.
 */
public final class PixelKernel {

    /** Fields of a zone × type sum. */
    public static final int COUNT = 0, PRECIPITATION = 1, ET = 2, EROSION_WITHOUT_FOREST = 3, EROSION_WITH_FOREST = 4,
            NPP = 5, WATER = 6, FIELDS = 7;
    /** Drivers by which a group's value is spread over its pixels. */
    public static final int DRIVER_AREA = 0, DRIVER_WATER = 1, DRIVER_SOIL = 2, DRIVER_NPP = 3, DRIVERS = 4;

    private static final double OMEGA_OFFSET = 1.25;
    private static final double OMEGA_CAP = 5.0;

    private final int[] typeOfClass;
    private final int zones;
    private final int types;
    private final double[] runoffCoefficient;
    private final double[] kc;
    private final double[] rootDepth;
    private final double z;

    /**
     * @param typeOfClass       forest type index (0 … types−1) of each land-cover class, −1 when not forest
     * @param zones             number of zones
     * @param runoffCoefficient α of each forest type (storm runoff C = α·P), mm/mm
     * @param kc                plant evapotranspiration coefficient of each land-cover class (Budyko mode)
     * @param rootDepth         root depth of each land-cover class, mm (Budyko mode)
     * @param z                 InVEST's seasonality constant Z (Budyko mode)
     */
    public PixelKernel(int[] typeOfClass, int zones, double[] runoffCoefficient, double[] kc, double[] rootDepth,
            double z) {
        this.typeOfClass = typeOfClass.clone();
        this.zones = zones;
        this.types = runoffCoefficient.length;
        this.runoffCoefficient = runoffCoefficient.clone();
        this.kc = kc.clone();
        this.rootDepth = rootDepth.clone();
        this.z = z;
    }

    public int zones() {
        return zones;
    }

    public int types() {
        return types;
    }

    /** A new, zeroed array of sums: {@code zones × types × FIELDS}. */
    public double[] newSums() {
        return new double[zones * types * FIELDS];
    }

    /**
     * Adds a tile's valid pixels to {@code sums} (indexed {@code (zone·types + type)·FIELDS + field})
     * and returns the number of forest pixels skipped for NoData in one of their layers.
     */
    public long accumulate(PixelTile t, double[] sums) {
        long skipped = 0;
        boolean actual = t.usesActualEt();
        for (int i = 0; i < t.length(); i++) {
            int type = typeOf(t.cover()[i]);
            int zone = t.zone()[i];
            if (type < 0 || zone < 0 || zone >= zones) {
                continue;
            }
            double p = t.precipitation()[i];
            double et = actual ? t.actualEt()[i] : budykoEt(t.cover()[i], p, t.referenceEt()[i], t.restrictingDepth()[i],
                    t.pawc()[i]);
            double rkls = (double) t.erosivity()[i] * t.erodibility()[i] * t.slopeLength()[i];
            double cp = (double) t.coverFactor()[i] * t.practiceFactor()[i];
            double npp = t.npp()[i];
            double sum = p + et + rkls + cp + npp;
            if (sum != sum) {
                skipped++;
                continue;
            }
            int o = (zone * types + type) * FIELDS;
            sums[o + COUNT] += 1;
            sums[o + PRECIPITATION] += p;
            sums[o + ET] += et;
            sums[o + EROSION_WITHOUT_FOREST] += rkls;
            sums[o + EROSION_WITH_FOREST] += rkls * cp;
            sums[o + NPP] += npp;
            sums[o + WATER] += p - et - runoffCoefficient[type] * p;
        }
        return skipped;
    }

    /**
     * Spreads values over a tile's pixels: {@code perUnit[(zone·types + type)·DRIVERS + driver]} is a
     * group's value per unit of a driver (per pixel, per mm of water, per t/hm² of retained soil, per
     * t/hm² of NPP); the pixel's value is the sum over drivers. Pixels that do not count get NaN.
     */
    public void values(PixelTile t, double[] perUnit, float[] out) {
        boolean actual = t.usesActualEt();
        for (int i = 0; i < t.length(); i++) {
            int type = typeOf(t.cover()[i]);
            int zone = t.zone()[i];
            if (type < 0 || zone < 0 || zone >= zones) {
                out[i] = Float.NaN;
                continue;
            }
            double p = t.precipitation()[i];
            double et = actual ? t.actualEt()[i] : budykoEt(t.cover()[i], p, t.referenceEt()[i], t.restrictingDepth()[i],
                    t.pawc()[i]);
            double rkls = (double) t.erosivity()[i] * t.erodibility()[i] * t.slopeLength()[i];
            double soil = rkls - rkls * ((double) t.coverFactor()[i] * t.practiceFactor()[i]);
            double npp = t.npp()[i];
            double water = p - et - runoffCoefficient[type] * p;
            int o = (zone * types + type) * DRIVERS;
            out[i] = (float) (perUnit[o + DRIVER_AREA] + perUnit[o + DRIVER_WATER] * water
                    + perUnit[o + DRIVER_SOIL] * soil + perUnit[o + DRIVER_NPP] * npp);
        }
    }

    private int typeOf(int coverClass) {
        return coverClass < 0 || coverClass >= typeOfClass.length ? -1 : typeOfClass[coverClass];
    }

    /** InVEST AWY: AET = P·min(φ, 1 + φ − (1 + φ^ω)^(1/ω)), φ = Kc·ET₀/P, ω = min(5, Z·AWC/P + 1.25). */
    double budykoEt(int coverClass, double p, double eto, double depth, double pawc) {
        if (!(p > 0)) {
            return p == 0 ? 0 : Double.NaN;
        }
        double perP = 1 / p; // one division for both ratios to P
        double phi = kc[coverClass] * eto * perP;
        double awc = Math.min(rootDepth[coverClass], depth) * pawc;
        double omega = Math.min(OMEGA_CAP, z * awc * perP + OMEGA_OFFSET);
        double aetOverP = 1 + phi - Math.pow(1 + Math.pow(phi, omega), 1 / omega);
        return Math.min(phi, aetOverP) * p;
    }
}
