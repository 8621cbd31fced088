package org.gongjian.reporting.web;

import java.time.LocalDate;
import java.util.Locale;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.reporting.review.ReviewSettings;
import org.gongjian.reporting.review.ReviewSettingsStore;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The settings that make the year-end review a 公文 (发文机关标志, 落款, 发文字号, 主送, 抄送, 印发机关,
 * 成文日期): a form for the programme office ({@link ReviewSettingsApiController} is the same in the API).
 */
@Controller
class ReviewSettingsController {

    private final ReviewSettingsStore store;
    private final ProgrammeManagement programmes;
    private final MessageSource messages;

    ReviewSettingsController(ReviewSettingsStore store, ProgrammeManagement programmes, MessageSource messages) {
        this.store = store;
        this.programmes = programmes;
        this.messages = messages;
    }

    /** The form's fields, kept as typed when something is wrong. */
    public static class Form {
        private String mark = "";
        private String issuingBody = "";
        private String numberPattern = "";
        private int numberSeq = 1;
        private @Nullable String title;
        private String addressees = "";
        private @Nullable String copyTo;
        private String printedBy = "";
        private @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn;

        static Form of(ReviewSettings s) {
            Form f = new Form();
            f.mark = s.mark();
            f.issuingBody = s.issuingBody();
            f.numberPattern = s.numberPattern();
            f.numberSeq = s.numberSeq();
            f.title = s.title();
            f.addressees = s.addressees();
            f.copyTo = s.copyTo();
            f.printedBy = s.printedBy();
            f.signedOn = s.signedOn();
            return f;
        }

        ReviewSettings settings() {
            return new ReviewSettings(mark, issuingBody, numberPattern, numberSeq, title, addressees, copyTo, printedBy,
                    signedOn);
        }

        public String getMark() { return mark; }
        public void setMark(String v) { mark = v == null ? "" : v; }
        public String getIssuingBody() { return issuingBody; }
        public void setIssuingBody(String v) { issuingBody = v == null ? "" : v; }
        public String getNumberPattern() { return numberPattern; }
        public void setNumberPattern(String v) { numberPattern = v == null ? "" : v; }
        public int getNumberSeq() { return numberSeq; }
        public void setNumberSeq(int v) { numberSeq = v; }
        public @Nullable String getTitle() { return title; }
        public void setTitle(@Nullable String v) { title = v; }
        public String getAddressees() { return addressees; }
        public void setAddressees(String v) { addressees = v == null ? "" : v; }
        public @Nullable String getCopyTo() { return copyTo; }
        public void setCopyTo(@Nullable String v) { copyTo = v; }
        public String getPrintedBy() { return printedBy; }
        public void setPrintedBy(String v) { printedBy = v == null ? "" : v; }
        public @Nullable LocalDate getSignedOn() { return signedOn; }
        public void setSignedOn(@Nullable LocalDate v) { signedOn = v; }
    }

    @GetMapping("/reports/{code}/review/settings")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String form(@PathVariable String code, Model model) {
        model.addAttribute("programme", programmes.programme(code));
        model.addAttribute("form", store.find(code).map(Form::of).orElseGet(Form::new));
        return "reporting/review-settings";
    }

    @PostMapping("/reports/{code}/review/settings")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    String save(@PathVariable String code, @ModelAttribute("form") Form form, BindingResult binding, Model model,
            Locale locale) {
        model.addAttribute("programme", programmes.programme(code));
        if (binding.hasErrors()) {
            return "reporting/review-settings";
        }
        try {
            store.save(code, form.settings());
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> binding.rejectValue(v.field(), v.messageKey(), v.args(),
                    messages.getMessage(v.messageKey(), v.args(), locale)));
            return "reporting/review-settings";
        } catch (jakarta.validation.ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> binding.rejectValue(v.getPropertyPath().toString()
                    .replaceAll("^.*\\.", ""), "invalid", v.getMessage()));
            return "reporting/review-settings";
        }
        return "redirect:/reports/" + code + "/review?variant=official";
    }
}
