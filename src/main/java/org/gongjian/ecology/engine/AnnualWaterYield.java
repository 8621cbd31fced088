package org.gongjian.ecology.engine;

/**
 * The per-pixel water balance of InVEST's Annual Water Yield model (natcap/invest
 * {@code annual_water_yield.py}): Budyko's curve in Fu's form with ω = Z·AWC/P + 1.25 (capped at 5).
 * It gives actual evapotranspiration where only reference ET is known; all depths in mm.
 */
public final class AnnualWaterYield {

    private static final double OMEGA_OFFSET = 1.25;
    private static final double OMEGA_CAP = 5.0;

    private AnnualWaterYield() {
    }

    /** The results for one pixel or stand. */
    public record Result(double omega, double aetOverP, double phi, double fractp, double aet, double waterYield) {
    }

    /**
     * @param precipitation P, mm
     * @param eto           reference evapotranspiration, mm
     * @param kc            crop (plant evapotranspiration) coefficient
     * @param rootDepth     root depth, mm
     * @param soilDepth     depth to the root-restricting layer, mm
     * @param pawc          plant available water content, fraction
     * @param z             seasonality constant Z
     * @param vegetated     whether the land cover is vegetation (else AET = min(Kc·ETo, P))
     */
    public static Result compute(double precipitation, double eto, double kc, double rootDepth, double soilDepth,
            double pawc, double z, boolean vegetated) {
        if (precipitation <= 0) {
            throw new IllegalArgumentException("Precipitation must be positive");
        }
        double pet = kc * eto;
        double phi = pet / precipitation;
        double awc = Math.min(rootDepth, soilDepth) * pawc;
        double omega = Math.min(OMEGA_CAP, z * awc / precipitation + OMEGA_OFFSET);
        double aetOverP = 1 + phi - Math.pow(1 + Math.pow(phi, omega), 1 / omega);
        double fractp = vegetated ? Math.min(phi, aetOverP) : Math.min(pet, precipitation) / precipitation;
        double aet = fractp * precipitation;
        return new Result(omega, aetOverP, phi, fractp, aet, (1 - fractp) * precipitation);
    }
}
