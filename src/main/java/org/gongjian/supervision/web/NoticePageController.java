package org.gongjian.supervision.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LocalizedException;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeManagement;
import org.gongjian.supervision.NoticeManagement.ManualNotice;
import org.gongjian.supervision.NoticeState;
import org.gongjian.supervision.NoticeView;
import org.gongjian.supervision.PolicyParameters;
import org.gongjian.supervision.StatusEngine;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A unit's notice inbox with the answer form; the office's review and its hand-raised notices. */
@Controller
class NoticePageController {

    private final NoticeManagement notices;
    private final Organisation organisation;
    private final ProgrammeManagement programmes;
    private final PolicyParameters policies;
    private final StatusEngine engine;
    private final Accounts accounts;
    private final MessageSource messages;

    NoticePageController(NoticeManagement notices, Organisation organisation, ProgrammeManagement programmes,
            PolicyParameters policies, StatusEngine engine, Accounts accounts, MessageSource messages) {
        this.notices = notices;
        this.organisation = organisation;
        this.programmes = programmes;
        this.policies = policies;
        this.engine = engine;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/supervision/notices")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    String list(@RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "0") int page,
            Model model, Locale locale) {
        Set<NoticeState> states;
        NoticeState one = null;
        boolean all = "ALL".equals(state);
        if (all) {
            states = null;
        } else if (state == null || state.isBlank()) {
            states = EnumSet.of(NoticeState.ISSUED, NoticeState.ANSWERED, NoticeState.RETURNED);
        } else {
            one = NoticeState.valueOf(state);
            states = EnumSet.of(one);
        }
        Page<NoticeView> found = notices.notices(null, null, states, PageRequest.of(Math.max(0, page), 30));
        Map<Long, String> units = unitNames(locale);
        Actor actor = accounts.current();
        model.addAttribute("unitName", actor.isAdmin() || actor.unitId() == null ? null : units.get(actor.unitId()));
        model.addAttribute("states", NoticeState.values());
        model.addAttribute("state", one);
        model.addAttribute("all", all);
        model.addAttribute("page", found);
        model.addAttribute("list", found.getContent().stream().map(n -> NoticeRows.of(n, units, engine.today())).toList());
        return "supervision/notices";
    }

    @GetMapping("/supervision/notices/{id}")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    String notice(@PathVariable long id, Model model, Locale locale) {
        NoticeView n = notices.notice(id);
        Actor actor = accounts.current();
        model.addAttribute("n", n);
        Map<Long, String> names = unitNames(locale);
        model.addAttribute("row", NoticeRows.of(n, names, engine.today()));
        model.addAttribute("copies", String.join("、", n.copyUnitIds().stream().map(u -> names.getOrDefault(u, String.valueOf(u))).toList()));
        model.addAttribute("canAnswer", NoticeState.AWAITING_UNIT.contains(n.state()) && actor.can(Permissions.NOTICE_ANSWER)
                && (actor.isAdmin() || java.util.Objects.equals(actor.unitId(), n.unitId())));
        return "supervision/notice";
    }

    @PostMapping("/supervision/notices/{id}/answer")
    @PreAuthorize("hasAuthority('supervision:notice:answer')")
    String answer(@PathVariable long id, @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
            RedirectAttributes redirect, Locale locale) {
        try {
            notices.answer(id, text, NoticeApiController.uploads(files));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, locale));
            model.addAttribute("text", text);
            return notice(id, model, locale);
        }
        redirect.addFlashAttribute("done", "answered");
        return "redirect:/supervision/notices/" + id;
    }

    @PostMapping("/supervision/notices/{id}/review")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    String review(@PathVariable long id, @RequestParam String action, @RequestParam(defaultValue = "") String comment,
            Model model, RedirectAttributes redirect, Locale locale) {
        try {
            switch (action) {
                case "close" -> notices.close(id, comment);
                case "return" -> notices.returnToUnit(id, comment);
                case "cancel" -> notices.cancel(id, comment);
                case "reopen" -> notices.reopen(id, comment);
                default -> throw new InvalidInputException("action", "error.invalid-input");
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, locale));
            return notice(id, model, locale);
        } catch (LocalizedException e) {
            model.addAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), locale)));
            return notice(id, model, locale);
        }
        redirect.addFlashAttribute("done", action);
        return "redirect:/supervision/notices/" + id;
    }

    @GetMapping("/supervision/notices/{id}/evidence/{file}")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long file) {
        return NoticeApiController.download(notices.evidence(id, file));
    }

    /** The hand-raised notice form, as typed. */
    record NoticeForm(@Nullable String unit, @Nullable Integer initiative, @Nullable String title, @Nullable String matter,
            @Nullable String requirement, NoticeLevel level, @Nullable LocalDate answerDue) {
    }

    @GetMapping("/supervision/notices/new")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    String newNotice(@RequestParam String programme, Model model, Locale locale) {
        return form(programme, new NoticeForm(null, null, null, null, null, NoticeLevel.REMINDER, null), model, locale);
    }

    @PostMapping("/supervision/notices/new")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    String raise(@RequestParam String programme, @RequestParam(defaultValue = "") String unit,
            @RequestParam(required = false) @Nullable Integer initiative, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String matter, @RequestParam(required = false) @Nullable String requirement,
            @RequestParam(defaultValue = "REMINDER") NoticeLevel level,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate answerDue,
            Model model, RedirectAttributes redirect, Locale locale) {
        NoticeForm form = new NoticeForm(unit, initiative, title, matter, requirement, level, answerDue);
        List<String> missing = new java.util.ArrayList<>();
        if (unit.isBlank()) {
            missing.add(label("notice.col.unit", locale));
        }
        if (title.isBlank()) {
            missing.add(label("notice.col.title", locale));
        }
        if (matter.isBlank()) {
            missing.add(label("notice.matter", locale));
        }
        if (!missing.isEmpty()) {
            model.addAttribute("errors", missing.stream().map(f -> messages.getMessage("notice.new.required",
                    new Object[] {f}, locale)).toList());
            return form(programme, form, model, locale);
        }
        try {
            NoticeView raised = notices.raise(programme, new ManualNotice(unit, initiative, title.strip(), matter.strip(),
                    requirement, level, answerDue));
            redirect.addFlashAttribute("done", "raised");
            return "redirect:/supervision/notices/" + raised.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, locale));
            return form(programme, form, model, locale);
        }
    }

    private String form(String programme, NoticeForm form, Model model, Locale locale) {
        var p = programmes.programme(programme);
        model.addAttribute("programme", p);
        model.addAttribute("form", form);
        model.addAttribute("unitGroups", UnitChoices.of(organisation.all(), locale));
        model.addAttribute("initiatives", programmes.initiatives(p));
        model.addAttribute("levels", NoticeLevel.values());
        model.addAttribute("answerWorkdays", policies.policy(programme, engine.today()).noticeAnswerWorkdays());
        return "supervision/notice-new";
    }

    private List<String> errors(InvalidInputException e, Locale locale) {
        return e.violations().stream().map(v -> messages.getMessage(v.messageKey(), v.args(), locale)).toList();
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private Map<Long, String> unitNames(Locale locale) {
        Map<Long, String> names = new HashMap<>();
        organisation.all().forEach(u -> names.put(u.id(), u.displayName(locale)));
        return names;
    }
}
