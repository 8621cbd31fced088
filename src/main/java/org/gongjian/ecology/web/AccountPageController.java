package org.gongjian.ecology.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.ecology.GepAccount;
import org.gongjian.ecology.GepAccounts;
import org.gongjian.ecology.RasterAccounts;
import org.gongjian.ecology.RasterVersion;
import org.gongjian.ecology.engine.GepResult;
import org.gongjian.shared.Figures;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The pages of GEP accounts: the list, and one account version with its charts and tables. */
@Controller
class AccountPageController {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private final GepAccounts accounts;
    private final RasterAccounts rasterAccounts;
    private final Workbooks workbooks;
    private final JsonMapper json;
    private final org.springframework.context.MessageSource messages;

    AccountPageController(GepAccounts accounts, RasterAccounts rasterAccounts, Workbooks workbooks, JsonMapper json,
            org.springframework.context.MessageSource messages) {
        this.accounts = accounts;
        this.rasterAccounts = rasterAccounts;
        this.workbooks = workbooks;
        this.json = json;
        this.messages = messages;
    }

    /** A row of the account list. */
    record Row(String code, String name, int year, boolean raster, boolean demo, String towns, String method, int version,
            GepAccount.Status status, String total, String perHectare, String carbonSink) {
    }

    @GetMapping("/ecology/accounts")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    String list(@PageableDefault(size = 20) Pageable pageable, Model model, Locale locale) {
        Map<String, String> names = accounts.townNames();
        Page<Row> page = accounts.list(pageable).map(a -> {
            GepAccount.Version v = a.published() != null ? a.published() : a.latest();
            String towns = String.join("、", v.towns().stream().map(t -> names.getOrDefault(t.town(), t.town())).toList());
            return new Row(a.code(), a.name(), a.accountingYear(), a.kind() == GepAccount.Kind.RASTER, a.demo(), towns, v.method(), v.number(), v.status(),
                    money(v.totalValue(), locale), perHectare(v.perHectare(), locale), tonnes(v.carbonSink()));
        });
        model.addAttribute("page", page);
        return "ecology/accounts";
    }

    @GetMapping("/ecology/accounts/{code}")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    String account(@PathVariable String code, @RequestParam(required = false) @Nullable Integer version, Model model,
            Locale locale) {
        GepAccount account = accounts.account(code);
        GepAccount.Version v = version != null ? account.version(version)
                : (account.published() != null ? account.published() : account.latest());
        GepResult r = accounts.result(v);
        Map<String, String> names = accounts.townNames();
        model.addAttribute("account", account);
        model.addAttribute("version", v);
        model.addAttribute("result", r);
        model.addAttribute("names", names);
        model.addAttribute("mayWrite", accounts.mayWrite());
        model.addAttribute("total", money(r.totals().total(), locale));
        model.addAttribute("perHectare", perHectare(r.totals().perHectare(), locale));
        BigDecimal regulating = r.totals().byCategory().stream().filter(t -> t.code().equals("REGULATING"))
                .map(GepResult.Total::value).findFirst().orElse(BigDecimal.ZERO);
        model.addAttribute("realisable", money(r.totals().total().subtract(regulating), locale));
        model.addAttribute("chartServices", json.writeValueAsString(r.lines().stream()
                .map(l -> Map.of("name", "zh".equals(locale.getLanguage()) ? l.name() : l.nameEn(), "value", wan(l.value())))
                .toList()));
        model.addAttribute("chartCategories", json.writeValueAsString(r.totals().byCategory().stream()
                .filter(t -> t.value().signum() != 0).map(t -> Map.of("name",
                        messages.getMessage("ecology.category." + t.code(), null, t.name(), locale), "value", wan(t.value())))
                .toList()));
        List<Map<String, Object>> towns = new ArrayList<>();
        for (GepResult.TownAccount t : r.towns()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", names.getOrDefault(t.town(), t.town()));
            m.put("value", wan(t.totals().total()));
            towns.add(m);
        }
        model.addAttribute("chartTowns", json.writeValueAsString(towns));
        RasterVersion raster = rasterAccounts.details(v).orElse(null);
        model.addAttribute("raster", raster);
        if (raster != null) {
            model.addAttribute("services", RasterPageController.services(r));
            model.addAttribute("typeRows", RasterPageController.typeRows(r));
        }
        return "ecology/account";
    }

    /** A raster version's value map: the PNG preview shown on the page, or a service's GeoTIFF to download. */
    @GetMapping("/ecology/accounts/{code}/versions/{number}/maps/{service}")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    ResponseEntity<Resource> map(@PathVariable String code, @PathVariable int number, @PathVariable String service) {
        return mapResponse(rasterAccounts.map(code, number, service));
    }

    /** A map as a response: the preview shown inline, GeoTIFFs as attachments under their account's name. */
    static ResponseEntity<Resource> mapResponse(RasterAccounts.MapDownload map) {
        boolean png = map.contentType().equals(MediaType.IMAGE_PNG_VALUE);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, (png ? "inline" : "attachment") + "; filename=\""
                        + map.fileName() + "\"")
                .contentType(MediaType.parseMediaType(map.contentType())).body(map.content());
    }

    @PostMapping("/ecology/accounts/{code}/versions/{number}/publish")
    @PreAuthorize("hasAuthority('ecology:account:publish')")
    String publish(@PathVariable String code, @PathVariable int number, RedirectAttributes flash) {
        accounts.publish(code, number, null);
        flash.addFlashAttribute("published", number);
        return "redirect:/ecology/accounts/" + code + "?version=" + number;
    }

    @PostMapping("/ecology/accounts/{code}/versions")
    @PreAuthorize("hasAuthority('ecology:account:write')")
    String recompute(@PathVariable String code) {
        GepAccount.Version v = accounts.recompute(code, null, null);
        return "redirect:/ecology/accounts/" + code + "?version=" + v.number();
    }

    @GetMapping("/ecology/accounts/{code}/versions/{number}/workbook")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    ResponseEntity<byte[]> workbook(@PathVariable String code, @PathVariable int number) {
        GepAccount account = accounts.account(code);
        GepAccount.Version version = account.version(number);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, Workbooks.disposition(account, version))
                .contentType(MediaType.parseMediaType(Workbooks.XLSX))
                .body(workbooks.account(account, version, accounts.result(version)));
    }

    @GetMapping(path = "/ecology/accounts/{code}/versions/{number}/request", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('ecology:account:read')")
    ResponseEntity<String> request(@PathVariable String code, @PathVariable int number) {
        GepAccount account = accounts.account(code);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + "-v" + number + "-request.json\"")
                .body(accounts.requestJson(account.version(number)));
    }

    static String money(@Nullable BigDecimal yuan, Locale locale) {
        return EcologyFormat.money(yuan, locale);
    }

    static String perHectare(@Nullable BigDecimal yuan, Locale locale) {
        return yuan == null ? "—" : EcologyFormat.money(yuan, locale) + ("zh".equals(locale.getLanguage()) ? "/公顷" : "/ha");
    }

    static String tonnes(@Nullable BigDecimal t) {
        return t == null ? "—" : String.format(Locale.ROOT, "%,.0f t CO₂/a", t);
    }

    private static BigDecimal wan(BigDecimal yuan) {
        return yuan.divide(WAN, 2, RoundingMode.HALF_UP);
    }
}
