package org.gongjian.ecology.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Values a group's sums service by service with the adjusted prices: quantity, components and money. */
final class Valuer {

    /** A service valued for one group. */
    record Valued(BigDecimal quantity, Unit unit, List<Part> parts, BigDecimal value) {
        /** The same with its value the sum of its parts'. */
        Valued withTotal() {
            return new Valued(quantity, unit, parts, parts.stream().map(Part::value).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    /** A group's sums, slot by slot, as decimals. */
    interface Sums {
        BigDecimal get(Slot slot);
    }

    /** A component before rounding. */
    record Part(String code, String name, BigDecimal quantity, Unit unit, BigDecimal value) {
    }

    private final Plan plan;

    Valuer(Plan plan) {
        this.plan = plan;
    }

    Valued value(Service s, Sums g) {
        return switch (s) {
            case WATER_REGULATION, WATER_RETENTION -> single(g, Slot.WATER, "C_RESERVOIR");
            case WATER_PURIFICATION -> single(g, Slot.WATER, "K_WATER");
            case FLOOD_REGULATION -> single(g, Slot.FLOOD, "C_RESERVOIR");
            case SOIL_FIXATION -> new Valued(g.get(Slot.SOIL), Unit.TONNE,
                    List.of(new Part("SOIL_VOLUME", "土方量", g.get(Slot.SOIL_VOLUME), Unit.CUBIC_METRE,
                            price("C_EARTH", g.get(Slot.SOIL_VOLUME), Unit.CUBIC_METRE))),
                    price("C_EARTH", g.get(Slot.SOIL_VOLUME), Unit.CUBIC_METRE));
            case SOIL_FERTILITY -> sum(List.of(
                    fertiliser("N", "氮", g.get(Slot.FERT_N), "C1_DAP", "R1_DAP_N"),
                    fertiliser("P", "磷", g.get(Slot.FERT_P), "C1_DAP", "R2_DAP_P"),
                    fertiliser("K", "钾", g.get(Slot.FERT_K), "C2_KCL", "R3_KCL_K"),
                    part("M", "有机质", g.get(Slot.FERT_M), Unit.TONNE, "C3_ORGANIC")), Unit.TONNE);
            case NUTRIENT_RETENTION -> sum(List.of(
                    fertiliser("N", "氮", g.get(Slot.NUTR_N), "C1_DAP", "R1_DAP_N"),
                    fertiliser("P", "磷", g.get(Slot.NUTR_P), "C1_DAP", "R2_DAP_P"),
                    fertiliser("K", "钾", g.get(Slot.NUTR_K), "C2_KCL", "R3_KCL_K")), Unit.TONNE);
            case CARBON_FIXATION -> carbon(g);
            case OXYGEN_RELEASE -> single(g, Slot.OXYGEN, "C_OXYGEN");
            case NEGATIVE_IONS -> new Valued(g.get(Slot.IONS), Unit.ION,
                    List.of(new Part("VALUED", "浓度超过阈值部分", g.get(Slot.IONS_VALUED), Unit.ION,
                            price("K_ION", g.get(Slot.IONS_VALUED), Unit.ION))),
                    price("K_ION", g.get(Slot.IONS_VALUED), Unit.ION));
            case ABSORB_SO2 -> single(g, Slot.SO2, "K_SO2");
            case ABSORB_HF -> single(g, Slot.HF, "K_HF");
            case ABSORB_NOX -> single(g, Slot.NOX, "K_NOX");
            case DUST_TSP -> dust(g);
            case DUST_PM10 -> single(g, Slot.PM10, "C_PM10");
            case DUST_PM25 -> single(g, Slot.PM25, "C_PM25");
            case WINDBREAK -> single(g, Slot.WIND, "K_WINDBREAK");
            case FARMLAND_SHELTER -> single(g, Slot.GRAIN, "V_GRAIN");
            case SPECIES_CONSERVATION -> biodiversity(g);
            case SOIL_RETENTION -> new Valued(g.get(Slot.SOILRET), Unit.TONNE, List.of(
                    part("SEDIMENT", "减少泥沙淤积", g.get(Slot.SEDIMENT), Unit.CUBIC_METRE, "P_DREDGE"),
                    part("N", "减少氮流失", g.get(Slot.SOILRET_N), Unit.TONNE, "P_N"),
                    part("P", "减少磷流失", g.get(Slot.SOILRET_P), Unit.TONNE, "P_P")), null).withTotal();
            case WATER_QUALITY -> sum(List.of(
                    part("COD", "COD", g.get(Slot.COD), Unit.TONNE, "P_COD"),
                    part("NH3N", "氨氮", g.get(Slot.NH3N), Unit.TONNE, "P_NH3N"),
                    part("TN", "总氮", g.get(Slot.TN), Unit.TONNE, "P_N"),
                    part("TP", "总磷", g.get(Slot.TP), Unit.TONNE, "P_P")), Unit.TONNE);
            case AIR_QUALITY -> sum(List.of(
                    part("SO2", "二氧化硫", g.get(Slot.SO2), Unit.TONNE, "K_SO2"),
                    part("NOX", "氮氧化物", g.get(Slot.NOX), Unit.TONNE, "K_NOX"),
                    part("DUST", "粉尘", g.get(Slot.TSP), Unit.TONNE, "K_TSP")), Unit.TONNE);
            case CLIMATE_REGULATION -> single(g, Slot.CLIMATE, "P_ELECTRICITY");
            case PEST_CONTROL -> single(g, Slot.PEST, "P_PEST");
            case SAND_FIXATION -> sand(g);
            case FOREST_PRODUCTS -> new Valued(null, null, List.of(), g.get(Slot.PRODUCTS_VALUE));
            case RECREATION -> new Valued(null, null, List.of(), g.get(Slot.RECREATION_VALUE));
        };
    }

    private Valued single(Sums g, Slot slot, String price) {
        return new Valued(g.get(slot), slot.unit(), List.of(), price(price, g.get(slot), slot.unit()));
    }

    private Valued sum(List<Part> parts, Unit unit) {
        BigDecimal q = BigDecimal.ZERO;
        BigDecimal v = BigDecimal.ZERO;
        for (Part p : parts) {
            q = q.add(p.quantity());
            v = v.add(p.value());
        }
        return new Valued(q, unit, parts, v);
    }

    private Valued carbon(Sums g) {
        Unit basis = plan.carbonBasis;
        BigDecimal veg = Unit.TONNE_C.convert(g.get(Slot.CARBON_VEG_C), basis)
                .add(Unit.TONNE_CO2.convert(g.get(Slot.CARBON_VEG_CO2), basis));
        BigDecimal soil = Unit.TONNE_C.convert(g.get(Slot.CARBON_SOIL), basis);
        String price = plan.profile.family() == MethodProfile.Family.FOREST ? "C_CARBON" : "P_CO2";
        List<Part> parts = List.of(new Part("VEGETATION", "植被固碳", veg, basis, price(price, veg, basis)),
                new Part("SOIL", "土壤固碳", soil, basis, price(price, soil, basis)));
        BigDecimal total = veg.add(soil);
        return new Valued(total, basis, parts, price(price, total, basis));
    }

    private Valued dust(Sums g) {
        BigDecimal tsp = g.get(Slot.TSP);
        BigDecimal valued = tsp;
        if (plan.on(Service.DUST_PM10)) {
            valued = valued.subtract(g.get(Slot.PM10));
        }
        if (plan.on(Service.DUST_PM25)) {
            valued = valued.subtract(g.get(Slot.PM25));
        }
        valued = valued.max(BigDecimal.ZERO);
        List<Part> parts = valued.compareTo(tsp) == 0 ? List.of()
                : List.of(new Part("TSP_NET", "扣除PM10、PM2.5后的TSP", valued, Unit.TONNE, price("K_TSP", valued, Unit.TONNE)));
        return new Valued(tsp, Unit.TONNE, parts, price("K_TSP", valued, Unit.TONNE));
    }

    private Valued biodiversity(Sums g) {
        BigDecimal v = BigDecimal.ZERO;
        List<Part> parts = new ArrayList<>();
        for (int k = 0; k < Slot.BIO.length; k++) {
            BigDecimal w = g.get(Slot.BIO[k]);
            if (w.signum() != 0) {
                BigDecimal value = price("SI_" + k, w, Unit.HECTARE);
                parts.add(new Part("SI_" + k, plan.param("SI_" + k).def().symbol(), w, Unit.HECTARE, value));
                v = v.add(value);
            }
        }
        return new Valued(g.get(Slot.BIO_AREA), Unit.HECTARE, parts, v);
    }

    private Valued sand(Sums g) {
        Param rho = plan.param("SAND_DENSITY");
        Param h = plan.param("SAND_DEPTH");
        BigDecimal area = rho == null || h == null ? BigDecimal.ZERO
                : Formulas.sandArea(g.get(Slot.SAND), rho.coefficient(), h.coefficient());
        BigDecimal value = price("P_SAND", area, Unit.SQUARE_METRE);
        return new Valued(g.get(Slot.SAND), Unit.TONNE,
                List.of(new Part("AREA", "减少沙化面积", area, Unit.SQUARE_METRE, value)), value);
    }

    private Part fertiliser(String code, String name, BigDecimal tonnes, String price, String content) {
        Param c = plan.param(content);
        BigDecimal fertiliser = c == null ? BigDecimal.ZERO : Num.div(tonnes, c.coefficient());
        return new Part(code, name, tonnes, Unit.TONNE, price(price, fertiliser, Unit.TONNE));
    }

    private Part part(String code, String name, BigDecimal quantity, Unit unit, String price) {
        return new Part(code, name, quantity, unit, price(price, quantity, unit));
    }

    private BigDecimal price(String code, BigDecimal quantity, Unit unit) {
        Param p = plan.param(code);
        return p == null || quantity.signum() == 0 ? BigDecimal.ZERO : p.valueOf(quantity, unit);
    }
}
