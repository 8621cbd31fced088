package org.gongjian.ecology.engine;

import java.math.BigDecimal;

/**
 * One stand (小班) of the forest inventory, or a set of defaults in the same shape. Every figure is in
 * its standard unit (see {@link StandField}) unless the request's {@code columnUnits} says otherwise;
 * a missing figure is taken from the town's defaults, the forest type's table rates, then the
 * request's site defaults.
 */
public record Stand(String id, String town, String village, String forestType, String speciesGroup, String origin,
        String ageClass, BigDecimal area, BigDecimal volume, BigDecimal previousVolume, BigDecimal volumeIncrement,
        BigDecimal height, BigDecimal lai, BigDecimal npp, BigDecimal precipitation, BigDecimal evapotranspiration,
        BigDecimal runoff, BigDecimal runoffCoefficient, BigDecimal erosionWithForest, BigDecimal erosionWithoutForest,
        BigDecimal soilBulkDensity, BigDecimal soilN, BigDecimal soilP, BigDecimal soilK, BigDecimal soilOrganicMatter,
        BigDecimal treeN, BigDecimal treeP, BigDecimal treeK, BigDecimal soilCarbonAccumulation,
        BigDecimal ionConcentration, BigDecimal ionLifetime, BigDecimal so2Absorption, BigDecimal hfAbsorption,
        BigDecimal noxAbsorption, BigDecimal dustRetention, BigDecimal pm10Retention, BigDecimal pm25Retention,
        BigDecimal washoffEvents, BigDecimal shannonIndex, BigDecimal endangeredScore, BigDecimal endemicScore,
        BigDecimal ancientTreeScore, BigDecimal windErosionWithForest, BigDecimal windErosionWithoutForest,
        BigDecimal protectedFarmland, BigDecimal grainYieldIncrease, BigDecimal correctionFactor,
        BigDecimal referenceBiomass, BigDecimal eto, BigDecimal kc, BigDecimal rootDepth, BigDecimal soilDepth,
        BigDecimal pawc) {

    /**
     * The stand a raster account makes of one town × forest type: its pixels' area and the
     * area-weighted means of their layers; every other figure comes from the defaults.
     */
    public static Stand ofPixels(String id, String town, String forestType, BigDecimal area, BigDecimal npp,
            BigDecimal precipitation, BigDecimal evapotranspiration, BigDecimal erosionWithForest,
            BigDecimal erosionWithoutForest) {
        return new Stand(id, town, null, forestType, null, null, null, area, null, null, null, null, null, npp,
                precipitation, evapotranspiration, null, null, erosionWithForest, erosionWithoutForest, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
