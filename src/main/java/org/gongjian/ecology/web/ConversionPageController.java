package org.gongjian.ecology.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.ecology.ConversionProject;
import org.gongjian.ecology.ConversionProjects;
import org.gongjian.ecology.GepAccounts;
import org.gongjian.projects.KeyProject;
import org.gongjian.projects.KeyProjects;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the GEP conversion projects (森林GEP转化绿色生态百千万项目): the list with investment, the key
 * project's status, the GEP of the area, expected against measured change and farmer income; and a project's page
 * with its yearly benefit reports and the form to add a year's report (the office and the forestry department).
 */
@Controller
class ConversionPageController {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);

    private final ConversionProjects projects;
    private final GepAccounts accounts;
    private final KeyProjects keyProjects;
    private final MessageSource messages;

    ConversionPageController(ConversionProjects projects, GepAccounts accounts, KeyProjects keyProjects,
            MessageSource messages) {
        this.projects = projects;
        this.accounts = accounts;
        this.keyProjects = keyProjects;
        this.messages = messages;
    }

    /** A row of the list: amounts as shown (亿元 for investment, 万元 for the rest). */
    record Row(String code, String name, boolean demo, String town, String investment, @Nullable String status,
            @Nullable String keyProjectLink, String areaGep, String expected, String measured, String farmerIncome,
            @Nullable String latestYear) {
    }

    /** A yearly report as shown. */
    record YearRow(String year, String measured, String carbonSink, String farmerIncome, String collectiveIncome,
            String jobs, String landRent, LocalDate reportedOn) {
    }

    /** The report form's fields as entered, given back with the errors when it is refused. */
    record ReportForm(String year, String measuredGepChange, String carbonSink, String farmerIncome,
            String collectiveIncome, String jobs, String landRent) {
    }

    @GetMapping("/ecology/conversion-projects")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    String list(@PageableDefault(size = 20) Pageable pageable, Model model, Locale locale) {
        Map<String, String> towns = accounts.townNames();
        Map<String, KeyProject> keys = keyProjectsByCode();
        Page<Row> page = projects.list(pageable).map(p -> row(p, towns, keys.get(p.projectCode()), locale));
        model.addAttribute("page", page);
        BigDecimal investment = projects.list(Pageable.unpaged()).stream().map(ConversionProject::investment)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        model.addAttribute("totalInvestment", yi(investment));
        return "ecology/conversion-projects";
    }

    @GetMapping("/ecology/conversion-projects/{code}")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    String project(@PathVariable String code, Model model, Locale locale) {
        ConversionProject p = projects.project(code);
        String thisYear = String.valueOf(LocalDate.now().getYear());
        return page(p, model, locale, new ReportForm(thisYear, "", "", "", "", "", ""), List.of());
    }

    @PostMapping("/ecology/conversion-projects/{code}/years")
    @PreAuthorize("hasAuthority('ecology:account:write')")
    String report(@PathVariable String code, @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String measuredGepChange, @RequestParam(defaultValue = "") String carbonSink,
            @RequestParam(defaultValue = "") String farmerIncome, @RequestParam(defaultValue = "") String collectiveIncome,
            @RequestParam(defaultValue = "") String jobs, @RequestParam(defaultValue = "") String landRent, Model model,
            Locale locale, RedirectAttributes flash) {
        ReportForm form = new ReportForm(year.strip(), measuredGepChange.strip(), carbonSink.strip(),
                farmerIncome.strip(), collectiveIncome.strip(), jobs.strip(), landRent.strip());
        ConversionProject p = projects.project(code);
        List<Violation> wrong = new ArrayList<>();
        Integer y = integer(wrong, "year", form.year());
        BigDecimal gep = amount(wrong, "measuredGepChange", form.measuredGepChange(), WAN);
        BigDecimal sink = amount(wrong, "carbonSink", form.carbonSink(), BigDecimal.ONE);
        BigDecimal farmers = amount(wrong, "farmerIncome", form.farmerIncome(), WAN);
        BigDecimal collective = amount(wrong, "collectiveIncome", form.collectiveIncome(), WAN);
        Integer j = integer(wrong, "jobs", form.jobs());
        BigDecimal rent = amount(wrong, "landRent", form.landRent(), WAN);
        try {
            if (!wrong.isEmpty()) {
                throw new InvalidInputException(wrong);
            }
            projects.report(code, new ConversionProject.Year(y, gep, sink, farmers, collective, j, rent, null));
        } catch (InvalidInputException e) {
            return page(p, model, locale, form, e.violations());
        } catch (ConflictException e) {
            return page(p, model, locale, form, List.of(new Violation("year", e.messageKey(), e.args())));
        }
        flash.addFlashAttribute("saved", messages.getMessage("ecology.conversion.page.saved",
                new Object[] {form.year()}, locale));
        return "redirect:/ecology/conversion-projects/" + code;
    }

    private String page(ConversionProject p, Model model, Locale locale, ReportForm form, List<Violation> errors) {
        KeyProject key = keyProjectsByCode().get(p.projectCode());
        model.addAttribute("p", p);
        model.addAttribute("row", row(p, accounts.townNames(), key, locale));
        model.addAttribute("years", p.years().stream().map(y -> new YearRow(String.valueOf(y.year()),
                wan(y.measuredGepChange()), y.carbonSink().stripTrailingZeros().toPlainString(), wan(y.farmerIncome()),
                wan(y.collectiveIncome()), String.valueOf(y.jobs()), wan(y.landRent()), y.reportedOn())).toList());
        model.addAttribute("startYear", String.valueOf(p.startedOn().getYear()));
        model.addAttribute("mayWrite", accounts.mayWrite());
        model.addAttribute("form", Map.of("year", form.year(), "measuredGepChange", form.measuredGepChange(),
                "carbonSink", form.carbonSink(), "farmerIncome", form.farmerIncome(), "collectiveIncome",
                form.collectiveIncome(), "jobs", form.jobs(), "landRent", form.landRent()));
        Map<String, String> fieldErrors = new HashMap<>();
        for (Violation v : errors) {
            fieldErrors.merge(v.field(), messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale),
                    (a, b) -> a + "；" + b);
        }
        model.addAttribute("fieldErrors", fieldErrors);
        return "ecology/conversion-project";
    }

    private Row row(ConversionProject p, Map<String, String> towns, @Nullable KeyProject key, Locale locale) {
        ConversionProject.Year latest = p.latest();
        String status = key == null ? null : messages.getMessage("projects.nature." + key.nature(), null,
                key.nature().name(), locale);
        return new Row(p.projectCode(), p.name(), p.demo(), towns.getOrDefault(p.town(), p.town()), yi(p.investment()),
                status, key == null ? null : key.link(), p.areaGep() == null ? "—" : wan(p.areaGep()),
                wan(p.expectedGepChange()), latest == null ? "—" : wan(latest.measuredGepChange()),
                latest == null ? "—" : wan(latest.farmerIncome()), latest == null ? null : String.valueOf(latest.year()));
    }

    private Map<String, KeyProject> keyProjectsByCode() {
        Map<String, KeyProject> byCode = new HashMap<>();
        keyProjects.all().forEach(k -> byCode.put(k.code(), k));
        return byCode;
    }

    /** A figure entered in {@code unit} (万元, or 1 for tonnes), in 元; a text that is no number is a field error. */
    private static @Nullable BigDecimal amount(List<Violation> wrong, String field, String text, BigDecimal unit) {
        if (text.isEmpty()) {
            wrong.add(new Violation(field, "ecology.error.missing-field"));
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", "").replace("，", "")).multiply(unit);
        } catch (NumberFormatException e) {
            wrong.add(new Violation(field, "ecology.conversion.page.not-a-number", text));
            return null;
        }
    }

    private static @Nullable Integer integer(List<Violation> wrong, String field, String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            wrong.add(new Violation(field, text.isEmpty() ? "ecology.error.missing-field"
                    : "ecology.conversion.page.not-a-whole-number", text));
            return null;
        }
    }

    private static String wan(BigDecimal yuan) {
        return yuan.divide(WAN, 2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String yi(BigDecimal yuan) {
        return yuan.divide(YI, 2, RoundingMode.HALF_UP).toPlainString();
    }
}
