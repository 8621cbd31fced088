package org.gongjian.ecology.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The engine's parameter tables, read from {@code ecology/*.tsv} on the class path: prices and
 * coefficients, species groups, forest types, rate classes and the IPCC fallback. The set carries an
 * id, a version and a SHA-256 of its files, which every result records.
 */
public record ReferenceData(String id, String version, String title, String sha256,
        Map<String, ParameterDef> parameters, Map<String, SpeciesGroup> speciesGroups,
        Map<String, ForestType> forestTypes, Map<String, RateClass> rateClasses, List<BcefClass> bcef) {

    private static final String[] FILES = {"reference.properties", "parameters.tsv", "species-groups.tsv",
        "forest-types.tsv", "rate-classes.tsv", "ipcc-bcef.tsv"};
    private static volatile ReferenceData standard;

    /** What a parameter is for: prices are brought to the accounting year, the others are not. */
    public enum Kind { PRICE, COEFFICIENT, THRESHOLD }

    /** One row of the parameter table; {@code value} is null where the table has no default. */
    public record ParameterDef(String code, String symbol, String name, Kind kind, BigDecimal value, String unit,
            Integer baseYear, Status status, String source) {
    }

    /** Carbon parameters of a species group; all four are null for a group that falls back to IPCC. */
    public record SpeciesGroup(String code, String name, BigDecimal svd, BigDecimal bef, BigDecimal rootShootRatio,
            BigDecimal carbonFraction, Status status, String source) {
        public boolean hasParameters() {
            return svd != null;
        }
    }

    /** A forest type (优势树种组) of the inventory. */
    public record ForestType(String code, String name, String nameEn, String leafHabit, String rateClass,
            String speciesGroup) {
    }

    /** A rate with its status. */
    public record Rate(BigDecimal value, Status status) {
    }

    /** Absorption, retention and runoff rates of a class of forest. */
    public record RateClass(String code, String name, Rate so2, Rate hf, Rate nox, Rate dust, Rate alpha,
            String source) {
    }

    /** An IPCC BCEF for a leaf habit and a growing-stock class [from, to) in m³/hm². */
    public record BcefClass(String leafHabit, BigDecimal from, BigDecimal to, BigDecimal bcef, Status status,
            String source) {
    }

    /** The tables shipped with the application, read once. */
    public static ReferenceData standard() {
        ReferenceData data = standard;
        if (data == null) {
            synchronized (ReferenceData.class) {
                if (standard == null) {
                    standard = load(name -> ReferenceData.class.getClassLoader().getResourceAsStream("ecology/" + name));
                }
                data = standard;
            }
        }
        return data;
    }

    /** Reads the tables through {@code open} (file name to stream). */
    public static ReferenceData load(Function<String, InputStream> open) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Map<String, String> texts = new LinkedHashMap<>();
            for (String file : FILES) {
                try (InputStream in = open.apply(file)) {
                    if (in == null) {
                        throw new IllegalStateException("Reference table missing: ecology/" + file);
                    }
                    byte[] bytes = in.readAllBytes();
                    sha.update(bytes);
                    texts.put(file, new String(bytes, StandardCharsets.UTF_8));
                }
            }
            Properties props = new Properties();
            props.load(new java.io.StringReader(texts.get("reference.properties")));
            Map<String, ParameterDef> parameters = new LinkedHashMap<>();
            for (String[] r : rows(texts.get("parameters.tsv"))) {
                parameters.put(r[0], new ParameterDef(r[0], r[1], r[2], Kind.valueOf(r[3]), decimal(r[4]), r[5],
                        r[6].equals("-") ? null : Integer.valueOf(r[6]), Status.valueOf(r[7]), r[8]));
            }
            Map<String, SpeciesGroup> groups = new LinkedHashMap<>();
            for (String[] r : rows(texts.get("species-groups.tsv"))) {
                groups.put(r[0], new SpeciesGroup(r[0], r[1], decimal(r[2]), decimal(r[3]), decimal(r[4]),
                        decimal(r[5]), Status.valueOf(r[6]), r[7]));
            }
            Map<String, ForestType> types = new LinkedHashMap<>();
            for (String[] r : rows(texts.get("forest-types.tsv"))) {
                types.put(r[0], new ForestType(r[0], r[1], r[2], r[3], r[4], r[5].equals("-") ? null : r[5]));
            }
            Map<String, RateClass> classes = new LinkedHashMap<>();
            for (String[] r : rows(texts.get("rate-classes.tsv"))) {
                classes.put(r[0], new RateClass(r[0], r[1], rate(r[2], r[3]), rate(r[4], r[5]), rate(r[6], r[7]),
                        rate(r[8], r[9]), rate(r[10], r[11]), r[12]));
            }
            List<BcefClass> bcef = new ArrayList<>();
            for (String[] r : rows(texts.get("ipcc-bcef.tsv"))) {
                bcef.add(new BcefClass(r[0], decimal(r[1]), decimal(r[2]), decimal(r[3]), Status.valueOf(r[4]), r[5]));
            }
            return new ReferenceData(props.getProperty("id"), props.getProperty("version"), props.getProperty("title"),
                    HexFormat.of().formatHex(sha.digest()), Map.copyOf(parameters), Map.copyOf(groups),
                    Map.copyOf(types), Map.copyOf(classes), List.copyOf(bcef));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<ParameterDef> parameter(String code) {
        return Optional.ofNullable(parameters.get(code));
    }

    /** The IPCC BCEF for a leaf habit at a growing stock (m³/hm²). */
    public BcefClass bcefFor(String leafHabit, double stock) {
        String habit = "CONIFER".equals(leafHabit) ? "CONIFER" : "BROADLEAF";
        for (BcefClass c : bcef) {
            if (c.leafHabit().equals(habit) && stock >= c.from().doubleValue() && stock < c.to().doubleValue()) {
                return c;
            }
        }
        throw new IllegalStateException("No IPCC BCEF class for " + habit + " at " + stock);
    }

    private static List<String[]> rows(String text) throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        try (BufferedReader in = new BufferedReader(new java.io.StringReader(text))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    private static BigDecimal decimal(String text) {
        return text.equals("-") ? null : new BigDecimal(text);
    }

    private static Rate rate(String value, String status) {
        return value.equals("-") ? null : new Rate(new BigDecimal(value), Status.valueOf(status));
    }
}
