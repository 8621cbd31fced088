package org.gongjian.programme.web;

import jakarta.validation.Validator;
import java.util.function.Supplier;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/** Helpers of the programme office's forms: what a form became is validated, then the service's rules apply. */
final class Forms {

    private Forms() {
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Validates the data a form became and, when it passes, saves it; every problem ends up next to
     * its field. Returns true when saved.
     */
    static boolean save(Validator validator, Object data, BindingResult result, Runnable save) {
        FormErrors.validate(validator, data, result);
        if (result.hasErrors()) {
            return false;
        }
        try {
            save.run();
            return true;
        } catch (InvalidInputException e) {
            FormErrors.add(result, e);
        } catch (ConflictException e) {
            result.reject(e.messageKey(), e.args(), e.messageKey());
        }
        return false;
    }

    static <T> T orElse(@Nullable T value, Supplier<T> fallback) {
        return value != null ? value : fallback.get();
    }
}
