package org.gongjian.ipcentre.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.ipcentre.Clocks;
import org.gongjian.ipcentre.DesignCase;
import org.gongjian.ipcentre.DesignCases;
import org.gongjian.ipcentre.DesignStatus;
import org.gongjian.ipcentre.Firm;
import org.gongjian.ipcentre.FirmFacts;
import org.gongjian.ipcentre.FirmStatus;
import org.gongjian.ipcentre.Firms;
import org.gongjian.ipcentre.IpStatistics;
import org.gongjian.ipcentre.Outcome;
import org.gongjian.ipcentre.Platform;
import org.gongjian.ipcentre.ProtectionCase;
import org.gongjian.ipcentre.ProtectionCases;
import org.gongjian.ipcentre.ProtectionStatus;
import org.gongjian.ipcentre.ProtectionType;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LocalizedException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The centre's pages: cases with their clock colours, a case with its clocks and timeline, firms, statistics. */
@Controller
class IpCentrePageController {

    private final Firms firms;
    private final DesignCases designs;
    private final ProtectionCases protection;
    private final IpStatistics statistics;
    private final org.gongjian.ipcentre.CaseImport caseImport;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    IpCentrePageController(Firms firms, DesignCases designs, ProtectionCases protection, IpStatistics statistics,
            org.gongjian.ipcentre.CaseImport caseImport, MessageSource messages, JsonMapper json, Clock clock) {
        this.caseImport = caseImport;
        this.firms = firms;
        this.designs = designs;
        this.protection = protection;
        this.statistics = statistics;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    // --- design cases -----------------------------------------------------------------------------

    @GetMapping("/ipcentre/cases")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    String cases(@RequestParam(required = false) @Nullable DesignStatus status,
            @RequestParam(required = false) Clocks.@Nullable Light light,
            @PageableDefault(size = 25) Pageable pageable, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("page", designs.list(status, null, light, today, pageable));
        model.addAttribute("status", status);
        model.addAttribute("light", light);
        model.addAttribute("statuses", DesignStatus.values());
        model.addAttribute("lights", Clocks.Light.values());
        model.addAttribute("today", today);
        model.addAttribute("mayWrite", firms.mayWrite());
        return "ipcentre/cases";
    }

    @GetMapping("/ipcentre/cases/new")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    String newCase(Model model) {
        model.addAttribute("firms", firms.list(FirmStatus.REGISTERED, Pageable.unpaged()).getContent());
        model.addAttribute("agencies", firms.agencies());
        model.addAttribute("today", LocalDate.now(clock));
        return "ipcentre/case-new";
    }

    @PostMapping("/ipcentre/cases")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    String createCase(@RequestParam(required = false) @Nullable Long firmId,
            @RequestParam(required = false) @Nullable Long agencyId, @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String locarnoClass,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate createdOn,
            Model model, Locale locale) {
        try {
            DesignCase c = designs.create(new DesignCases.Draft(firmId, agencyId, title, locarnoClass), createdOn, false);
            return "redirect:/ipcentre/cases/" + c.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, locale));
            model.addAttribute("form", Map.of("title", title == null ? "" : title,
                    "locarnoClass", locarnoClass == null ? "" : locarnoClass));
            return newCase(model);
        }
    }

    @GetMapping("/ipcentre/cases/{id}")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    String designCase(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        DesignCase c = designs.get(id, asOf == null ? today : asOf);
        model.addAttribute("c", c);
        model.addAttribute("legs", Map.of("preExam", c.clocks().preExam(), "cnipa", c.clocks().cnipa(),
                "total", c.clocks().total()));
        model.addAttribute("timeline", designs.timeline(id));
        model.addAttribute("next", c.status().next().stream().sorted().toList());
        model.addAttribute("nextNames", c.status().next().stream().map(Enum::name).toList());
        model.addAttribute("today", today);
        model.addAttribute("mayWrite", firms.mayWrite());
        return "ipcentre/case";
    }

    @PostMapping("/ipcentre/cases/{id}/steps")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    String step(@PathVariable long id, @RequestParam(required = false) @Nullable DesignStatus to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String cnipaApplicationNo,
            @RequestParam(required = false) @Nullable String patentNo, @RequestParam(required = false) @Nullable Integer version,
            RedirectAttributes flash, Locale locale) {
        try {
            designs.move(id, new DesignCases.Step(to, on, note, cnipaApplicationNo, patentNo), version);
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("errors", errors(e, locale));
        }
        return "redirect:/ipcentre/cases/" + id;
    }

    // --- firms ------------------------------------------------------------------------------------

    @GetMapping("/ipcentre/firms")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    String firmList(@RequestParam(required = false) @Nullable FirmStatus status,
            @PageableDefault(size = 25) Pageable pageable, Model model) {
        model.addAttribute("page", firms.list(status, pageable));
        model.addAttribute("status", status);
        model.addAttribute("statuses", FirmStatus.values());
        model.addAttribute("agencies", firms.agencies());
        model.addAttribute("mayWrite", firms.mayWrite());
        return "ipcentre/firms";
    }

    @GetMapping("/ipcentre/firms/{id}")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    String firm(@PathVariable long id, Model model) {
        Firm f = firms.firm(id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("f", f);
        model.addAttribute("conditions", firms.conditions(f.facts(), today));
        model.addAttribute("agency", f.agencyId() == null ? null : firms.agency(f.agencyId()));
        model.addAttribute("cases", designs.list(null, id, null, today, Pageable.ofSize(20)).getContent());
        model.addAttribute("next", f.status().next().stream().sorted().toList());
        model.addAttribute("policy", firms.policy());
        model.addAttribute("mayWrite", firms.mayWrite());
        return "ipcentre/firm";
    }

    @GetMapping("/ipcentre/firms/new")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    String newFirm(Model model) {
        model.addAttribute("agencies", firms.agencies());
        return "ipcentre/firm-new";
    }

    @PostMapping("/ipcentre/firms")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    String apply(@RequestParam(required = false) @Nullable String uscc, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String townCode, @RequestParam(required = false) @Nullable String industryCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate foundedOn,
            @RequestParam(defaultValue = "0") int insuredStaff, @RequestParam(defaultValue = "0") int grantedInventions,
            @RequestParam(defaultValue = "0") int grantedUtility, @RequestParam(defaultValue = "0") int grantedDesigns,
            @RequestParam(required = false) @Nullable String creditFlags, @RequestParam(required = false) @Nullable Long agencyId,
            Model model, Locale locale) {
        List<String> flags = creditFlags == null || creditFlags.isBlank() ? List.of()
                : List.of(creditFlags.trim().split("\\s*[\\n,，、]\\s*"));
        try {
            Firm f = firms.apply(new EnterpriseData(uscc, name, townCode, null, industryCode, List.of("sanitary-ware"), false,
                    null, null), new FirmFacts(foundedOn, insuredStaff, grantedInventions, grantedUtility, grantedDesigns,
                    flags), agencyId, null, false);
            return "redirect:/ipcentre/firms/" + f.id();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e, locale));
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("uscc", uscc);
            form.put("name", name);
            form.put("townCode", townCode);
            form.put("industryCode", industryCode);
            model.addAttribute("form", form);
            return newFirm(model);
        }
    }

    @PostMapping("/ipcentre/firms/{id}/status")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    String firmStatus(@PathVariable long id, @RequestParam(required = false) @Nullable FirmStatus to,
            @RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable Integer version,
            RedirectAttributes flash, Locale locale) {
        try {
            if (to == null) {
                throw new InvalidInputException("to", "ipcentre.error.status-required");
            }
            firms.changeStatus(id, to, null, reason, version);
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("errors", errors(e, locale));
        }
        return "redirect:/ipcentre/firms/" + id;
    }

    // --- protection cases -------------------------------------------------------------------------

    @GetMapping("/ipcentre/protection")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    String protectionCases(@RequestParam(required = false) @Nullable ProtectionType type,
            @RequestParam(required = false) @Nullable ProtectionStatus status,
            @PageableDefault(size = 25) Pageable pageable, Model model) {
        model.addAttribute("page", protection.list(type, status, LocalDate.now(clock), pageable));
        model.addAttribute("type", type);
        model.addAttribute("types", ProtectionType.values());
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("mayWrite", firms.mayWrite());
        return "ipcentre/protection-list";
    }

    @PostMapping("/ipcentre/protection")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    String receive(@RequestParam(required = false) @Nullable ProtectionType type,
            @RequestParam(required = false) @Nullable String complainant,
            @RequestParam(required = false) @Nullable String respondent,
            @RequestParam(required = false) @Nullable Platform platform,
            @RequestParam(required = false) @Nullable String patentNo, RedirectAttributes flash, Locale locale) {
        try {
            ProtectionCase c = protection.create(new ProtectionCases.Intake(type, null, complainant, respondent, platform,
                    patentNo, null), null, false);
            return "redirect:/ipcentre/protection/" + c.id();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", errors(e, locale));
            return "redirect:/ipcentre/protection";
        }
    }

    @GetMapping("/ipcentre/protection/{id}")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    String protectionCase(@PathVariable long id, Model model) {
        ProtectionCase c = protection.get(id, LocalDate.now(clock));
        model.addAttribute("c", c);
        model.addAttribute("timeline", protection.timeline(id));
        model.addAttribute("next", c.status().next(c.type()).stream().sorted().toList());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("mayWrite", firms.mayWrite());
        model.addAttribute("partyRoles", org.gongjian.ipcentre.PartyRole.values());
        model.addAttribute("maxEvidenceMb", protection.maxEvidenceMb());
        return "ipcentre/protection";
    }

    @PostMapping("/ipcentre/protection/{id}/steps")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    String protectionStep(@PathVariable long id, @RequestParam(required = false) @Nullable ProtectionStatus to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
            @RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable Integer linksRemoved,
            @RequestParam(required = false) @Nullable BigDecimal compensationYuan,
            @RequestParam(required = false) @Nullable Outcome outcome, @RequestParam(required = false) @Nullable Integer version,
            RedirectAttributes flash, Locale locale) {
        try {
            protection.move(id, new ProtectionCases.Step(to, on, note, linksRemoved, compensationYuan, outcome), version);
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("errors", errors(e, locale));
        }
        return "redirect:/ipcentre/protection/" + id;
    }

    // --- statistics -------------------------------------------------------------------------------

    @GetMapping("/ipcentre/statistics")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    String statistics(@RequestParam(required = false) @Nullable Integer year, Model model, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        List<IpStatistics.Month> months = statistics.year(y);
        model.addAttribute("year", y);
        model.addAttribute("months", months);
        model.addAttribute("figures", statistics.figures(y == today.getYear() ? today : LocalDate.of(y, 12, 31)));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", months.stream().map(m -> m.month().getMonthValue() + (locale.getLanguage().equals("zh") ? "月" : "")).toList());
        chart.put("submitted", months.stream().map(IpStatistics.Month::designSubmitted).toList());
        chart.put("granted", months.stream().map(IpStatistics.Month::designGranted).toList());
        chart.put("days", months.stream().map(IpStatistics.Month::designDaysAvg).toList());
        chart.put("workingDays", months.stream().map(IpStatistics.Month::designWorkingDaysAvg).toList());
        chart.put("closed", months.stream().map(IpStatistics.Month::protectionClosed).toList());
        chart.put("labels", Map.of(
                "submitted", messages.getMessage("ipcentre.stats.submitted", null, locale),
                "granted", messages.getMessage("ipcentre.stats.granted", null, locale),
                "days", messages.getMessage("ipcentre.stats.days", null, locale),
                "workingDays", messages.getMessage("ipcentre.stats.working-days", null, locale),
                "closed", messages.getMessage("ipcentre.stats.closed", null, locale)));
        model.addAttribute("chart", json.writeValueAsString(chart));
        List<Integer> years = new ArrayList<>();
        for (int i = 2024; i <= today.getYear(); i++) {
            years.add(i);
        }
        model.addAttribute("years", years);
        return "ipcentre/statistics";
    }

    @GetMapping("/ipcentre/statistics.xlsx")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    org.springframework.http.ResponseEntity<byte[]> exportStatistics(@RequestParam(required = false) @Nullable Integer year) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        return xlsx("ipcentre-statistics-" + y + ".xlsx", StatisticsWorkbook.statistics(y, statistics.year(y)));
    }

    @GetMapping("/ipcentre/cases/import-template.xlsx")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    org.springframework.http.ResponseEntity<byte[]> importTemplate() {
        return xlsx("ipcentre-cases-template.xlsx", StatisticsWorkbook.importTemplate());
    }

    /** Imports cases from the centre's spreadsheet, all or none. */
    @PostMapping(path = "/ipcentre/cases/import", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    String importCases(@RequestParam(name = "file", required = false) org.springframework.web.multipart.@Nullable MultipartFile file,
            RedirectAttributes flash, Locale locale) throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("errors", List.of(messages.getMessage("error.import.empty", null, "empty", locale)));
            return "redirect:/ipcentre/cases";
        }
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("ipcentre-import", ".xlsx");
        try {
            file.transferTo(tmp);
            org.gongjian.ipcentre.CaseImport.Result result = caseImport.run(tmp);
            if (result.ok()) {
                flash.addFlashAttribute("imported", result.imported());
            } else {
                List<String> lines = new ArrayList<>();
                lines.add(messages.getMessage("ipcentre.import.failed", new Object[] {result.errors().size()}, locale));
                result.errors().forEach(e -> lines.add(messages.getMessage("ipcentre.import.row",
                        new Object[] {String.valueOf(e.row()), String.join("；", e.messages())}, locale)));
                flash.addFlashAttribute("errors", lines);
                flash.addFlashAttribute("errorFile", result.errorFileId());
            }
        } catch (LocalizedException e) {
            flash.addFlashAttribute("errors", errors(e, locale));
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
        return "redirect:/ipcentre/cases";
    }

    private static org.springframework.http.ResponseEntity<byte[]> xlsx(String name, byte[] body) {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(name).build().toString())
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }

    private List<String> errors(LocalizedException e, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.violations().stream()
                    .map(v -> messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)).toList();
        }
        return List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
    }
}
