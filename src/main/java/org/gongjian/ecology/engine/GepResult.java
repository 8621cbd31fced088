package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The result of an accounting request: every service line with its physical quantity, value, prices
 * and parameters; totals per category and function; the same per town and per town × forest type;
 * per hectare; the carbon sink apart; and notices (warnings and notes) as codes with arguments.
 * Figures carry six decimal places; money is in 元.
 */
public record GepResult(String method, String methodName, int accountingYear, Reference reference,
        Adjustment priceAdjustment, List<SwitchState> switches, int standCount, BigDecimal area,
        List<ServiceLine> lines, Totals totals, List<TownAccount> towns, List<ForestTypeAccount> forestTypes,
        List<NotAssessed> notAssessed, List<ParameterUse> parameters, CarbonSink carbonSink, List<Notice> notices) {

    /** The parameter tables used: id, version and SHA-256 of the files. */
    public record Reference(String id, String version, String sha256) {
    }

    /** The price adjustment applied to every price. */
    public record Adjustment(String method, String methodName, String description) {
    }

    /** A double-counting switch as applied, and whether the request overrode the profile. */
    public record SwitchState(String code, String name, boolean on, boolean overridden) {
    }

    /** One component of a line's quantity (N, P, K of 保肥; COD of 水质净化; 植被/土壤 of 固碳). */
    public record Component(String code, String name, BigDecimal quantity, String unit, BigDecimal value) {
    }

    /**
     * A service line: stable code, standard name, function and category, physical quantity with its
     * unit, value in 元, the prices and coefficients used, the formula, and where the quantity came from.
     */
    public record ServiceLine(String code, String name, String nameEn, String function, String category,
            String categoryName, BigDecimal quantity, String unit, List<Component> components, BigDecimal value,
            BigDecimal perHectare, List<String> parameters, String formula, String quantitySource) {
    }

    /** A price or coefficient as used: as given (with unit and base year) and as adjusted to the accounting year. */
    public record ParameterUse(String code, String symbol, String name, String kind, BigDecimal value, String unit,
            Integer baseYear, String adjustment, BigDecimal factor, BigDecimal adjustedValue, String source,
            String status, boolean overridden) {
    }

    /** A total with its share of GEP. */
    public record Total(String code, String name, BigDecimal value, BigDecimal share) {
    }

    /** Totals of an account or a town. */
    public record Totals(List<Total> byCategory, List<Total> byFunction, BigDecimal total, BigDecimal area,
            BigDecimal perHectare) {
    }

    /** A town's share of the account: its lines (code, quantity, value) and totals. */
    public record TownAccount(String town, String name, BigDecimal area, int standCount,
            List<TownLine> lines, Totals totals) {
    }

    /** A line of a town or forest type: the service code with quantity and value. */
    public record TownLine(String code, BigDecimal quantity, String unit, BigDecimal value) {
    }

    /**
     * A town × forest type cell: area, value per service, total and per hectare, and each service's
     * physical quantity with its unit beside its value ({@code lines}).
     */
    public record ForestTypeAccount(String town, String forestType, String forestTypeName, BigDecimal area,
            int standCount, Map<String, BigDecimal> values, BigDecimal total, BigDecimal perHectare,
            List<TownLine> lines) {
    }

    /** A service of the profile not in the account, and why (switched off, no data, not requested). */
    public record NotAssessed(String code, String name, String reason) {
    }

    /** A warning or a note: a code, its arguments, and a message once localised. */
    public record Notice(String level, String code, List<String> args, String message) {

        public Notice withMessage(String text) {
            return new Notice(level, code, args, text);
        }
    }

    /** The carbon sink, never part of GEP. */
    public record CarbonSink(String method, String methodName, Integer fromYear, Integer toYear,
            BigDecimal tonnesC, BigDecimal tonnesCo2, List<TownSink> towns, List<GroupSink> groups,
            List<Valuation> valuations, String chosen, BigDecimal value, String note) {
    }

    /** A town's sink. */
    public record TownSink(String town, BigDecimal tonnesC, BigDecimal tonnesCo2, BigDecimal value) {
    }

    /** The sink of one town and species group, with the parameters used and whether IPCC's were the fallback. */
    public record GroupSink(String town, String speciesGroup, String name, BigDecimal tonnesC, BigDecimal tonnesCo2,
            BigDecimal svd, BigDecimal bef, BigDecimal bcef, BigDecimal rootShootRatio, BigDecimal carbonFraction,
            boolean ipccFallback, String source, String status) {
    }

    /** The sink valued at one market's price. */
    public record Valuation(String label, String labelName, BigDecimal price, String unit, Integer year,
            String source, BigDecimal value) {
    }

    /** The same result with every notice's message filled in by {@code localise}. */
    public GepResult localised(java.util.function.Function<Notice, String> localise) {
        List<Notice> done = notices.stream().map(n -> n.withMessage(localise.apply(n))).toList();
        return new GepResult(method, methodName, accountingYear, reference, priceAdjustment, switches, standCount,
                area, lines, totals, towns, forestTypes, notAssessed, parameters, carbonSink, done);
    }
}
