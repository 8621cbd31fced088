package org.gongjian.programme.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The report form of one target, as the user filled it in: the text of each field exactly as typed
 * (so that nothing is lost when a field is wrong), the error messages by field, and the confirmation
 * of the last report.
 */
record ReportForm(String value, String asOf, String note, Map<String, List<String>> errors,
        @Nullable String confirmation, String reason, @Nullable String doubt) {

    ReportForm(String value, String asOf, String note, Map<String, List<String>> errors, @Nullable String confirmation) {
        this(value, asOf, note, errors, confirmation, "", null);
    }

    public static ReportForm blank(String today, @Nullable String confirmation) {
        return new ReportForm("", today, "", Map.of(), confirmation);
    }

    /** Whether the figure waits for a confirmation with a reason (the plausibility check doubted it). */
    public boolean asksConfirmation() {
        return doubt != null;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasErrors(String field) {
        return errors.containsKey(field);
    }

    public List<String> errors(String field) {
        return errors.getOrDefault(field, List.of());
    }

    /** Errors that belong to no field of the form. */
    public List<String> otherErrors() {
        return errors.entrySet().stream().filter(e -> !List.of("value", "displayValue", "asOf", "note", "evidence", "reason").contains(e.getKey()))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    static Map<String, List<String>> add(Map<String, List<String>> errors, String field, String message) {
        Map<String, List<String>> copy = new LinkedHashMap<>(errors);
        copy.computeIfAbsent(field, k -> new java.util.ArrayList<>());
        List<String> list = new java.util.ArrayList<>(copy.get(field));
        list.add(message);
        copy.put(field, list);
        return copy;
    }
}
