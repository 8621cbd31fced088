package org.gongjian.roads.web;

import java.util.Locale;
import java.util.function.Supplier;
import org.gongjian.roads.RoadAccess;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shape the road office's forms (chiefs, staff, signboards, demonstration roads) share: the form page is the
 * office's alone; a bound form is saved through its service, and then the list is shown again with a 已保存 line,
 * or else the form again with the service's refusals beside their fields and someone else's change in between (a
 * stale version) above it.
 */
@Component
class OfficeForms {

    private final RoadAccess access;
    private final MessageSource messages;

    OfficeForms(RoadAccess access, MessageSource messages) {
        this.access = access;
        this.messages = messages;
    }

    /** Starts a form page: refused to anyone but the office, audited under {@code entity}; the form and its id. */
    void page(Model model, String entity, Object form, @Nullable Long id) {
        access.requireOffice(entity, id == null ? "new" : String.valueOf(id));
        model.addAttribute("form", form);
        model.addAttribute("id", id);
    }

    /**
     * Saves a bound form: when it bound cleanly and {@code save} took it, flashes the message {@code savedKey} (with
     * {@code name}) and redirects to {@code list}; otherwise answers {@code again}, the form page with its errors.
     */
    String save(BindingResult result, Runnable save, String savedKey, @Nullable String name, String list,
            RedirectAttributes flash, Locale locale, Supplier<String> again) {
        if (!result.hasErrors()) {
            try {
                save.run();
                Object[] args = name == null ? null : new Object[] {name};
                flash.addFlashAttribute("saved", messages.getMessage(savedKey, args, locale));
                return "redirect:" + list;
            } catch (InvalidInputException e) {
                FormErrors.add(result, e);
            } catch (ConflictException e) {
                result.reject(e.messageKey(), e.args(), e.messageKey());
            }
        }
        return again.get();
    }
}
