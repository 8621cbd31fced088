package org.gongjian.ecology;

import java.util.List;
import java.util.Optional;
import org.gongjian.ecology.raster.RasterResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of raster versions: grid, layers read and value maps kept; inserted once with their version. */
@Repository
class RasterStore {

    private final JdbcClient jdbc;

    RasterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertGrid(long versionId, RasterResult r) {
        jdbc.sql("""
                insert into ecology_raster_version (version_id, width, height, crs, cell_area, forest_pixels, skipped_pixels)
                values (:v, :w, :h, :crs, :area, :forest, :skipped)""")
                .param("v", versionId).param("w", r.width()).param("h", r.height()).param("crs", r.crs())
                .param("area", r.cellArea()).param("forest", r.forestPixels()).param("skipped", r.skippedPixels())
                .update();
    }

    void insertLayer(long versionId, RasterVersion.LayerFile l) {
        jdbc.sql("""
                insert into ecology_raster_layer (version_id, layer, file_name, size_bytes, sha256)
                values (:v, :layer, :name, :size, :sha)""")
                .param("v", versionId).param("layer", l.layer()).param("name", l.fileName()).param("size", l.size())
                .param("sha", l.sha256()).update();
    }

    void insertMap(long versionId, RasterVersion.MapFile m) {
        jdbc.sql("""
                insert into ecology_raster_map (version_id, service, name, storage_key, size_bytes, sha256)
                values (:v, :service, :name, :key, :size, :sha)""")
                .param("v", versionId).param("service", m.service()).param("name", m.name())
                .param("key", m.storageKey()).param("size", m.size()).param("sha", m.sha256()).update();
    }

    /** A version's raster record, or empty for a version computed from stands. */
    Optional<RasterVersion> find(long versionId, java.util.function.Function<String, String> layerLabel) {
        List<RasterVersion.LayerFile> layers = jdbc.sql("""
                        select layer, file_name, size_bytes, sha256 from ecology_raster_layer where version_id = :v
                        order by layer""").param("v", versionId)
                .query((rs, n) -> new RasterVersion.LayerFile(rs.getString(1), layerLabel.apply(rs.getString(1)),
                        rs.getString(2), rs.getLong(3), rs.getString(4))).list();
        List<RasterVersion.MapFile> maps = jdbc.sql("""
                        select service, name, storage_key, size_bytes, sha256 from ecology_raster_map where version_id = :v
                        order by service""").param("v", versionId)
                .query((rs, n) -> new RasterVersion.MapFile(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5))).list();
        return jdbc.sql("select * from ecology_raster_version where version_id = :v").param("v", versionId)
                .query((rs, n) -> new RasterVersion(rs.getInt("width"), rs.getInt("height"), rs.getString("crs"),
                        rs.getBigDecimal("cell_area"), rs.getLong("forest_pixels"), rs.getLong("skipped_pixels"), layers,
                        maps)).optional();
    }
}
