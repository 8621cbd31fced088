package org.gongjian.shared;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A unit a figure is held in. Money is held in 元 (or 美元) exactly and only shown in 万/亿;
 * counts carry their Chinese measure word (家, 人, 名, 支…).
 */
public enum UnitOfMeasure {
    YUAN("元", "yuan", Dimension.MONEY),
    USD("美元", "USD", Dimension.MONEY),
    PERCENT("%", "%", Dimension.RATIO),
    HECTARES("公顷", "ha", Dimension.AREA),
    MU("亩", "mu", Dimension.AREA),
    SQUARE_KILOMETRES("平方公里", "km²", Dimension.AREA),
    KILOMETRES("公里", "km", Dimension.LENGTH),
    DAYS("天", "days", Dimension.DURATION),
    WORKING_DAYS("个工作日", "working days", Dimension.DURATION),
    MONTHS("个月", "months", Dimension.DURATION),
    YEARS("年", "years", Dimension.DURATION),
    HOURS("小时", "hours", Dimension.DURATION),
    ENTERPRISES("家", "enterprises", Dimension.COUNT),
    PEOPLE("人", "people", Dimension.COUNT),
    PERSONS("名", "persons", Dimension.COUNT),
    PERSON_TIMES("人次", "visits", Dimension.COUNT),
    TEAMS("支", "teams", Dimension.COUNT),
    ROADS("条", "roads", Dimension.COUNT),
    ITEMS("项", "items", Dimension.COUNT),
    PIECES("个", "units", Dimension.COUNT),
    CASES("件", "cases", Dimension.COUNT),
    TONNES("吨", "t", Dimension.MASS);

    /** What a unit measures; only units of one dimension may be compared or converted. */
    public enum Dimension { MONEY, RATIO, AREA, LENGTH, DURATION, COUNT, MASS }

    private static final BigDecimal MU_PER_HECTARE = BigDecimal.valueOf(15);

    private final String zh;
    private final String en;
    private final Dimension dimension;

    UnitOfMeasure(String zh, String en, Dimension dimension) {
        this.zh = zh;
        this.en = en;
        this.dimension = dimension;
    }

    public String zh() { return zh; }

    public String en() { return en; }

    public String symbol(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }

    public Dimension dimension() { return dimension; }

    public boolean isMoney() { return dimension == Dimension.MONEY; }

    /** Converts between the exactly related area units (1 公顷 = 15 亩, 1 平方公里 = 100 公顷). */
    public BigDecimal convert(BigDecimal value, UnitOfMeasure to) {
        if (this == to) {
            return value;
        }
        BigDecimal hectares = switch (this) {
            case HECTARES -> value;
            case MU -> value.divide(MU_PER_HECTARE, 10, java.math.RoundingMode.HALF_UP);
            case SQUARE_KILOMETRES -> value.multiply(BigDecimal.valueOf(100));
            default -> throw new IllegalArgumentException("No exact conversion from " + this + " to " + to);
        };
        return switch (to) {
            case HECTARES -> hectares;
            case MU -> hectares.multiply(MU_PER_HECTARE);
            case SQUARE_KILOMETRES -> hectares.divide(BigDecimal.valueOf(100), 10, java.math.RoundingMode.HALF_UP);
            default -> throw new IllegalArgumentException("No exact conversion from " + this + " to " + to);
        };
    }
}
