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
import org.gongjian.ecology.GepAccount;
import org.gongjian.ecology.GepAccounts;
import org.gongjian.ecology.RasterAccounts;
import org.gongjian.ecology.engine.GepResult;
import org.gongjian.ecology.raster.RasterAccounting;
import org.gongjian.ecology.raster.RasterRequest;
import org.gongjian.ecology.raster.RasterResult;
import org.gongjian.shared.ConflictException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raster account page: upload a town's GeoTIFF layers, and either try them (the value map and tables are shown,
 * nothing is stored; the preview is kept in memory for the page to show) or keep them as a raster account (stored
 * as a versioned account, then shown on its account page). It lists the raster accounts kept, the demo's among them.
 */
@Controller
class RasterPageController {

    private final GepAccounts accounts;
    private final RasterAccounts rasterAccounts;
    private final JsonMapper json;
    private final RasterPreviews previews;
    private final MessageSource messages;

    RasterPageController(GepAccounts accounts, RasterAccounts rasterAccounts, JsonMapper json, RasterPreviews previews,
            MessageSource messages) {
        this.accounts = accounts;
        this.rasterAccounts = rasterAccounts;
        this.json = json;
        this.previews = previews;
        this.messages = messages;
    }

    /** What the page shows of a trial: its preview's id, the grid, and the tables in 万元. */
    record Shown(String preview, int width, int height, String crs, long forestPixels, long skippedPixels,
            Map<String, String> services, List<TownRow> towns, List<TypeRow> types,
            List<GepResult.ParameterUse> parameters) {
    }

    record TownRow(String town, String name, String area, String total, String perHectare) {
    }

    record TypeRow(String town, String forestType, String area, Map<String, String> values, String total) {
    }

    /** The fields of the form to keep an account, given back when it is refused. */
    record Form(String code, String name, String note) {
    }

    @GetMapping("/ecology/raster")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    String page(Model model) {
        return page(model, new Form("", "", ""));
    }

    @PostMapping(path = "/ecology/raster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('ecology:account:read')")
    String upload(@RequestPart("request") MultipartFile request, @RequestPart("layers") List<MultipartFile> layers,
            Model model, Locale locale) throws IOException {
        try {
            RasterRequest req = read(request);
            Path folder = RasterUploads.save(layers);
            try {
                model.addAttribute("shown", shown(accounts.evaluateRaster(req, RasterAccounting.layersIn(folder),
                        folder.resolve("maps")), folder.resolve("maps")));
            } finally {
                RasterUploads.delete(folder);
            }
        } catch (InvalidInputException e) {
            refused(model, e.violations().stream().map(v -> message(v.messageKey(), v.args(), locale)).toList());
        }
        return page(model, new Form("", "", ""));
    }

    /** Keeps the uploaded layers as a raster account (all or nothing) and shows its account page. */
    @PostMapping(path = "/ecology/accounts/raster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('ecology:account:write')")
    String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String note, @RequestPart("request") MultipartFile request,
            @RequestPart("layers") List<MultipartFile> layers, Model model, Locale locale) throws IOException {
        Form form = new Form(code.strip(), name.strip(), note.strip());
        try {
            RasterRequest req = read(request);
            Path folder = RasterUploads.save(layers);
            try {
                GepAccount account = rasterAccounts.create(form.code(), form.name(),
                        form.note().isEmpty() ? null : form.note(), req, RasterAccounting.layersIn(folder), false);
                return "redirect:/ecology/accounts/" + account.code();
            } finally {
                RasterUploads.delete(folder);
            }
        } catch (InvalidInputException e) {
            refused(model, e.violations().stream().map(v -> message(v.messageKey(), v.args(), locale)).toList());
        } catch (ConflictException e) {
            refused(model, List.of(message(e.messageKey(), e.args(), locale)));
        }
        return page(model, form);
    }

    @GetMapping("/ecology/raster/previews/{id}.png")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    ResponseEntity<byte[]> preview(@PathVariable String id) {
        byte[] png = previews.get(id);
        return png == null ? ResponseEntity.notFound().build()
                : ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    private String page(Model model, Form form) {
        model.addAttribute("form", form);
        model.addAttribute("mayWrite", accounts.mayWrite());
        model.addAttribute("rasterAccounts", rasterAccounts.all());
        return "ecology/raster";
    }

    private void refused(Model model, List<String> errors) {
        model.addAttribute("errors", errors);
    }

    private RasterRequest read(MultipartFile request) throws IOException {
        try {
            return json.readValue(request.getBytes(), RasterRequest.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("request", "ecology.raster.request-unreadable", e.getOriginalMessage());
        }
    }

    private String message(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    private Shown shown(RasterResult r, Path maps) throws IOException {
        String id = UUID.randomUUID().toString();
        previews.put(id, Files.readAllBytes(maps.resolve("preview.png")));
        GepResult g = r.result();
        List<TownRow> towns = new ArrayList<>();
        for (GepResult.TownAccount t : g.towns()) {
            towns.add(new TownRow(t.town(), t.name() == null ? t.town() : t.name(), hectares(t.area()),
                    wan(t.totals().total()), wan(t.totals().perHectare())));
        }
        return new Shown(id, r.width(), r.height(), r.crs(), r.forestPixels(), r.skippedPixels(), services(g), towns,
                typeRows(g), g.parameters());
    }

    /** The services of a result by code, in the order of its lines (the columns of the zone × type table). */
    static Map<String, String> services(GepResult g) {
        Map<String, String> services = new LinkedHashMap<>();
        g.lines().forEach(l -> services.put(l.code(), l.name()));
        return services;
    }

    /** A row per town × forest type, each service's value in 万元. */
    static List<TypeRow> typeRows(GepResult g) {
        List<TypeRow> types = new ArrayList<>();
        for (GepResult.ForestTypeAccount a : g.forestTypes()) {
            Map<String, String> values = new LinkedHashMap<>();
            a.values().forEach((service, value) -> values.put(service, wan(value)));
            types.add(new TypeRow(a.town(), a.forestTypeName(), hectares(a.area()), values, wan(a.total())));
        }
        return types;
    }

    /** 万元 with two decimals, as the towns' GEP reports print them. */
    static String wan(BigDecimal yuan) {
        return yuan == null ? "—" : yuan.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP).toPlainString();
    }

    static String hectares(BigDecimal area) {
        return area == null ? "—" : area.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
