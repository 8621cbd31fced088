package org.gongjian.ecology.raster;

/** A layer of a raster account: its file name in a folder or upload, whether it holds classes, and its Chinese label. */
public enum Layer {
    LAND_COVER("landcover", true, "土地覆被"),
    ZONES("zones", true, "乡镇分区"),
    PRECIPITATION("precipitation", false, "降水量"),
    ACTUAL_ET("aet", false, "实际蒸散量"),
    REFERENCE_ET("eto", false, "参考蒸散量ET₀"),
    RESTRICTING_DEPTH("depth", false, "根系限制层深度"),
    PAWC("pawc", false, "植物可利用水含量"),
    EROSIVITY("r", false, "降雨侵蚀力因子R"),
    ERODIBILITY("k", false, "土壤可蚀性因子K"),
    SLOPE_LENGTH("ls", false, "坡长坡度因子LS"),
    COVER_FACTOR("c", false, "植被覆盖因子C"),
    PRACTICE_FACTOR("p", false, "水土保持措施因子P"),
    NPP("npp", false, "净初级生产力NPP");

    private final String fileName;
    private final boolean classes;
    private final String zh;

    Layer(String fileName, boolean classes, String zh) {
        this.fileName = fileName;
        this.classes = classes;
        this.zh = zh;
    }

    /** The base name of its file: {@code landcover.tif}, {@code zones.tif} or {@code zones.geojson}, … */
    public String fileName() {
        return fileName;
    }

    public boolean classes() {
        return classes;
    }

    public String zh() {
        return zh;
    }

    /** The layer a file name (without folder, with extension .tif/.tiff/.geojson) stands for, or null. */
    public static Layer byFileName(String name) {
        String base = name.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.(tif|tiff|geojson|json)$", "");
        for (Layer l : values()) {
            if (l.fileName.equals(base)) {
                return l;
            }
        }
        return null;
    }
}
