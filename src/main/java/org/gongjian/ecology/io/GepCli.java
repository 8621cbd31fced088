package org.gongjian.ecology.io;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.gongjian.ecology.engine.GepEngine;
import org.gongjian.ecology.engine.GepRequest;
import org.gongjian.ecology.engine.GepResult;
import org.gongjian.ecology.engine.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates an accounting request file without the server:
 * {@code java -cp target/gongjian-<version>.jar -Dloader.main=org.gongjian.ecology.io.GepCli
 * org.springframework.boot.loader.launch.PropertiesLauncher request.json [--out result.json]
 * [--xlsx tables.xlsx] [--lang en]}. The result JSON goes to standard output (or --out); problems go
 * to standard error with exit code 2. A raster account takes a folder of layers instead:
 * {@code --raster folder [--maps maps-folder]}, the folder holding {@code request.json} (a raster request)
 * and landcover.tif, zones.tif or zones.geojson, precipitation.tif, aet.tif (or eto.tif, depth.tif,
 * pawc.tif), r.tif, k.tif, ls.tif, c.tif, p.tif and npp.tif.
 */
public final class GepCli {

    private GepCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command and returns its exit code: 0 done, 1 usage or file error, 2 invalid request. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path request = null;
        Path resultFile = null;
        Path xlsx = null;
        Path raster = null;
        Path maps = null;
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> resultFile = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--xlsx" -> xlsx = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--raster" -> raster = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--maps" -> maps = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--lang" -> locale = i + 1 < args.length && args[++i].startsWith("en") ? Locale.ENGLISH : locale;
                default -> request = Path.of(args[i]);
            }
        }
        if (request == null && raster == null) {
            err.println("usage: GepCli request.json [--out result.json] [--xlsx tables.xlsx] [--lang en]");
            err.println("       GepCli --raster layers-folder [--maps maps-folder] [--out result.json] [--lang en]");
            return 1;
        }
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .addModule(org.gongjian.shared.web.BoundedNumbers.module()).build();
        ResourceBundle bundle = bundle(locale);
        if (raster != null) {
            return RasterCli.run(raster, maps, resultFile, json, bundle, out, err);
        }
        try {
            JsonNode root = json.readTree(Files.readString(request, StandardCharsets.UTF_8));
            JsonNode body = root.has("request") ? root.get("request") : root;
            GepRequest req = json.treeToValue(body, GepRequest.class);
            long start = System.nanoTime();
            GepResult result = GepEngine.standard().evaluate(req).localised(n -> format(bundle, "ecology.notice." + n.code(),
                    n.args()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            String text = json.writeValueAsString(result);
            if (resultFile == null) {
                out.println(text);
            } else {
                Files.writeString(resultFile, text, StandardCharsets.UTF_8);
            }
            if (xlsx != null) {
                String title = root.has("name") ? root.get("name").asString() : request.getFileName().toString();
                Files.write(xlsx, GepWorkbook.write(title, result, Map.of()));
            }
            err.printf(Locale.ROOT, "%d stands, GEP %s yuan, evaluated in %d ms%n", result.standCount(),
                    result.totals().total().toPlainString(), millis);
            return 0;
        } catch (InvalidRequestException e) {
            for (InvalidRequestException.Problem p : e.problems()) {
                err.println(p.field() + ": " + format(bundle, "ecology.error." + p.code(), p.args()));
            }
            return 2;
        } catch (JacksonException e) {
            err.println(request + ": " + e.getOriginalMessage());
            return 2;
        } catch (IOException e) {
            err.println(request + ": " + e.getMessage());
            return 1;
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("i18n/ecology", locale, GepCli.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static String format(ResourceBundle bundle, String key, List<String> args) {
        try {
            return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args.toArray());
        } catch (MissingResourceException e) {
            return key + " " + args;
        }
    }
}
