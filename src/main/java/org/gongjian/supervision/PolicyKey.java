package org.gongjian.supervision;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The policy parameters supervision reads, each with the rule its value must obey. Values are stored
 * as text, versioned per programme with their source document and validity dates (ADR 0021).
 */
public enum PolicyKey {
    TIME_PROGRESS_METHOD("timeProgress.method", enumValue(TimeProgressMethod.class)),
    WARNING_KIND("warning.kind", enumValue(WarningKind.class)),
    WARNING_YELLOW("warning.yellow", decimal(0, 100)),
    WARNING_RED("warning.red", decimal(0, 100)),
    WARNING_INCLUSIVE("warning.inclusive", v -> v.equals("true") || v.equals("false")),
    FORECAST_CONFIDENCE("forecast.confidence", decimal(0.5, 0.99)),
    FORECAST_AT_RISK_BELOW("forecast.atRiskBelow", decimal(0, 1)),
    FORECAST_FLOOR("forecast.floor", decimal(0, 1)),
    FORECAST_MISS_POINTS("forecast.missPoints", decimal(0, 100)),
    MILESTONE_DUE_SOON_WORKDAYS("milestone.dueSoon.workdays", integer(0, 60)),
    NOTICE_ANSWER_WORKDAYS("notice.answer.workdays", integer(1, 60)),
    NOTICE_CHASE_AFTER_DUE_WORKDAYS("notice.chase.afterDue.workdays", integer(0, 60)),
    NOTICE_SUPERVISE_AFTER_CHASE_WORKDAYS("notice.supervise.afterChase.workdays", integer(0, 60)),
    NOTICE_BULLETIN_AFTER_SUPERVISE_WORKDAYS("notice.bulletin.afterSupervise.workdays", integer(0, 60)),
    NOTICE_NUMBER_PREFIX("notice.number.prefix", v -> !v.isBlank() && v.length() <= 20),
    REPORT_CYCLE("report.cycle", enumValue(ReportCycle.class)),
    REPORT_DUE_DAY("report.dueDay", integer(1, 28));

    private final String key;
    private final Predicate<String> valid;

    PolicyKey(String key, Predicate<String> valid) {
        this.key = key;
        this.valid = valid;
    }

    /** The key as stored and shown, e.g. {@code warning.yellow}. */
    public String key() { return key; }

    public boolean accepts(String value) {
        try {
            return valid.test(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static Optional<PolicyKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    private static Predicate<String> enumValue(Class<? extends Enum<?>> type) {
        return v -> Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(v));
    }

    private static Predicate<String> decimal(double min, double max) {
        return v -> {
            BigDecimal d = new BigDecimal(v);
            return d.compareTo(BigDecimal.valueOf(min)) >= 0 && d.compareTo(BigDecimal.valueOf(max)) <= 0;
        };
    }

    private static Predicate<String> integer(int min, int max) {
        return v -> {
            int i = Integer.parseInt(v);
            return i >= min && i <= max;
        };
    }
}
