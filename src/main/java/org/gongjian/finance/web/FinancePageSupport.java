package org.gongjian.finance.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.web.FormErrors;
import org.springframework.validation.BindingResult;

/**
 * What the ledger's page forms share: a service call whose refusals land beside the fields they concern, and the
 * names their choice lists show.
 */
final class FinancePageSupport {

    private FinancePageSupport() {
    }

    /**
     * Runs the action unless the form did not bind; a service's violations go to their fields, a conflict (someone
     * changed the record meanwhile, a step not allowed now) to the form. Whether it was saved.
     */
    static boolean save(BindingResult result, Runnable action) {
        return save(result, Map.of(), action);
    }

    /**
     * As above, where some of the service's fields have other names on the form ({@code amount} in 元 is
     * {@code amountWan} on a page that takes 万元): {@code aliases} maps the service's name to the form's.
     */
    static boolean save(BindingResult result, Map<String, String> aliases, Runnable action) {
        if (result.hasErrors()) {
            return false;
        }
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            FormErrors.add(result, new InvalidInputException(e.violations().stream()
                    .map(v -> new Violation(aliases.getOrDefault(v.field(), v.field()), v.messageKey(), v.args()))
                    .toList()));
        } catch (ConflictException e) {
            result.reject(e.messageKey(), e.args(), e.messageKey());
        }
        return false;
    }

    /** The towns and the committee by code, with their short names, in the register's order. */
    static Map<String, String> townNames(Organisation organisation) {
        Map<String, String> names = new LinkedHashMap<>();
        organisation.townLevelUnits().forEach(u -> names.put(u.code(), u.shortName()));
        return names;
    }

    /** Records' names by id, in the records' order (institutions, consortia). */
    static <T> Map<Long, String> names(Collection<T> records, Function<T, Long> id, Function<T, String> name) {
        Map<Long, String> names = new LinkedHashMap<>();
        records.forEach(r -> names.put(id.apply(r), name.apply(r)));
        return names;
    }
}
