package org.gongjian.assessment.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongjian.assessment.Component;
import org.gongjian.assessment.SchemeRules;
import org.gongjian.assessment.ScoringScheme;
import org.gongjian.assessment.ScoringSchemes;
import org.gongjian.programme.HonourStatus;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.LocalizedException;
import org.gongjian.shared.Evidence;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The scoring-scheme page: every version with its source and rules, and the office's form for a new one. */
@Controller
@RequestMapping("/assessment/{code}/schemes")
class SchemePageController {

    private final ScoringSchemes schemes;
    private final ProgrammeManagement programmes;
    private final PageSupport pages;
    private final Clock clock;

    SchemePageController(ScoringSchemes schemes, ProgrammeManagement programmes, PageSupport pages, Clock clock) {
        this.schemes = schemes;
        this.programmes = programmes;
        this.pages = pages;
        this.clock = clock;
    }

    @InitBinder("form")
    void fields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    /** The new-version form, flat so that a plain HTML form can carry it; pre-filled from the version in force. */
    static final class SchemeForm {
        public String name = "";
        public String sourceDocument = "";
        public Evidence evidence = Evidence.UNVERIFIED;
        public @Nullable LocalDate validFrom;
        public @Nullable BigDecimal coUnitShare;
        public @Nullable BigDecimal attainmentWeight;
        public @Nullable BigDecimal timelinessWeight;
        public @Nullable BigDecimal lateCredit;
        public @Nullable BigDecimal supervisionWeight;
        public @Nullable BigDecimal supervisionCap;
        public @Nullable BigDecimal answeredLate;
        public @Nullable BigDecimal unanswered;
        public @Nullable BigDecimal supervise;
        public @Nullable BigDecimal bulletin;
        public @Nullable BigDecimal qualityWeight;
        public @Nullable BigDecimal excellent;
        public @Nullable BigDecimal good;
        public @Nullable BigDecimal fair;
        public @Nullable BigDecimal poor;
        public @Nullable BigDecimal honoursCap;
        public @Nullable BigDecimal national;
        public @Nullable BigDecimal provincial;
        public @Nullable BigDecimal municipal;
        public @Nullable BigDecimal county;
        public List<HonourStatus> statuses = new ArrayList<>();
        public List<Component> tieBreak = new ArrayList<>();
        public int appealWindowWorkdays = 5;
        public int appealAnswerWorkdays = 10;

        static SchemeForm of(ScoringScheme s) {
            SchemeRules r = s.rules();
            SchemeForm f = new SchemeForm();
            f.coUnitShare = r.coUnitShare();
            f.attainmentWeight = r.attainment().weight();
            f.timelinessWeight = r.timeliness().weight();
            f.lateCredit = r.timeliness().lateCredit();
            f.supervisionWeight = r.supervision().weight();
            f.supervisionCap = r.supervision().cap();
            f.answeredLate = r.supervision().answeredLate();
            f.unanswered = r.supervision().unanswered();
            f.supervise = r.supervision().supervise();
            f.bulletin = r.supervision().bulletin();
            f.qualityWeight = r.quality().weight();
            f.excellent = r.quality().excellent();
            f.good = r.quality().good();
            f.fair = r.quality().fair();
            f.poor = r.quality().poor();
            f.honoursCap = r.honours().cap();
            f.national = r.honours().national();
            f.provincial = r.honours().provincial();
            f.municipal = r.honours().municipal();
            f.county = r.honours().county();
            f.statuses = new ArrayList<>(r.honours().statuses());
            f.tieBreak = new ArrayList<>(r.tieBreak());
            f.appealWindowWorkdays = r.appealWindowWorkdays();
            f.appealAnswerWorkdays = r.appealAnswerWorkdays();
            return f;
        }

        ScoringSchemes.NewScheme toScheme() {
            SchemeRules rules = new SchemeRules(coUnitShare, new SchemeRules.Attainment(attainmentWeight),
                    new SchemeRules.Timeliness(timelinessWeight, lateCredit),
                    new SchemeRules.Supervision(supervisionWeight, supervisionCap, answeredLate, unanswered, supervise, bulletin),
                    new SchemeRules.Quality(qualityWeight, excellent, good, fair, poor),
                    new SchemeRules.Honours(honoursCap, national, provincial, municipal, county, List.copyOf(statuses)),
                    List.copyOf(tieBreak), appealWindowWorkdays, appealAnswerWorkdays);
            return new ScoringSchemes.NewScheme(name, sourceDocument, evidence, validFrom, rules);
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('assessment:ranking:read')")
    String list(@PathVariable String code, Model model) {
        List<ScoringScheme> versions = schemes.history(code);
        model.addAttribute("programme", programmes.programme(code));
        model.addAttribute("versions", versions);
        ScoringScheme current = schemes.inForce(code, LocalDate.now(clock));
        model.addAttribute("current", current);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SchemeForm.of(versions.isEmpty() ? current : versions.get(0)));
        }
        model.addAttribute("office", pages.office());
        model.addAttribute("components", List.of(Component.ATTAINMENT, Component.TIMELINESS, Component.SUPERVISION,
                Component.QUALITY));
        model.addAttribute("honourStatuses", HonourStatus.values());
        model.addAttribute("evidences", Evidence.values());
        return "assessment/schemes";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('assessment:ranking:manage')")
    String define(@PathVariable String code, @ModelAttribute("form") SchemeForm form, BindingResult binding,
            Locale locale, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", binding.getFieldErrors().stream()
                    .map(e -> pages.text("error.assessment.scheme.field", locale, e.getField())).toList());
            return list(code, model);
        }
        try {
            ScoringScheme saved = schemes.define(code, form.toScheme());
            redirect.addFlashAttribute("notice", pages.text("assessment.scheme.saved", locale, saved.version(),
                    saved.validFrom()));
            return "redirect:/assessment/" + code + "/schemes";
        } catch (LocalizedException e) {
            model.addAttribute("errors", pages.errors(e, locale));
            return list(code, model);
        }
    }
}
