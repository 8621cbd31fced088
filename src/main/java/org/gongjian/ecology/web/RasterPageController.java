package org.gongjian.ecology.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongjian.ecology.GepAccounts;
import org.gongjian.ecology.engine.GepResult;
import org.gongjian.ecology.raster.DemoRasters;
import org.gongjian.ecology.raster.RasterAccounting;
import org.gongjian.ecology.raster.RasterRequest;
import org.gongjian.ecology.raster.RasterResult;
import org.gongjian.shared.InvalidInputException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raster account page: upload a town's GeoTIFF layers and see the value map with town
 * boundaries and the tables. Nothing is stored; the preview is kept in memory for the page to show.
 * Before anything is uploaded it shows the account of the generated demo layers of 赤水镇 and 金鸡镇.
 */
@Controller
class RasterPageController {

    private final GepAccounts accounts;
    private final JsonMapper json;
    private final RasterPreviews previews;
    private final MessageSource messages;
    private volatile Shown demo;

    RasterPageController(GepAccounts accounts, JsonMapper json, RasterPreviews previews, MessageSource messages) {
        this.accounts = accounts;
        this.json = json;
        this.previews = previews;
        this.messages = messages;
    }

    /** What the page shows of an account: its preview's id, the grid, and the tables in 万元. */
    record Shown(String preview, boolean demo, int width, int height, String crs, long forestPixels, long skippedPixels,
            Map<String, String> services, List<TownRow> towns, List<TypeRow> types,
            List<GepResult.ParameterUse> parameters) {
    }

    record TownRow(String town, String name, String area, String total, String perHectare) {
    }

    record TypeRow(String town, String forestType, String area, Map<String, String> values, String total) {
    }

    @GetMapping("/ecology/raster")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    String page(Model model) throws IOException {
        model.addAttribute("shown", demo());
        return "ecology/raster";
    }

    @PostMapping(path = "/ecology/raster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('ecology:account:read')")
    String upload(@RequestPart("request") MultipartFile request, @RequestPart("layers") List<MultipartFile> layers,
            Model model, Locale locale) throws IOException {
        try {
            RasterRequest req;
            try {
                req = json.readValue(request.getBytes(), RasterRequest.class);
            } catch (JacksonException e) {
                throw new InvalidInputException("request", "ecology.raster.request-unreadable", e.getOriginalMessage());
            }
            Path folder = RasterUploads.save(layers);
            try {
                model.addAttribute("shown", shown(accounts.evaluateRaster(req, RasterAccounting.layersIn(folder),
                        folder.resolve("maps")), folder.resolve("maps"), false));
            } finally {
                RasterUploads.delete(folder);
            }
        } catch (InvalidInputException e) {
            // the refusal is shown above the form, which keeps the demo map meanwhile
            model.addAttribute("errors", e.violations().stream().map(v -> messages.getMessage(v.messageKey(), v.args(),
                    v.messageKey(), locale)).toList());
            model.addAttribute("shown", demo());
        }
        return "ecology/raster";
    }

    @GetMapping("/ecology/raster/previews/{id}.png")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    ResponseEntity<byte[]> preview(@PathVariable String id) {
        byte[] png = previews.get(id);
        return png == null ? ResponseEntity.notFound().build()
                : ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    private Shown demo() throws IOException {
        Shown d = demo;
        if (d == null || previews.get(d.preview()) == null) {
            Path folder = Files.createTempDirectory("gongjian-raster-demo-");
            try {
                RasterRequest req = DemoRasters.write(folder);
                Path maps = folder.resolve("maps");
                d = shown(accounts.evaluateRaster(req, RasterAccounting.layersIn(folder), maps), maps, true);
                demo = d;
            } finally {
                RasterUploads.delete(folder);
            }
        }
        return d;
    }

    private Shown shown(RasterResult r, Path maps, boolean isDemo) throws IOException {
        String id = UUID.randomUUID().toString();
        previews.put(id, Files.readAllBytes(maps.resolve("preview.png")));
        GepResult g = r.result();
        List<TownRow> towns = new ArrayList<>();
        for (GepResult.TownAccount t : g.towns()) {
            towns.add(new TownRow(t.town(), t.name() == null ? t.town() : t.name(), hectares(t.area()),
                    wan(t.totals().total()), wan(t.totals().perHectare())));
        }
        List<TypeRow> types = new ArrayList<>();
        for (GepResult.ForestTypeAccount a : g.forestTypes()) {
            Map<String, String> values = new LinkedHashMap<>();
            a.values().forEach((service, value) -> values.put(service, wan(value)));
            types.add(new TypeRow(a.town(), a.forestTypeName(), hectares(a.area()), values, wan(a.total())));
        }
        Map<String, String> services = new LinkedHashMap<>();
        g.lines().forEach(l -> services.put(l.code(), l.name()));
        return new Shown(id, isDemo, r.width(), r.height(), r.crs(), r.forestPixels(), r.skippedPixels(), services,
                towns, types, g.parameters());
    }

    /** 万元 with two decimals, as the towns' GEP reports print them. */
    static String wan(BigDecimal yuan) {
        return yuan == null ? "—" : yuan.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String hectares(BigDecimal area) {
        return area == null ? "—" : area.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
