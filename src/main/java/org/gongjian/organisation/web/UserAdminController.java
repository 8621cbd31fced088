package org.gongjian.organisation.web;

import jakarta.validation.Validator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.gongjian.organisation.AccountData;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.ApiTokens;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.organisation.UserAccount;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

/** The office manages accounts: who they are, their unit and roles, whether they may log in, their passwords and tokens. */
@Controller
class UserAdminController {

    static final int PAGE_SIZE = 30;

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Organisation organisation;
    private final Validator validator;
    private final MessageSource messages;

    UserAdminController(Accounts accounts, ApiTokens tokens, Organisation organisation, Validator validator,
            MessageSource messages) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.organisation = organisation;
        this.validator = validator;
        this.messages = messages;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** The account form; the first password only when the account is new. */
    public static class UserForm {
        private String username = "";
        private String displayName = "";
        private @Nullable String unit;
        private Set<Role> roles = new LinkedHashSet<>();
        private boolean enabled = true;
        private String password = "";
        private String repeatPassword = "";
        private @Nullable Integer version;

        static UserForm of(AccountData data, @Nullable Integer version) {
            UserForm form = new UserForm();
            form.username = data.username();
            form.displayName = data.displayName();
            form.unit = data.unit();
            form.roles = new LinkedHashSet<>(data.roles());
            form.enabled = data.enabled();
            form.version = version;
            return form;
        }

        AccountData data() {
            return new AccountData(username.trim(), displayName.trim(), unit == null || unit.isBlank() ? null : unit,
                    roles == null ? Set.of() : EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles), enabled);
        }

        public String getUsername() { return username; }
        public void setUsername(String v) { username = v; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String v) { displayName = v; }
        public @Nullable String getUnit() { return unit; }
        public void setUnit(@Nullable String v) { unit = v; }
        public Set<Role> getRoles() { return roles; }
        public void setRoles(Set<Role> v) { roles = v; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean v) { enabled = v; }
        public String getPassword() { return password; }
        public void setPassword(String v) { password = v; }
        public String getRepeatPassword() { return repeatPassword; }
        public void setRepeatPassword(String v) { repeatPassword = v; }
        public @Nullable Integer getVersion() { return version; }
        public void setVersion(@Nullable Integer v) { version = v; }
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page, Model model) {
        var users = accounts.list(q, PageRequest.of(Math.max(0, page), PAGE_SIZE, Sort.by("username")));
        model.addAttribute("users", users);
        model.addAttribute("q", q);
        model.addAttribute("units", organisation.byIds(users.stream().map(UserAccount::unitId)
                .filter(java.util.Objects::nonNull).toList()));
        return "organisation/users";
    }

    @GetMapping("/admin/users/new")
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    String newUser(Model model) {
        UserForm form = new UserForm();
        form.setRoles(new LinkedHashSet<>(Set.of(Role.UNIT_STAFF)));
        return form(model, form, true);
    }

    @PostMapping("/admin/users")
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    String create(@ModelAttribute("form") UserForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!form.getPassword().equals(form.getRepeatPassword())) {
            result.rejectValue("repeatPassword", "error.password.repeat-differs");
        }
        AccountData data = form.data();
        FormErrors.validate(validator, data, result);
        if (!result.hasErrors()) {
            try {
                accounts.create(data, form.getPassword());
                redirect.addFlashAttribute("saved", data.username());
                return "redirect:/admin/users";
            } catch (InvalidInputException e) {
                FormErrors.add(result, e);
            } catch (ConflictException e) {
                result.rejectValue("username", e.messageKey(), e.args(), e.messageKey());
            }
        }
        form.setPassword("");
        form.setRepeatPassword("");
        return form(model, form, true);
    }

    @GetMapping("/admin/users/{username}/edit")
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    String edit(@PathVariable String username, Model model) {
        UserAccount user = accounts.user(username);
        return form(model, UserForm.of(accounts.data(user), user.version()), false);
    }

    @PostMapping("/admin/users/{username}")
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    String update(@PathVariable String username, @ModelAttribute("form") UserForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        form.setUsername(username);
        AccountData data = form.data();
        FormErrors.validate(validator, data, result);
        if (!result.hasErrors()) {
            try {
                accounts.update(username, data, form.getVersion());
                redirect.addFlashAttribute("saved", username);
                return "redirect:/admin/users";
            } catch (InvalidInputException e) {
                FormErrors.add(result, e);
            }
        }
        return form(model, form, false);
    }

    @PostMapping("/admin/users/{username}/password")
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    String resetPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeatPassword, Model model, RedirectAttributes redirect) {
        UserAccount user = accounts.user(username);
        UserForm form = UserForm.of(accounts.data(user), user.version());
        if (!password.equals(repeatPassword)) {
            model.addAttribute("resetError", message("error.password.repeat-differs"));
        } else {
            try {
                accounts.resetPassword(username, password);
                redirect.addFlashAttribute("passwordReset", username);
                return "redirect:/admin/users/" + username + "/edit";
            } catch (InvalidInputException e) {
                var v = e.violations().get(0);
                model.addAttribute("resetError", message(v.messageKey(), v.args()));
            }
        }
        return form(model, form, false);
    }

    @PostMapping("/admin/users/{username}/tokens/{id}/revoke")
    @PreAuthorize("hasAuthority('organisation:user:admin')")
    String revokeToken(@PathVariable String username, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("revoked", tokens.revoke(id));
        return "redirect:/admin/users/" + username + "/edit";
    }

    private String form(Model model, UserForm form, boolean isNew) {
        model.addAttribute("form", form);
        model.addAttribute("isNew", isNew);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("unitChoices", organisation.all().stream()
                .sorted(java.util.Comparator.comparing(org.gongjian.organisation.Unit::kind)
                        .thenComparing(org.gongjian.organisation.Unit::code)).toList());
        if (!isNew) {
            model.addAttribute("tokens", tokens.of(form.getUsername()));
        }
        return "organisation/user-form";
    }
}
