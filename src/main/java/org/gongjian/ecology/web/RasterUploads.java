package org.gongjian.ecology.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gongjian.ecology.raster.Layer;
import org.gongjian.shared.InvalidInputException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded layers saved to a private temporary folder under their layer's file name, for the raster
 * accounting to read strip by strip; the folder is deleted once the account is evaluated, so nothing
 * is left half-stored. A file whose name is no layer's, or a layer given twice, is refused.
 */
final class RasterUploads {

    private RasterUploads() {
    }

    static Path save(List<MultipartFile> files) throws IOException {
        Path folder = Files.createTempDirectory("gongjian-raster-");
        try {
            Set<Layer> seen = new HashSet<>();
            for (MultipartFile f : files) {
                String name = f.getOriginalFilename() == null ? "" : Path.of(f.getOriginalFilename()).getFileName()
                        .toString();
                Layer layer = Layer.byFileName(name);
                if (layer == null) {
                    throw new InvalidInputException("layers", "ecology.raster.unknown-layer-file", name);
                }
                if (!seen.add(layer)) {
                    throw new InvalidInputException("layers", "ecology.raster.duplicate-layer", layer.zh());
                }
                String extension = name.toLowerCase(Locale.ROOT).matches(".*\\.(geo)?json$") ? ".geojson" : ".tif";
                try (InputStream in = f.getInputStream()) {
                    Files.copy(in, folder.resolve(layer.fileName() + extension));
                }
            }
            return folder;
        } catch (IOException | RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    static void delete(Path folder) {
        org.gongjian.ecology.raster.RasterAccounting.deleteFolder(folder);
    }
}
