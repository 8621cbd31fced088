package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.List;

/** Adds the externally modelled physical quantities and the externally valued categories to their groups. */
final class Externals {

    private static final BigDecimal TOLERANCE = new BigDecimal("0.005");
    /** The largest external figure the groups' double sums take (a county's GEP is about 10¹¹ 元). */
    private static final BigDecimal LARGEST = new BigDecimal("1e20");

    private Externals() {
    }

    static void add(Plan plan, StandEvaluator groups) {
        List<GepRequest.PhysicalQuantity> quantities = plan.req.physicalQuantities() == null ? List.of()
                : plan.req.physicalQuantities();
        for (int i = 0; i < quantities.size(); i++) {
            quantity(plan, groups, quantities.get(i), "physicalQuantities[" + i + "]");
        }
        List<GepRequest.ExternalValue> values = plan.req.externalValues() == null ? List.of() : plan.req.externalValues();
        for (int i = 0; i < values.size(); i++) {
            value(plan, groups, values.get(i), "externalValues[" + i + "]");
        }
    }

    private static void quantity(Plan plan, StandEvaluator groups, GepRequest.PhysicalQuantity q, String path) {
        Problems problems = plan.problems;
        if (q.service() == null) {
            problems.add(path + ".service", "missing-field");
            return;
        }
        if (plan.profile.family() != MethodProfile.Family.GEP) {
            problems.add(path, "external-quantities-gep-only", plan.profile.name());
            return;
        }
        Service s = q.service();
        if (s.source() != Service.Source.MODEL && s.source() != Service.Source.STANDS_OR_MODEL) {
            problems.add(path + ".service", "service-not-modelled", s.name());
            return;
        }
        if (!plan.on(s)) {
            problems.add(path + ".service", "service-off", s.name());
            return;
        }
        if (!town(plan, q.town(), q.forestType(), path)) {
            return;
        }
        Slot slot = slot(s, q.component());
        if (slot == null) {
            problems.add(path + ".component", "unknown-component", q.component(), s.name());
            return;
        }
        if (q.quantity() == null) {
            problems.add(path + ".quantity", "missing-field");
            return;
        }
        if (q.quantity().signum() < 0 && s != Service.CARBON_FIXATION) {
            problems.add(path + ".quantity", "negative", s.zh());
            return;
        }
        Unit unit = q.unit() == null ? null : Unit.parse(q.unit()).orElse(null);
        if (unit == null && q.unit() != null) {
            problems.add(path + ".unit", "unknown-unit", q.unit());
            return;
        }
        if (unit == null || unit.dimension() != slot.unit().dimension()) {
            problems.add(path + ".unit", "unit-mismatch", q.unit(), s.zh(), slot.unit().symbol());
            return;
        }
        BigDecimal amount = unit.convert(q.quantity(), slot.unit());
        if (amount.abs().compareTo(LARGEST) > 0) {
            problems.add(path + ".quantity", "beyond-range", s.zh());
            return;
        }
        Group g = groups.group(q.town(), q.forestType() == null ? "" : q.forestType());
        if (s == Service.SOIL_RETENTION) {
            GepRequest.Town town = plan.towns.get(q.town());
            groups.soilRetention(g, amount.doubleValue(), field -> site(plan, town, field, path));
        } else {
            g.add(slot, amount.doubleValue());
        }
    }

    /** A town's or the site's default figure; NaN, and a problem, when neither has it. */
    private static double site(Plan plan, GepRequest.Town town, StandField field, String path) {
        BigDecimal v = plan.read(field, town == null ? null : town.defaults());
        if (v == null) {
            v = plan.read(field, plan.req.siteDefaults());
        }
        if (v == null) {
            plan.problems.add(path, "missing-site-field", field.zh(), field.json());
            return Double.NaN;
        }
        return v.doubleValue();
    }

    private static Slot slot(Service s, String component) {
        String c = component == null ? "" : component.toUpperCase(java.util.Locale.ROOT);
        return switch (s) {
            case WATER_RETENTION -> c.isEmpty() ? Slot.WATER : null;
            case SOIL_RETENTION -> c.isEmpty() ? Slot.SOILRET : null;
            case FLOOD_REGULATION -> c.isEmpty() ? Slot.FLOOD : null;
            case CARBON_FIXATION -> c.isEmpty() ? Slot.CARBON_VEG_CO2 : null;
            case OXYGEN_RELEASE -> c.isEmpty() ? Slot.OXYGEN : null;
            case CLIMATE_REGULATION -> c.isEmpty() ? Slot.CLIMATE : null;
            case PEST_CONTROL -> c.isEmpty() ? Slot.PEST : null;
            case SAND_FIXATION -> c.isEmpty() ? Slot.SAND : null;
            case WATER_QUALITY -> switch (c) {
                case "COD" -> Slot.COD;
                case "NH3N" -> Slot.NH3N;
                case "TN" -> Slot.TN;
                case "TP" -> Slot.TP;
                default -> null;
            };
            case AIR_QUALITY -> switch (c) {
                case "SO2" -> Slot.SO2;
                case "NOX" -> Slot.NOX;
                case "DUST" -> Slot.TSP;
                default -> null;
            };
            default -> null;
        };
    }

    private static void value(Plan plan, StandEvaluator groups, GepRequest.ExternalValue v, String path) {
        Problems problems = plan.problems;
        if (v.service() == null || v.service().source() != Service.Source.VALUE) {
            problems.add(path + ".service", "service-not-valued-externally", v.service());
            return;
        }
        if (!plan.on(v.service())) {
            problems.add(path + ".service", "service-off", v.service().name());
            return;
        }
        if (!town(plan, v.town(), null, path)) {
            return;
        }
        BigDecimal money = v.value();
        if (v.quantity() != null || v.unitPrice() != null) {
            if (v.quantity() == null || v.unitPrice() == null) {
                problems.add(path + (v.quantity() == null ? ".quantity" : ".unitPrice"), "missing-field");
                return;
            }
            if (v.quantity().signum() < 0 || v.unitPrice().signum() < 0) {
                problems.add(path + ".quantity", "negative", v.service().zh());
                return;
            }
            BigDecimal product = v.quantity().multiply(v.unitPrice());
            if (money != null && product.subtract(money).abs().compareTo(money.abs().multiply(TOLERANCE)) > 0) {
                problems.add(path + ".value", "value-inconsistent", Num.out(product), Num.out(money));
                return;
            }
            money = money == null ? product : money;
        }
        if (money == null) {
            problems.add(path + ".value", "missing-field");
            return;
        }
        if (money.signum() < 0) {
            problems.add(path + ".value", "negative", v.service().zh());
            return;
        }
        BigDecimal share = v.share() == null ? BigDecimal.ONE : v.share();
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            problems.add(path + ".share", "not-a-fraction", "share");
            return;
        }
        if (money.compareTo(LARGEST) > 0) {
            problems.add(path + ".value", "beyond-range", v.service().zh());
            return;
        }
        Slot slot = v.service() == Service.FOREST_PRODUCTS ? Slot.PRODUCTS_VALUE : Slot.RECREATION_VALUE;
        groups.group(v.town(), "").add(slot, money.multiply(share).doubleValue());
    }

    private static boolean town(Plan plan, String town, String forestType, String path) {
        if (town == null || town.isBlank()) {
            plan.problems.add(path + ".town", "missing-field");
            return false;
        }
        if (forestType != null && !plan.ref.forestTypes().containsKey(forestType)) {
            plan.problems.add(path + ".forestType", "unknown-forest-type", forestType);
            return false;
        }
        return true;
    }
}
