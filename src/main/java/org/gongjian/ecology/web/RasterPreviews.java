package org.gongjian.ecology.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The last few value-map previews of trials on the raster page, in memory (a trial is not stored; kept accounts are). */
@Component
class RasterPreviews {

    private static final int KEEP = 32;

    private final Map<String, byte[]> previews = new LinkedHashMap<>(KEEP, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > KEEP;
        }
    };

    synchronized void put(String id, byte[] png) {
        previews.put(id, png);
    }

    synchronized byte[] get(String id) {
        return previews.get(id);
    }
}
