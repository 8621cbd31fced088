package org.gongjian.ecology.engine;

/**
 * One tile (or strip) of a raster account's layers, as primitive arrays of {@code length} pixels in
 * row order. NoData is already mapped: {@code -1} in the class arrays, NaN in the others. Either
 * {@code actualEt} is given, or {@code referenceEt}, {@code restrictingDepth} and {@code pawc} for
 * InVEST's Budyko curve. A tile is filled by the reader and reused for the next one.
 *
 * @param cover            land-cover class of each pixel (index into the kernel's class → forest type table)
 * @param zone             zone (town) index of each pixel
 * @param precipitation    P, mm/a
 * @param actualEt         actual evapotranspiration, mm/a, or null
 * @param referenceEt      reference evapotranspiration ET₀, mm/a, or null
 * @param restrictingDepth depth to the root-restricting layer, mm, or null
 * @param pawc             plant-available water content, fraction, or null
 * @param erosivity        RUSLE R, MJ·mm/(hm²·h·a)
 * @param erodibility      RUSLE K, t·hm²·h/(hm²·MJ·mm)
 * @param slopeLength      RUSLE LS
 * @param coverFactor      RUSLE C
 * @param practiceFactor   RUSLE P
 * @param npp              net primary production as dry matter, t/(hm²·a)
 */
public record PixelTile(int length, int[] cover, int[] zone, float[] precipitation, float[] actualEt,
        float[] referenceEt, float[] restrictingDepth, float[] pawc, float[] erosivity, float[] erodibility,
        float[] slopeLength, float[] coverFactor, float[] practiceFactor, float[] npp) {

    /** Empty arrays for tiles of up to {@code capacity} pixels, with the ET inputs of the chosen mode. */
    public static PixelTile allocate(int capacity, boolean withActualEt) {
        return new PixelTile(capacity, new int[capacity], new int[capacity], new float[capacity],
                withActualEt ? new float[capacity] : null, withActualEt ? null : new float[capacity],
                withActualEt ? null : new float[capacity], withActualEt ? null : new float[capacity],
                new float[capacity], new float[capacity], new float[capacity], new float[capacity], new float[capacity],
                new float[capacity]);
    }

    /** The same arrays holding only the first {@code n} pixels (the last strip of a raster is shorter). */
    public PixelTile withLength(int n) {
        return new PixelTile(n, cover, zone, precipitation, actualEt, referenceEt, restrictingDepth, pawc, erosivity,
                erodibility, slopeLength, coverFactor, practiceFactor, npp);
    }

    public boolean usesActualEt() {
        return actualEt != null;
    }
}
