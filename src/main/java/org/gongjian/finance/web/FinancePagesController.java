package org.gongjian.finance.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.gongjian.finance.ConsortiumReports;
import org.gongjian.finance.FinanceAccess;
import org.gongjian.finance.FinanceIndicators;
import org.gongjian.finance.Loans;
import org.gongjian.finance.Money;
import org.gongjian.finance.NeedStatus;
import org.gongjian.finance.Needs;
import org.gongjian.finance.Outreach;
import org.gongjian.finance.Pairings;
import org.gongjian.finance.Subjects;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LocalizedException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger's pages: the office's and towns' overview (pairings, league table, clocks to watch, events, reports),
 * the needs list and a need's page (towns screen, push and withdraw; banks contact, decide and disburse), and the
 * phone page for recording a visit. Bank staff see only their consortium's needs, as in the API.
 */
@Controller
class FinancePagesController {

    private final Pairings pairings;
    private final Subjects subjects;
    private final Needs needs;
    private final Loans loans;
    private final FinanceIndicators indicators;
    private final ConsortiumReports reports;
    private final Outreach outreach;
    private final FinanceAccess access;
    private final Organisation organisation;
    private final MessageSource messages;
    private final Clock clock;

    FinancePagesController(Pairings pairings, Subjects subjects, Needs needs, Loans loans, FinanceIndicators indicators,
            ConsortiumReports reports, Outreach outreach, FinanceAccess access, Organisation organisation,
            MessageSource messages, Clock clock) {
        this.pairings = pairings;
        this.subjects = subjects;
        this.needs = needs;
        this.loans = loans;
        this.indicators = indicators;
        this.reports = reports;
        this.outreach = outreach;
        this.access = access;
        this.organisation = organisation;
        this.messages = messages;
        this.clock = clock;
    }

    /** A need as a list line: the subject's name and the clocks beside it. */
    record NeedLine(Needs.Need need, String subject, String townName, List<Needs.SlaClock> clocks) {
    }

    private Map<String, String> townNames() {
        Map<String, String> names = new HashMap<>();
        organisation.townLevelUnits().forEach(u -> names.put(u.code(), u.shortName()));
        return names;
    }

    private List<NeedLine> lines(List<Needs.Need> list, LocalDate today) {
        Map<Long, String> names = subjects.names(new HashSet<>(list.stream().map(Needs.Need::subjectId).toList()));
        Map<String, String> towns = townNames();
        return list.stream().map(n -> new NeedLine(n, names.getOrDefault(n.subjectId(), ""),
                towns.getOrDefault(n.townCode(), n.townCode()), needs.clocks(n, today))).toList();
    }

    @GetMapping("/finance")
    @PreAuthorize("hasAuthority('finance:ledger:read')")
    String dashboard(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("towns", townNames());
        List<Pairings.Consortium> consortia = pairings.consortia();
        model.addAttribute("consortia", consortia);
        Map<Long, String> consortiumNames = new HashMap<>();
        consortia.forEach(c -> consortiumNames.put(c.id(), c.name()));
        model.addAttribute("consortiumNames", consortiumNames);
        Map<Long, String> institutions = new HashMap<>();
        pairings.institutions().forEach(i -> institutions.put(i.id(), i.name()));
        model.addAttribute("institutions", institutions);
        model.addAttribute("league", reports.league(today));
        model.addAttribute("city", indicators.figures(today).stream().filter(f -> f.unit().isEmpty()).toList());
        List<Needs.Need> waiting = new ArrayList<>();
        for (NeedStatus s : List.of(NeedStatus.PUSHED, NeedStatus.CONTACTED)) {
            waiting.addAll(needs.list(s, null, PageRequest.of(0, 200)).getContent());
        }
        model.addAttribute("attention", lines(waiting, today).stream().filter(l -> l.clocks().stream()
                .anyMatch(c -> c.state() == Needs.ClockState.WARNING || c.state() == Needs.ClockState.OVERDUE)).toList());
        model.addAttribute("events", outreach.events(null).stream().limit(10).toList());
        model.addAttribute("reports", reports.reports().stream().limit(20).toList());
        return "finance/dashboard";
    }

    @GetMapping("/finance/needs")
    @PreAuthorize("hasAuthority('finance:need:read')")
    String needsPage(@RequestParam(required = false) @Nullable NeedStatus status,
            @RequestParam(required = false) @Nullable String town, @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate today = LocalDate.now(clock);
        Page<Needs.Need> found = needs.list(status, town, PageRequest.of(Math.max(0, page), 20));
        model.addAttribute("page", found);
        model.addAttribute("lines", lines(found.getContent(), today));
        model.addAttribute("status", status);
        model.addAttribute("town", town);
        model.addAttribute("statuses", NeedStatus.values());
        model.addAttribute("towns", townNames());
        model.addAttribute("bank", access.scope().bank());
        return "finance/needs";
    }

    @GetMapping("/finance/needs/{id}")
    @PreAuthorize("hasAuthority('finance:need:read')")
    String needPage(@PathVariable long id, Model model) {
        LocalDate today = LocalDate.now(clock);
        Needs.Need need = needs.need(id);
        FinanceAccess.Scope scope = access.scope();
        model.addAttribute("line", lines(List.of(need), today).get(0));
        model.addAttribute("subject", subjects.subject(need.subjectId()));
        model.addAttribute("visits", subjects.visits(need.subjectId()));
        model.addAttribute("decision", loans.decision(id).orElse(null));
        model.addAttribute("disbursements", loans.disbursements(id));
        model.addAttribute("consortium", need.consortiumId() == null ? null : pairings.consortium(need.consortiumId()));
        List<Pairings.Institution> members = need.consortiumId() == null ? List.of()
                : pairings.institutions().stream().filter(i -> pairings.member(need.consortiumId(), i.id())).toList();
        model.addAttribute("members", members);
        boolean bankMay = scope.office() || (scope.bank() && need.consortiumId() != null
                && need.consortiumId().equals(scope.consortium()));
        boolean townMay = scope.office() || need.townCode().equals(scope.town());
        model.addAttribute("bankMay", bankMay && access.actor().can(org.gongjian.organisation.Permissions.FINANCE_BANK));
        model.addAttribute("townMay", townMay && access.actor().can(org.gongjian.organisation.Permissions.FINANCE_MANAGE));
        model.addAttribute("today", today);
        return "finance/need";
    }

    private String act(long id, RedirectAttributes flash, Locale locale, Supplier<?> action) {
        try {
            action.get();
            flash.addFlashAttribute("saved", messages.getMessage("finance.saved", null, locale));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", e.violations().stream()
                    .map(v -> messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)).toList());
        } catch (org.gongjian.shared.ConflictException e) {
            flash.addFlashAttribute("errors", List.of(text(e, locale)));
        }
        return "redirect:/finance/needs/" + id;
    }

    private String text(LocalizedException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
    }

    @PostMapping("/finance/needs/{id}/screening")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String screen(@PathVariable long id, @RequestParam(defaultValue = "false") boolean operating,
            @RequestParam(defaultValue = "false") boolean premises, @RequestParam(defaultValue = "false") boolean realNeed,
            @RequestParam(defaultValue = "false") boolean credit, @RequestParam(defaultValue = "false") boolean lawfulUse,
            @RequestParam int version, RedirectAttributes flash, Locale locale) {
        return act(id, flash, locale, () -> needs.screen(id, new Needs.Criteria(operating, premises, realNeed, credit,
                lawfulUse), version));
    }

    @PostMapping("/finance/needs/{id}/push")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String push(@PathVariable long id, @RequestParam int version, RedirectAttributes flash, Locale locale) {
        return act(id, flash, locale, () -> needs.push(id, version));
    }

    @PostMapping("/finance/needs/{id}/withdrawal")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String withdraw(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
            @RequestParam int version, RedirectAttributes flash, Locale locale) {
        return act(id, flash, locale, () -> needs.withdraw(id, reason, version));
    }

    @PostMapping("/finance/needs/{id}/contact")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    String contact(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate on,
            @RequestParam int version, RedirectAttributes flash, Locale locale) {
        return act(id, flash, locale, () -> needs.contact(id, on, version));
    }

    @PostMapping("/finance/needs/{id}/decision")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    String decide(@PathVariable long id, @RequestParam(required = false) Loans.@Nullable Outcome outcome,
            @RequestParam(required = false) @Nullable Long institutionId,
            @RequestParam(required = false) @Nullable String product,
            @RequestParam(required = false) @Nullable BigDecimal approvedWan,
            @RequestParam(required = false) @Nullable BigDecimal ratePct,
            @RequestParam(required = false) @Nullable Integer termMonths,
            @RequestParam(defaultValue = "false") boolean creditLoan,
            @RequestParam(required = false) @Nullable String declineReason,
            @RequestParam(required = false) @Nullable LocalDate decidedOn, @RequestParam int version,
            RedirectAttributes flash, Locale locale) {
        return act(id, flash, locale, () -> loans.decide(id, new Loans.NewDecision(outcome, institutionId, product,
                approvedWan == null ? null : Money.fromWan(approvedWan), ratePct, termMonths, creditLoan, declineReason,
                decidedOn), version, false));
    }

    @PostMapping("/finance/needs/{id}/disbursements")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    String disburse(@PathVariable long id, @RequestParam(required = false) @Nullable BigDecimal amountWan,
            @RequestParam(required = false) @Nullable LocalDate disbursedOn,
            @RequestParam(required = false) @Nullable BigDecimal ratePct, RedirectAttributes flash, Locale locale) {
        return act(id, flash, locale, () -> loans.disburse(id, new Loans.NewDisbursement(
                amountWan == null ? null : Money.fromWan(amountWan), disbursedOn, ratePct), false));
    }

    @GetMapping("/finance/visits/new")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String visitForm(Model model) {
        FinanceAccess.Scope scope = access.scope();
        String town = scope.town();
        model.addAttribute("town", town);
        model.addAttribute("subjects", town == null ? List.of() : subjects.ofTown(town));
        model.addAttribute("today", LocalDate.now(clock));
        return "finance/visit";
    }

    @PostMapping("/finance/visits")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String visit(@RequestParam(required = false) @Nullable Long subjectId,
            @RequestParam(required = false) @Nullable LocalDate visitedOn,
            @RequestParam(required = false) @Nullable String visitor,
            @RequestParam(defaultValue = "false") boolean hasNeed, @RequestParam(required = false) @Nullable String notes,
            RedirectAttributes flash, Locale locale) {
        try {
            subjects.visit(new Subjects.NewVisit(subjectId, visitedOn, visitor, hasNeed, notes), false);
            flash.addFlashAttribute("saved", messages.getMessage("finance.visit.saved", null, locale));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", e.violations().stream()
                    .map(v -> messages.getMessage("finance.visit." + fieldKey(v.field()), null, v.field(), locale) + "："
                            + messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)).toList());
            flash.addFlashAttribute("visitor", visitor);
            flash.addFlashAttribute("notes", notes);
        }
        return "redirect:/finance/visits/new";
    }

    private static String fieldKey(String field) {
        return switch (field) {
            case "subjectId" -> "subject";
            case "visitedOn" -> "date";
            case "visitor" -> "visitor";
            default -> "notes";
        };
    }
}
