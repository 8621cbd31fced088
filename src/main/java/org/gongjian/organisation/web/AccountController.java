package org.gongjian.organisation.web;

import java.time.LocalDate;
import org.gongjian.organisation.ApiTokens;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One's own account: change one's password; make and revoke personal API tokens for scripts. */
@Controller
class AccountController {

    private final org.gongjian.organisation.Accounts accounts;
    private final ApiTokens tokens;

    AccountController(org.gongjian.organisation.Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** The password form: the current password and the new one twice. */
    public static class PasswordForm {
        private String currentPassword = "";
        private String newPassword = "";
        private String repeatPassword = "";

        public String getCurrentPassword() { return currentPassword; }
        public void setCurrentPassword(String v) { currentPassword = v; }
        public String getNewPassword() { return newPassword; }
        public void setNewPassword(String v) { newPassword = v; }
        public String getRepeatPassword() { return repeatPassword; }
        public void setRepeatPassword(String v) { repeatPassword = v; }
    }

    /** The form of a new token: a name and an optional last day. */
    public static class TokenForm {
        private String name = "";
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate expiresOn;

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public @Nullable LocalDate getExpiresOn() { return expiresOn; }
        public void setExpiresOn(@Nullable LocalDate v) { expiresOn = v; }
    }

    @GetMapping("/account/password")
    @PreAuthorize("hasAuthority('organisation:account:self')")
    String passwordForm(Model model) {
        model.addAttribute("form", new PasswordForm());
        return "organisation/password";
    }

    @PostMapping("/account/password")
    @PreAuthorize("hasAuthority('organisation:account:self')")
    String changePassword(@ModelAttribute("form") PasswordForm form, BindingResult result, RedirectAttributes redirect) {
        if (!form.getNewPassword().equals(form.getRepeatPassword())) {
            result.rejectValue("repeatPassword", "error.password.repeat-differs");
        }
        if (!result.hasErrors()) {
            try {
                accounts.changeOwnPassword(form.getCurrentPassword(), form.getNewPassword());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/account/password";
            } catch (InvalidInputException e) {
                FormErrors.add(result, e);
            }
        }
        form.setCurrentPassword("");
        form.setNewPassword("");
        form.setRepeatPassword("");
        return "organisation/password";
    }

    @GetMapping("/account/tokens")
    @PreAuthorize("hasAuthority('organisation:account:self')")
    String tokens(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TokenForm());
        }
        model.addAttribute("tokens", tokens.mine());
        return "organisation/tokens";
    }

    @PostMapping("/account/tokens")
    @PreAuthorize("hasAuthority('organisation:account:self')")
    String createToken(@ModelAttribute("form") TokenForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                // shown in this answer only, never kept in the session: a reload does not show it again
                model.addAttribute("issued", tokens.create(form.getName(), form.getExpiresOn()));
                model.addAttribute("form", new TokenForm());
                model.addAttribute("tokens", tokens.mine());
                return "organisation/tokens";
            } catch (InvalidInputException e) {
                FormErrors.add(result, e);
            }
        }
        model.addAttribute("tokens", tokens.mine());
        return "organisation/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    @PreAuthorize("hasAuthority('organisation:account:self')")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("revoked", tokens.revoke(id));
        return "redirect:/account/tokens";
    }
}
