package org.gongjian.finance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.finance.FinanceAccess;
import org.gongjian.finance.Pairings;
import org.gongjian.finance.web.FinanceForms.ConsortiumForm;
import org.gongjian.finance.web.FinanceForms.InstitutionForm;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.Pages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
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
 * The finance office's register on page forms: banks and branches (an enterprise of the one register, found or
 * registered by its credit code) and the consortia (lead bank, members, liaisons, paired town, validity; one consortium
 * per town at a time). Everyone who reads the ledger sees the lists; only the office changes them.
 */
@Controller
class FinanceRegisterController {

    private static final int PAGE = 20;

    private final Pairings pairings;
    private final FinanceAccess access;
    private final Organisation organisation;
    private final MessageSource messages;
    private final Clock clock;

    FinanceRegisterController(Pairings pairings, FinanceAccess access, Organisation organisation, MessageSource messages,
            Clock clock) {
        this.pairings = pairings;
        this.access = access;
        this.organisation = organisation;
        this.messages = messages;
        this.clock = clock;
    }

    private Map<String, String> towns() {
        return FinancePageSupport.townNames(organisation);
    }

    private Map<Long, String> institutionNames() {
        return FinancePageSupport.names(pairings.institutions(), r -> r.id(), r -> r.name());
    }

    @GetMapping("/finance/institutions")
    @PreAuthorize("hasAuthority('finance:ledger:read')")
    String institutions(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", Pages.of(pairings.institutions(), PageRequest.of(Math.max(0, page), PAGE)));
        model.addAttribute("names", institutionNames());
        model.addAttribute("towns", towns());
        model.addAttribute("office", access.scope().office());
        return "finance/institutions";
    }

    @GetMapping("/finance/institutions/new")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String newInstitution(Model model) {
        return institutionForm(model, new InstitutionForm(), null);
    }

    @PostMapping("/finance/institutions")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String addInstitution(@ModelAttribute("form") InstitutionForm form, BindingResult result, Model model,
            RedirectAttributes flash, Locale locale) {
        var saved = new Pairings.Institution[1];
        if (FinancePageSupport.save(result, () -> saved[0] = pairings.addInstitution(form.data(), false))) {
            flash.addFlashAttribute("saved", messages.getMessage("finance.institution.saved",
                    new Object[] {saved[0].name()}, locale));
            return "redirect:/finance/institutions";
        }
        return institutionForm(model, form, null);
    }

    @GetMapping("/finance/institutions/{id}/edit")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String editInstitution(@PathVariable long id, Model model) {
        return institutionForm(model, InstitutionForm.of(pairings.institution(id)), id);
    }

    @PostMapping("/finance/institutions/{id}")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String updateInstitution(@PathVariable long id, @ModelAttribute("form") InstitutionForm form, BindingResult result,
            Model model, RedirectAttributes flash, Locale locale) {
        if (FinancePageSupport.save(result, () -> pairings.updateInstitution(id, form.getKind(), form.getParentId(),
                form.getVersion()))) {
            flash.addFlashAttribute("saved", messages.getMessage("finance.institution.saved",
                    new Object[] {pairings.institution(id).name()}, locale));
            return "redirect:/finance/institutions";
        }
        return institutionForm(model, form, id);
    }

    private String institutionForm(Model model, InstitutionForm form, @Nullable Long id) {
        access.requireOffice("finance-institution", id == null ? "new" : String.valueOf(id));
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("kinds", Pairings.InstitutionKind.values());
        model.addAttribute("parents", pairings.institutions().stream().filter(i -> id == null || i.id() != id).toList());
        model.addAttribute("towns", towns());
        if (id != null) {
            model.addAttribute("institution", pairings.institution(id));
        }
        return "finance/institution-form";
    }

    @GetMapping("/finance/consortia")
    @PreAuthorize("hasAuthority('finance:ledger:read')")
    String consortia(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", Pages.of(pairings.consortia(), PageRequest.of(Math.max(0, page), PAGE)));
        model.addAttribute("names", institutionNames());
        model.addAttribute("towns", towns());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("office", access.scope().office());
        return "finance/consortia";
    }

    @GetMapping("/finance/consortia/new")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String newConsortium(Model model) {
        return consortiumForm(model, ConsortiumForm.empty(), null);
    }

    @PostMapping("/finance/consortia")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String pair(@ModelAttribute("form") ConsortiumForm form, BindingResult result, Model model, RedirectAttributes flash,
            Locale locale) {
        form.compact();
        if (FinancePageSupport.save(result, () -> pairings.pair(form.data(), false))) {
            flash.addFlashAttribute("saved", messages.getMessage("finance.consortium.saved",
                    new Object[] {form.getName()}, locale));
            return "redirect:/finance/consortia";
        }
        return consortiumForm(model, form, null);
    }

    @GetMapping("/finance/consortia/{id}/edit")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String editConsortium(@PathVariable long id, Model model) {
        return consortiumForm(model, ConsortiumForm.of(pairings.consortium(id)), id);
    }

    @PostMapping("/finance/consortia/{id}")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    String updateConsortium(@PathVariable long id, @ModelAttribute("form") ConsortiumForm form, BindingResult result,
            Model model, RedirectAttributes flash, Locale locale) {
        form.compact();
        if (FinancePageSupport.save(result, () -> pairings.update(id, form.data(), form.getVersion()))) {
            flash.addFlashAttribute("saved", messages.getMessage("finance.consortium.saved",
                    new Object[] {form.getName()}, locale));
            return "redirect:/finance/consortia";
        }
        return consortiumForm(model, form, id);
    }

    private String consortiumForm(Model model, ConsortiumForm form, @Nullable Long id) {
        access.requireOffice("finance-consortium", id == null ? "new" : String.valueOf(id));
        if (id != null) {
            pairings.consortium(id);
        }
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        List<Pairings.Institution> institutions = pairings.institutions();
        model.addAttribute("institutions", institutions);
        model.addAttribute("towns", towns());
        return "finance/consortium-form";
    }
}
