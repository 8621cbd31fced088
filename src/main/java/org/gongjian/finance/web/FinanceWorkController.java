package org.gongjian.finance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.finance.ConsortiumReports;
import org.gongjian.finance.FinanceAccess;
import org.gongjian.finance.Money;
import org.gongjian.finance.Needs;
import org.gongjian.finance.Outreach;
import org.gongjian.finance.Pairings;
import org.gongjian.finance.Subjects;
import org.gongjian.finance.web.FinanceForms.EventForm;
import org.gongjian.finance.web.FinanceForms.NeedForm;
import org.gongjian.finance.web.FinanceForms.ReportForm;
import org.gongjian.organisation.Organisation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
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

/**
 * The ledger's work on page forms: a town (or the office) declares a financing need and sees its five-criteria
 * screening at once; records an outreach event; a bank drafts, revises and submits its consortium's monthly report,
 * the office reviews and publishes it or returns it with a reason. Scope as in the services: a town's staff their
 * own town, bank staff their own consortium.
 */
@Controller
class FinanceWorkController {

    private static final int PAGE = 20;
    /** The report's balance is typed in 万元 on the page: its messages stand beside that field. */
    private static final Map<String, String> BALANCE = Map.of("outstandingBalance", "balanceWan");

    private final Needs needs;
    private final Subjects subjects;
    private final Outreach outreach;
    private final ConsortiumReports reports;
    private final Pairings pairings;
    private final FinanceAccess access;
    private final Organisation organisation;
    private final MessageSource messages;
    private final Clock clock;

    FinanceWorkController(Needs needs, Subjects subjects, Outreach outreach, ConsortiumReports reports,
            Pairings pairings, FinanceAccess access, Organisation organisation, MessageSource messages, Clock clock) {
        this.needs = needs;
        this.subjects = subjects;
        this.outreach = outreach;
        this.reports = reports;
        this.pairings = pairings;
        this.access = access;
        this.organisation = organisation;
        this.messages = messages;
        this.clock = clock;
    }

    private Map<String, String> towns() {
        return FinancePageSupport.townNames(organisation);
    }

    private Map<Long, String> consortiumNames() {
        return FinancePageSupport.names(pairings.consortia(), r -> r.id(), r -> r.name());
    }

    // --- declaring a need ----------------------------------------------------------------------

    @GetMapping("/finance/needs/new")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String newNeed(Model model) {
        NeedForm form = new NeedForm();
        form.setDeclaredOn(LocalDate.now(clock));
        return needForm(model, form);
    }

    @PostMapping("/finance/needs")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String declare(@ModelAttribute("form") NeedForm form, BindingResult result, Model model, RedirectAttributes flash,
            Locale locale) {
        Needs.Need[] declared = new Needs.Need[1];
        if (!FinancePageSupport.save(result, Map.of("amount", "amountWan"),
                () -> declared[0] = needs.declare(form.data(), false))) {
            return needForm(model, form);
        }
        Needs.Need screened = needs.screen(declared[0].id(), form.criteria(), declared[0].version());
        List<String> unmet = form.criteria().unmet().stream()
                .map(c -> messages.getMessage("finance.criteria." + c, null, locale)).toList();
        flash.addFlashAttribute("saved", unmet.isEmpty()
                ? messages.getMessage("finance.need.declared-recommended", null, locale)
                : messages.getMessage("finance.need.declared-not-eligible", new Object[] {String.join("、", unmet)},
                        locale));
        return "redirect:/finance/needs/" + screened.id();
    }

    private String needForm(Model model, NeedForm form) {
        FinanceAccess.Scope scope = access.scope();
        String town = scope.office() ? null : scope.town();
        model.addAttribute("form", form);
        model.addAttribute("allowed", scope.office() || town != null);
        model.addAttribute("subjects", scope.office() || town != null ? subjects.list(town, Pageable.unpaged()).getContent()
                : List.of());
        model.addAttribute("towns", towns());
        model.addAttribute("sources", Needs.Source.values());
        model.addAttribute("collaterals", Needs.Collateral.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "finance/need-form";
    }

    // --- outreach events -----------------------------------------------------------------------

    @GetMapping("/finance/events")
    @PreAuthorize("hasAuthority('finance:ledger:read')")
    String events(@RequestParam(required = false) @Nullable String town, @RequestParam(defaultValue = "0") int page,
            Model model) {
        String filter = town == null || town.isBlank() ? null : town;
        model.addAttribute("page", outreach.page(filter, PageRequest.of(Math.max(0, page), PAGE)));
        model.addAttribute("town", filter);
        model.addAttribute("towns", towns());
        model.addAttribute("consortiumNames", consortiumNames());
        FinanceAccess.Scope scope = access.scope();
        model.addAttribute("mayRecord", scope.office() || scope.town() != null);
        return "finance/events";
    }

    @GetMapping("/finance/events/new")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String newEvent(Model model) {
        EventForm form = new EventForm();
        LocalDate today = LocalDate.now(clock);
        form.setHeldOn(today);
        String town = access.scope().town();
        if (town != null) {
            form.setTownCode(town);
            pairings.pairedWith(town, today).ifPresent(c -> form.setConsortiumIds(List.of(c.id())));
        }
        return eventForm(model, form);
    }

    @PostMapping("/finance/events")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String recordEvent(@ModelAttribute("form") EventForm form, BindingResult result, Model model,
            RedirectAttributes flash, Locale locale) {
        FinanceAccess.Scope scope = access.scope();
        if (!scope.office() && scope.town() != null) {
            form.setTownCode(scope.town());   // a town's staff record their own town's events
        }
        if (FinancePageSupport.save(result, Map.of("signedAmount", "signedWan"),
                () -> outreach.record(form.data(), false))) {
            flash.addFlashAttribute("saved", messages.getMessage("finance.event.saved", new Object[] {form.getTitle()},
                    locale));
            return "redirect:/finance/events";
        }
        return eventForm(model, form);
    }

    private String eventForm(Model model, EventForm form) {
        FinanceAccess.Scope scope = access.scope();
        model.addAttribute("form", form);
        model.addAttribute("allowed", scope.office() || scope.town() != null);
        model.addAttribute("fixedTown", scope.office() ? null : scope.town());
        model.addAttribute("towns", towns());
        model.addAttribute("kinds", Outreach.EventKind.values());
        model.addAttribute("consortia", pairings.consortia());
        model.addAttribute("today", LocalDate.now(clock));
        return "finance/event-form";
    }

    // --- monthly consortium reports ------------------------------------------------------------

    @GetMapping("/finance/reports")
    @PreAuthorize("hasAuthority('finance:need:read')")
    String reportList(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", reports.page(PageRequest.of(Math.max(0, page), PAGE)));
        model.addAttribute("consortiumNames", consortiumNames());
        FinanceAccess.Scope scope = access.scope();
        model.addAttribute("mayDraft", scope.office() || scope.bank() && scope.consortium() != null
                && scope.consortium() > 0);
        return "finance/reports";
    }

    @GetMapping("/finance/reports/new")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    String newReport(Model model) {
        ReportForm form = new ReportForm();
        form.setMonth(YearMonth.now(clock).minusMonths(1).toString());
        return reportForm(model, form);
    }

    @PostMapping("/finance/reports")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    String draft(@ModelAttribute("form") ReportForm form, BindingResult result, Model model, RedirectAttributes flash,
            Locale locale) {
        FinanceAccess.Scope scope = access.scope();
        Long consortium = scope.bank() ? scope.consortium() : form.getConsortiumId();
        ConsortiumReports.Report[] saved = new ConsortiumReports.Report[1];
        if (consortium == null) {
            result.rejectValue("consortiumId", "finance.error.required");
        } else if (FinancePageSupport.save(result, BALANCE, () -> saved[0] = reports.draft(consortium,
                form.getMonth(), form.balance(), blankToNull(form.getNote()), false))) {
            flash.addFlashAttribute("saved", messages.getMessage("finance.report.drafted", new Object[] {form.getMonth()},
                    locale));
            return "redirect:/finance/reports/" + saved[0].id();
        }
        return reportForm(model, form);
    }

    private String reportForm(Model model, ReportForm form) {
        FinanceAccess.Scope scope = access.scope();
        model.addAttribute("form", form);
        model.addAttribute("allowed", scope.office()
                || scope.bank() && scope.consortium() != null && scope.consortium() > 0);
        model.addAttribute("consortia", scope.bank() ? List.of() : pairings.consortia());
        model.addAttribute("own", scope.bank() && scope.consortium() != null && scope.consortium() > 0
                ? pairings.consortium(scope.consortium()).name() : null);
        model.addAttribute("thisMonth", YearMonth.now(clock).toString());
        return "finance/report-form";
    }

    @GetMapping("/finance/reports/{id}")
    @PreAuthorize("hasAuthority('finance:need:read')")
    String report(@PathVariable long id, Model model) {
        ConsortiumReports.Report report = reports.report(id);
        if (!model.containsAttribute("form")) {
            ReportForm form = new ReportForm();
            form.setBalanceWan(report.outstandingBalance() == null ? null
                    : new java.math.BigDecimal(Money.wan(report.outstandingBalance())));
            form.setNote(report.note());
            form.setVersion(report.version());
            model.addAttribute("form", form);
        }
        FinanceAccess.Scope scope = access.scope();
        boolean bank = scope.office() || scope.bank() && Long.valueOf(report.consortiumId()).equals(scope.consortium());
        model.addAttribute("report", report);
        model.addAttribute("consortium", pairings.consortium(report.consortiumId()));
        model.addAttribute("bankMay", bank && access.actor().can(org.gongjian.organisation.Permissions.FINANCE_BANK));
        model.addAttribute("reviewMay", scope.office()
                && access.actor().can(org.gongjian.organisation.Permissions.FINANCE_REVIEW));
        model.addAttribute("towns", towns());
        return "finance/report";
    }

    @PostMapping("/finance/reports/{id}")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    String revise(@PathVariable long id, @ModelAttribute("form") ReportForm form, BindingResult result, Model model,
            RedirectAttributes flash, Locale locale) {
        if (FinancePageSupport.save(result, BALANCE, () -> reports.revise(id, form.balance(),
                blankToNull(form.getNote()), form.getVersion()))) {
            flash.addFlashAttribute("saved", messages.getMessage("finance.saved", null, locale));
            return "redirect:/finance/reports/" + id;
        }
        return report(id, model);
    }

    @PostMapping("/finance/reports/{id}/submission")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    String submit(@PathVariable long id, @RequestParam int version, RedirectAttributes flash, Locale locale) {
        return step(id, flash, locale, () -> reports.advance(id, ConsortiumReports.ReportStatus.SUBMITTED, version));
    }

    @PostMapping("/finance/reports/{id}/review")
    @PreAuthorize("hasAuthority('finance:report:review')")
    String review(@PathVariable long id, @RequestParam int version, RedirectAttributes flash, Locale locale) {
        return step(id, flash, locale, () -> reports.advance(id, ConsortiumReports.ReportStatus.REVIEWED, version));
    }

    @PostMapping("/finance/reports/{id}/publication")
    @PreAuthorize("hasAuthority('finance:report:review')")
    String publish(@PathVariable long id, @RequestParam int version, RedirectAttributes flash, Locale locale) {
        return step(id, flash, locale, () -> reports.advance(id, ConsortiumReports.ReportStatus.PUBLISHED, version));
    }

    @PostMapping("/finance/reports/{id}/return")
    @PreAuthorize("hasAuthority('finance:report:review')")
    String returnReport(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
            @RequestParam int version, RedirectAttributes flash, Locale locale) {
        return step(id, flash, locale, () -> reports.returnToBank(id, reason, version));
    }

    private String step(long id, RedirectAttributes flash, Locale locale, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("saved", messages.getMessage("finance.saved", null, locale));
        } catch (org.gongjian.shared.InvalidInputException e) {
            flash.addFlashAttribute("errors", e.violations().stream()
                    .map(v -> messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)).toList());
        } catch (org.gongjian.shared.ConflictException e) {
            flash.addFlashAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)));
        }
        return "redirect:/finance/reports/" + id;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
