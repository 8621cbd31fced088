package org.gongjian.ecology.io;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import org.gongjian.ecology.engine.GepEngine;
import org.gongjian.ecology.engine.InvalidRequestException;
import org.gongjian.ecology.raster.RasterAccounting;
import org.gongjian.ecology.raster.RasterException;
import org.gongjian.ecology.raster.RasterRequest;
import org.gongjian.ecology.raster.RasterResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** {@code GepCli --raster folder}: a raster account from a folder of layers and its request.json. */
final class RasterCli {

    private RasterCli() {
    }

    static int run(Path folder, Path maps, Path resultFile, JsonMapper json, ResourceBundle bundle, PrintStream out,
            PrintStream err) {
        Path requestFile = folder.resolve("request.json");
        try {
            RasterRequest req = json.readValue(Files.readString(requestFile, StandardCharsets.UTF_8), RasterRequest.class);
            long start = System.nanoTime();
            RasterResult r = new RasterAccounting(GepEngine.standard()).evaluate(req, RasterAccounting.layersIn(folder),
                    maps);
            long millis = (System.nanoTime() - start) / 1_000_000;
            RasterResult localised = new RasterResult(r.result().localised(n -> GepCli.format(bundle,
                    "ecology.notice." + n.code(), n.args())), r.width(), r.height(), r.crs(), r.cellArea(),
                    r.forestPixels(), r.skippedPixels(), r.zones(), r.maps());
            String text = json.writeValueAsString(localised);
            if (resultFile == null) {
                out.println(text);
            } else {
                Files.writeString(resultFile, text, StandardCharsets.UTF_8);
            }
            err.printf(Locale.ROOT, "%d × %d cells, %d forest pixels (%d skipped for NoData), GEP %s yuan, %d maps, "
                    + "evaluated in %d ms%n", r.width(), r.height(), r.forestPixels(), r.skippedPixels(),
                    r.result().totals().total().toPlainString(), r.maps().size(), millis);
            return 0;
        } catch (RasterException e) {
            err.println(folder + ": " + GepCli.format(bundle, "ecology.raster." + e.code(),
                    java.util.Arrays.stream(e.args()).map(String::valueOf).toList()));
            return 2;
        } catch (InvalidRequestException e) {
            for (InvalidRequestException.Problem p : e.problems()) {
                err.println(p.field() + ": " + GepCli.format(bundle, "ecology.error." + p.code(), p.args()));
            }
            return 2;
        } catch (JacksonException e) {
            err.println(requestFile + ": " + e.getOriginalMessage());
            return 2;
        } catch (IOException e) {
            err.println(requestFile + ": " + e.getMessage());
            return 1;
        }
    }
}
