package org.gongjian.shared.web;

import java.math.BigDecimal;
import org.gongjian.shared.Decimals;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Numbers in JSON are bounded where they are read, before any arithmetic: a decimal has at most
 * {@link Decimals#MAX_INTEGER_DIGITS} digits before the point and {@link Decimals#MAX_FRACTION_DIGITS} after it,
 * a floating-point number is finite and as small. {@code {"value":1e400000000}} is refused with the field named
 * in microseconds instead of keeping a core busy; {@code 1e18} gets a field error instead of the database's 500.
 * Registered on the application's JSON mapper (every API body, the GEP engine's requests) and usable by any
 * other mapper ({@link #module()}).
 */
public final class BoundedNumbers {

    private BoundedNumbers() {
    }

    /** The Jackson module that bounds {@code BigDecimal}, {@code double} and {@code Double} values. */
    public static JacksonModule module() {
        SimpleModule module = new SimpleModule("gongjian-bounded-numbers");
        module.addDeserializer(BigDecimal.class, new BoundedDecimal());
        module.addDeserializer(Double.class, new BoundedDouble(Double.class, null));
        module.addDeserializer(Double.TYPE, new BoundedDouble(Double.TYPE, 0.0));
        return module;
    }

    /** A number outside the bounds; the API answers it as a field error naming the limits. */
    public static final class NumberOutOfRange extends InvalidFormatException {
        private static final long serialVersionUID = 1L;

        NumberOutOfRange(JsonParser p, Object value, Class<?> type) {
            super(p, "Number out of range", value, type);
        }
    }

    static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            BigDecimal value = super.deserialize(p, ctxt);
            if (value != null && !Decimals.inRange(value)) {
                throw new NumberOutOfRange(p, shortText(p), BigDecimal.class);
            }
            return value;
        }
    }

    static final class BoundedDouble extends NumberDeserializers.DoubleDeserializer {
        BoundedDouble(Class<Double> type, Double empty) {
            super(type, empty);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            Double value = super.deserialize(p, ctxt);
            if (value != null && !Decimals.inRange(value)) {
                throw new NumberOutOfRange(p, shortText(p), Double.class);
            }
            return value;
        }
    }

    private static String shortText(JsonParser p) {
        String text = p.getString();
        return text == null || text.length() <= 40 ? String.valueOf(text) : text.substring(0, 40) + "…";
    }
}
