package org.gongjian.ecology.engine;

/** A running sum of a group of stands (town × forest type), in a fixed unit, from which lines are valued. */
enum Slot {
    WATER(Unit.CUBIC_METRE), SOIL(Unit.TONNE), SOIL_VOLUME(Unit.CUBIC_METRE),
    FERT_N(Unit.TONNE), FERT_P(Unit.TONNE), FERT_K(Unit.TONNE), FERT_M(Unit.TONNE),
    NUTR_N(Unit.TONNE), NUTR_P(Unit.TONNE), NUTR_K(Unit.TONNE),
    CARBON_VEG_C(Unit.TONNE_C), CARBON_VEG_CO2(Unit.TONNE_CO2), CARBON_SOIL(Unit.TONNE_C), OXYGEN(Unit.TONNE),
    IONS(Unit.ION), IONS_VALUED(Unit.ION),
    SO2(Unit.TONNE), HF(Unit.TONNE), NOX(Unit.TONNE), TSP(Unit.TONNE), PM10(Unit.TONNE), PM25(Unit.TONNE),
    WIND(Unit.TONNE), GRAIN(Unit.KILOGRAM),
    BIO_AREA(Unit.HECTARE), BIO_W0(Unit.HECTARE), BIO_W1(Unit.HECTARE), BIO_W2(Unit.HECTARE), BIO_W3(Unit.HECTARE),
    BIO_W4(Unit.HECTARE), BIO_W5(Unit.HECTARE), BIO_W6(Unit.HECTARE),
    SOILRET(Unit.TONNE), SEDIMENT(Unit.CUBIC_METRE), SOILRET_N(Unit.TONNE), SOILRET_P(Unit.TONNE),
    FLOOD(Unit.CUBIC_METRE), COD(Unit.TONNE), NH3N(Unit.TONNE), TN(Unit.TONNE), TP(Unit.TONNE),
    CLIMATE(Unit.KILOWATT_HOUR), PEST(Unit.HECTARE), SAND(Unit.TONNE),
    PRODUCTS_VALUE(null), RECREATION_VALUE(null);

    static final Slot[] BIO = {BIO_W0, BIO_W1, BIO_W2, BIO_W3, BIO_W4, BIO_W5, BIO_W6};

    private final Unit unit;

    Slot(Unit unit) {
        this.unit = unit;
    }

    /** The unit of the sum; null for money (元). */
    Unit unit() { return unit; }
}
