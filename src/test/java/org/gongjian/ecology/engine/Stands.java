package org.gongjian.ecology.engine;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Builds stands for tests: {@code Stands.of("CS-1", "chishui", "BROADLEAF_MIXED").set("area", "10").build()}. */
public final class Stands {

    private final Map<String, Object> values = new HashMap<>();

    private Stands() {
    }

    public static Stands of(String id, String town, String forestType) {
        Stands s = new Stands();
        s.values.put("id", id);
        s.values.put("town", town);
        s.values.put("forestType", forestType);
        return s;
    }

    public static Stands defaults() {
        return new Stands();
    }

    public Stands set(String field, String value) {
        values.put(field, value == null ? null : new BigDecimal(value));
        return this;
    }

    public Stands text(String field, String value) {
        values.put(field, value);
        return this;
    }

    /** A copy with the given fields changed. */
    public Stands copy() {
        Stands s = new Stands();
        s.values.putAll(values);
        return s;
    }

    public Stand build() {
        try {
            RecordComponent[] components = Stand.class.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = values.get(components[i].getName());
            }
            for (String key : values.keySet()) {
                boolean known = false;
                for (RecordComponent c : components) {
                    known |= c.getName().equals(key);
                }
                if (!known) {
                    throw new IllegalArgumentException("No stand field " + key);
                }
            }
            return Stand.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
