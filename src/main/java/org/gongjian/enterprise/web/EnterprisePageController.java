package org.gongjian.enterprise.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.EnterpriseFigure;
import org.gongjian.enterprise.EnterpriseFigures;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.FigureData;
import org.gongjian.enterprise.FigureSource;
import org.gongjian.enterprise.RegisterFilter;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The enterprise register's pages: a filtered list and an enterprise with its yearly figures and their chart. */
@Controller
class EnterprisePageController {

    /** The figure form as typed (kept when it is refused). Money in 万元, exports in 万美元. */
    record FigureForm(@Nullable Integer year, @Nullable Integer month, @Nullable BigDecimal output,
            @Nullable BigDecimal revenue, @Nullable BigDecimal exports, @Nullable BigDecimal tax,
            @Nullable Integer employees) {

        static FigureForm empty() {
            return new FigureForm(null, null, null, null, null, null, null);
        }

        /** A field's value by its name in the form, for the template. */
        public @Nullable Object value(String field) {
            return switch (field) {
                case "year" -> year;
                case "month" -> month;
                case "output" -> output;
                case "revenue" -> revenue;
                case "exports" -> exports;
                case "tax" -> tax;
                default -> employees;
            };
        }
    }

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    /** The form's fields by the names the register's rules use. */
    private static final Map<String, String> FIELDS = Map.of("output", "outputYuan", "revenue", "revenueYuan",
            "exports", "exportsUsd", "tax", "taxYuan");

    private final Enterprises enterprises;
    private final EnterpriseFigures figures;
    private final Organisation organisation;
    private final MessageSource messages;
    private final JsonMapper json;

    EnterprisePageController(Enterprises enterprises, EnterpriseFigures figures, Organisation organisation,
            MessageSource messages, JsonMapper json) {
        this.enterprises = enterprises;
        this.figures = figures;
        this.organisation = organisation;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/enterprises")
    @PreAuthorize("hasAuthority('enterprise:enterprise:read')")
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable String park, @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String cluster,
            @RequestParam(required = false) @Nullable Boolean aboveScale,
            @RequestParam(required = false) @Nullable Boolean listed, @PageableDefault(size = 25) Pageable pageable,
            Model model) {
        RegisterFilter filter = new RegisterFilter(q, town, park, industry, cluster, aboveScale, listed);
        model.addAttribute("page", enterprises.search(filter, pageable));
        model.addAttribute("f", filter);
        model.addAttribute("towns", organisation.townLevelUnits());
        model.addAttribute("townNames", townNames());
        model.addAttribute("parks", enterprises.parks());
        return "enterprise/list";
    }

    @GetMapping("/enterprises/{uscc}")
    @PreAuthorize("hasAuthority('enterprise:enterprise:read')")
    String detail(@PathVariable String uscc, Model model) {
        Enterprise e = enterprises.byUscc(uscc);
        List<EnterpriseFigure> all = figures.of(e.id());
        model.addAttribute("e", e);
        model.addAttribute("townName", townNames().getOrDefault(e.townCode(), e.townCode()));
        model.addAttribute("figures", all);
        model.addAttribute("chart", json.writeValueAsString(chart(all)));
        if (model.getAttribute("form") == null) {
            model.addAttribute("form", FigureForm.empty());
        }
        return "enterprise/detail";
    }

    @PostMapping("/enterprises/{uscc}/figures")
    @PreAuthorize("hasAuthority('enterprise:figure:write')")
    String record(@PathVariable String uscc, @ModelAttribute("form") FigureForm form, BindingResult binding, Model model,
            RedirectAttributes flash, Locale locale) {
        if (binding.hasFieldErrors()) {
            Map<String, String> errors = new LinkedHashMap<>();
            Map<String, Object> typed = new LinkedHashMap<>();
            binding.getFieldErrors().forEach(e -> {
                errors.put(FIELDS.getOrDefault(e.getField(), e.getField()),
                        messages.getMessage("enterprise.error.figure-number", null, locale));
                typed.put(e.getField(), String.valueOf(e.getRejectedValue()));
            });
            model.addAttribute("fieldErrors", errors);
            model.addAttribute("typed", typed);
            return detail(uscc, model);
        }
        try {
            figures.record(uscc, new FigureData(form.year(), form.month(), yuan(form.output()), yuan(form.revenue()),
                    yuan(form.exports()), yuan(form.tax()), form.employees()), FigureSource.MANUAL, false, null);
        } catch (InvalidInputException invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.violations().forEach(v -> errors.merge(v.field(),
                    messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale), (a, b) -> a + "；" + b));
            model.addAttribute("fieldErrors", errors);
            return detail(uscc, model);
        }
        flash.addFlashAttribute("saved", messages.getMessage("enterprise.figure.saved", new Object[] {String.valueOf(form.year())}, locale));
        return "redirect:/enterprises/" + uscc;
    }

    /** The yearly figures for the chart: output and revenue in 亿元, exports in 亿美元, employees. */
    private static Map<String, Object> chart(List<EnterpriseFigure> all) {
        TreeMap<Integer, EnterpriseFigure> years = new TreeMap<>();
        all.stream().filter(EnterpriseFigure::yearly).forEach(f -> years.put(f.year(), f));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("years", new ArrayList<>(years.keySet()));
        chart.put("output", years.values().stream().map(f -> yi(f.outputYuan())).toList());
        chart.put("revenue", years.values().stream().map(f -> yi(f.revenueYuan())).toList());
        chart.put("exports", years.values().stream().map(f -> yi(f.exportsUsd())).toList());
        chart.put("employees", years.values().stream().map(EnterpriseFigure::employees).toList());
        return chart;
    }

    private static @Nullable BigDecimal yi(@Nullable BigDecimal v) {
        return v == null ? null : v.divide(BigDecimal.valueOf(100_000_000), 4, java.math.RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal yuan(@Nullable BigDecimal wan) {
        return wan == null ? null : wan.multiply(WAN);
    }

    private Map<String, String> townNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Unit u : organisation.all()) {
            names.put(u.code(), u.shortName());
        }
        return names;
    }
}
