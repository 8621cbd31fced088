package org.gongjian.shared.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/**
 * Puts the errors of a service or of bean validation next to the form fields they concern, so that a
 * page shows each message beside its field and keeps what the user typed.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** Validates what a form became (a {@code …Data} record) and adds each violation to the form's field. */
    public static void validate(Validator validator, Object data, BindingResult result) {
        for (ConstraintViolation<Object> v : validator.validate(data)) {
            String field = field(result, v.getPropertyPath().toString());
            if (field != null && result.getFieldErrorCount(field) == 0) {
                result.rejectValue(field, "constraint", v.getMessage());
            } else if (field == null) {
                result.reject("constraint", v.getPropertyPath() + ": " + v.getMessage());
            }
        }
    }

    /** Adds a service's violations (message keys with arguments) to the form's fields. */
    public static void add(BindingResult result, InvalidInputException e) {
        for (Violation v : e.violations()) {
            String field = field(result, v.field());
            if (field != null) {
                result.rejectValue(field, v.messageKey(), v.args(), v.messageKey());
            } else {
                result.reject(v.messageKey(), v.args(), v.messageKey());
            }
        }
    }

    /** The form property a path names: itself when the form has it, else its first segment (coUnits[0] → coUnits). */
    static @Nullable String field(BindingResult result, String path) {
        Object target = result.getTarget();
        if (target == null || path.isEmpty()) {
            return null;
        }
        BeanWrapperImpl form = new BeanWrapperImpl(target);
        if (readable(form, path)) {
            return path;
        }
        String head = path.split("[.\\[]", 2)[0];
        return readable(form, head) ? head : null;
    }

    private static boolean readable(BeanWrapperImpl form, String path) {
        try {
            return form.isReadableProperty(path);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
