package org.gongjian.ecology.raster;

import java.math.BigDecimal;
import java.util.List;
import org.gongjian.ecology.engine.GepRequest;

/**
 * A raster account: the accounting settings of a stand account (method, year, prices, towns with
 * their defaults, parameters — its stands left empty), how land-cover classes map to forest types
 * (with InVEST's Kc and root depth for the Budyko curve), and which zone value is which town.
 *
 * @param account      the settings; its stands are built from the pixels
 * @param landCover    the classes of the land-cover layer that are forest; other classes are not accounted
 * @param zones        zone raster values and their town codes (for a GeoJSON zone layer: the feature's
 *                     {@code code} property is the town code and this list may be empty)
 * @param seasonalityZ InVEST's Z, needed only with reference ET
 */
public record RasterRequest(GepRequest account, List<LandCoverClass> landCover, List<Zone> zones,
        BigDecimal seasonalityZ) {

    /** A forest class of the land-cover layer. */
    public record LandCoverClass(int value, String forestType, BigDecimal kc, BigDecimal rootDepth) {
    }

    /** A value of the zone layer and the town it stands for. */
    public record Zone(int value, String town) {
    }
}
