package org.gongjian.ecology.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.ecology.GepAccount;
import org.gongjian.ecology.GepAccounts;
import org.gongjian.ecology.RasterAccounts;
import org.gongjian.ecology.RasterVersion;
import org.gongjian.ecology.engine.GepRequest;
import org.gongjian.ecology.engine.GepResult;
import org.gongjian.ecology.raster.RasterAccounting;
import org.gongjian.ecology.raster.RasterRequest;
import org.gongjian.ecology.raster.RasterResult;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Forest GEP and carbon-sink accounting as JSON: evaluate a request, store, recompute and publish accounts. */
@RestController
@RequestMapping("/api/v1/ecology")
@io.swagger.v3.oas.annotations.tags.Tag(name = "ecology", description = "森林GEP与碳汇核算")
class GepApiController {

    private final GepAccounts accounts;
    private final RasterAccounts rasterAccounts;
    private final Workbooks workbooks;

    GepApiController(GepAccounts accounts, RasterAccounts rasterAccounts, Workbooks workbooks) {
        this.accounts = accounts;
        this.rasterAccounts = rasterAccounts;
        this.workbooks = workbooks;
    }

    /** Evaluates an accounting request; nothing is stored. */
    @PostMapping("/gep/evaluate")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    GepResult evaluate(@RequestBody GepRequest request) {
        return accounts.evaluate(request);
    }

    /**
     * Evaluates a raster account from uploaded GeoTIFFs (multipart: a JSON part {@code request} and one
     * {@code layers} part per file, named landcover.tif, zones.tif or zones.geojson, precipitation.tif,
     * aet.tif or eto.tif + depth.tif + pawc.tif, r.tif, k.tif, ls.tif, c.tif, p.tif, npp.tif); nothing is stored.
     */
    @PostMapping(path = "/gep/evaluate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('ecology:account:read')")
    RasterView evaluateRaster(@RequestPart("request") RasterRequest request,
            @RequestPart("layers") List<MultipartFile> layers) throws IOException {
        Path folder = RasterUploads.save(layers);
        try {
            return RasterView.of(accounts.evaluateRaster(request, RasterAccounting.layersIn(folder), null));
        } finally {
            RasterUploads.delete(folder);
        }
    }

    /** A raster account's answer without the files of its value maps. */
    record RasterView(int width, int height, String crs, BigDecimal cellArea, long forestPixels, long skippedPixels,
            GepResult result) {
        static RasterView of(RasterResult r) {
            return new RasterView(r.width(), r.height(), r.crs(), r.cellArea(), r.forestPixels(), r.skippedPixels(),
                    r.result());
        }
    }

    /** A new named account: the request is evaluated and stored as version 1, a draft. */
    record NewAccount(String code, String name, @Nullable String note, GepRequest request) {
    }

    /** A recomputation: a new request, or none to evaluate the latest inputs again with today's tables. */
    record Recompute(@Nullable GepRequest request, @Nullable String note) {
    }

    /** A publication, as of a date (today when left out). */
    record Publish(@Nullable LocalDate asOf) {
    }

    /** A new raster account: its code, name and note, and the raster request that goes with the uploaded layers. */
    record NewRasterAccount(String code, String name, @Nullable String note, RasterRequest request) {
    }

    /** An account without the bulky inputs and results. */
    record AccountView(String code, String name, int accountingYear, GepAccount.Kind kind, boolean demo,
            List<GepAccount.Version> versions) {
        static AccountView of(GepAccount a) {
            return new AccountView(a.code(), a.name(), a.accountingYear(), a.kind(), a.demo(), a.versions());
        }
    }

    /** A raster version's grid, the layers it read (name, size, SHA-256) and its value maps with their links. */
    record RasterVersionView(int width, int height, String crs, BigDecimal cellArea, long forestPixels,
            long skippedPixels, List<RasterVersion.LayerFile> layers, List<MapView> maps) {
    }

    /** A value map: the service (TOTAL for the total, PREVIEW for the PNG), its size, SHA-256 and download link. */
    record MapView(String service, String name, long size, String sha256, String href) {
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    Page<AccountView> list(@PageableDefault(size = 20) Pageable pageable) {
        return accounts.list(pageable).map(AccountView::of);
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasAuthority('ecology:account:write')")
    ResponseEntity<AccountView> create(@RequestBody NewAccount body) {
        GepAccount account = accounts.create(body.code(), body.name(), body.note(), body.request(), false);
        return ResponseEntity.created(URI.create("/api/v1/ecology/accounts/" + account.code()))
                .body(AccountView.of(account));
    }

    /**
     * A new raster account from uploaded GeoTIFFs (multipart: a JSON part {@code account} with code, name, note and
     * the raster {@code request}, and one {@code layers} part per file, named as for evaluation). The account, its
     * first version (a draft), the layers' SHA-256 and the value maps are stored together or not at all.
     */
    @PostMapping(path = "/accounts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('ecology:account:write')")
    ResponseEntity<AccountView> createRaster(@RequestPart("account") NewRasterAccount body,
            @RequestPart("layers") List<MultipartFile> layers) throws IOException {
        Path folder = RasterUploads.save(layers);
        try {
            GepAccount account = rasterAccounts.create(body.code(), body.name(), body.note(), body.request(),
                    RasterAccounting.layersIn(folder), false);
            return ResponseEntity.created(URI.create("/api/v1/ecology/accounts/" + account.code()))
                    .body(AccountView.of(account));
        } finally {
            RasterUploads.delete(folder);
        }
    }

    @GetMapping("/accounts/{code}/versions/{number}/raster")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    RasterVersionView raster(@PathVariable String code, @PathVariable int number) {
        RasterVersion r = rasterAccounts.details(accounts.account(code).version(number))
                .orElseThrow(() -> new NotFoundException("ecology.raster.not-raster", code));
        String base = "/api/v1/ecology/accounts/" + code + "/versions/" + number + "/maps/";
        return new RasterVersionView(r.width(), r.height(), r.crs(), r.cellArea(), r.forestPixels(), r.skippedPixels(),
                r.layers(), r.maps().stream().map(m -> new MapView(m.service(), m.name(), m.size(), m.sha256(),
                        base + m.service())).toList());
    }

    /** A value map of a raster version: a service's GeoTIFF, the total's ({@code TOTAL}) or the PNG ({@code PREVIEW}). */
    @GetMapping("/accounts/{code}/versions/{number}/maps/{service}")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    ResponseEntity<Resource> map(@PathVariable String code, @PathVariable int number, @PathVariable String service) {
        return AccountPageController.mapResponse(rasterAccounts.map(code, number, service));
    }

    @GetMapping("/accounts/{code}")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    AccountView account(@PathVariable String code) {
        return AccountView.of(accounts.account(code));
    }

    @GetMapping("/accounts/{code}/versions/{number}/result")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    GepResult result(@PathVariable String code, @PathVariable int number) {
        return accounts.result(accounts.account(code).version(number));
    }

    @GetMapping(path = "/accounts/{code}/versions/{number}/request", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('ecology:account:read')")
    String request(@PathVariable String code, @PathVariable int number) {
        return accounts.requestJson(accounts.account(code).version(number));
    }

    @PostMapping("/accounts/{code}/versions")
    @PreAuthorize("hasAuthority('ecology:account:write')")
    ResponseEntity<GepAccount.Version> recompute(@PathVariable String code, @RequestBody Recompute body) {
        GepAccount.Version v = accounts.recompute(code, body.request(), body.note());
        return ResponseEntity.created(URI.create("/api/v1/ecology/accounts/" + code + "/versions/" + v.number()))
                .body(v);
    }

    @PostMapping("/accounts/{code}/versions/{number}/publish")
    @PreAuthorize("hasAuthority('ecology:account:publish')")
    GepAccount.Version publish(@PathVariable String code, @PathVariable int number,
            @RequestBody(required = false) @Nullable Publish body) {
        return accounts.publish(code, number, body == null ? null : body.asOf());
    }

    @GetMapping("/accounts/{code}/versions/{number}/workbook")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    ResponseEntity<byte[]> workbook(@PathVariable String code, @PathVariable int number) {
        GepAccount account = accounts.account(code);
        GepAccount.Version version = account.version(number);
        byte[] xlsx = workbooks.account(account, version, accounts.result(version));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, Workbooks.disposition(account, version))
                .contentType(MediaType.parseMediaType(Workbooks.XLSX)).body(xlsx);
    }
}
