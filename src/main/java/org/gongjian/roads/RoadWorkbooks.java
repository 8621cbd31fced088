package org.gongjian.roads;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ImportRefused;
import org.gongjian.reporting.excel.ImportSettings;
import org.gongjian.reporting.excel.SheetRows;
import org.gongjian.reporting.excel.XlsxReader;
import org.gongjian.reporting.excel.XlsxWriter;
import org.gongjian.roads.RoadRegister.NewSegment;
import org.gongjian.roads.RoadRegister.Pavement;
import org.gongjian.roads.RoadRegister.Segment;
import org.gongjian.roads.RoadRegister.TechGrade;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The road register and the detection contractor's condition results as Excel: export of the register,
 * and imports that are all-or-none — every row's errors are listed, and a copy of the file with an
 * 错误说明 column is kept for the uploader; nothing is written while any row is wrong.
 */
@Service
public class RoadWorkbooks {

    public static final List<String> REGISTER = List.of("路线编码", "路线名称", "起点桩号(km)", "止点桩号(km)", "技术等级",
            "路面类型", "路面宽度(m)", "镇街", "行政村", "养护单位", "是否列养", "提质改造日期", "几何(GeoJSON)");
    private static final String REGISTER_SHEET = "路网台账";
    private static final String CONDITIONS_SHEET = "路况检测";
    private static final Map<TechGrade, String> GRADES = Map.of(TechGrade.II, "二级", TechGrade.III, "三级", TechGrade.IV, "四级",
            TechGrade.SUBSTANDARD, "等外");
    private static final Map<Pavement, String> PAVEMENTS = Map.of(Pavement.ASPHALT, "沥青", Pavement.CEMENT, "水泥",
            Pavement.GRAVEL, "砂石", Pavement.OTHER, "其他");

    /** The outcome of an import: rows read, rows written, each bad row's messages, and the error file's id. */
    public record Result(int rows, int written, Map<Integer, List<String>> errors, @Nullable String errorFileId) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final RoadRegister register;
    private final RoadConditions conditions;
    private final RoadAccess access;
    private final Organisation organisation;
    private final ImportSettings settings;
    private final ErrorFiles errorFiles;
    private final MessageSource messages;

    RoadWorkbooks(RoadRegister register, RoadConditions conditions, RoadAccess access, Organisation organisation,
            ImportSettings settings, ErrorFiles errorFiles, MessageSource messages) {
        this.register = register;
        this.conditions = conditions;
        this.access = access;
        this.organisation = organisation;
        this.settings = settings;
        this.errorFiles = errorFiles;
        this.messages = messages;
    }

    /** The register the current user may see, one row a segment. */
    public byte[] exportRegister() {
        try (XlsxWriter out = new XlsxWriter()) {
            SXSSFSheet sheet = out.sheet(REGISTER_SHEET, "农村公路路网台账（" + LocalDate.now() + "）", REGISTER,
                    new int[] {12, 20, 12, 12, 10, 10, 12, 12, 14, 20, 10, 14, 40});
            int r = 2;
            Map<String, String> towns = new HashMap<>();
            organisation.all().forEach(u -> towns.put(u.code(), u.shortName()));
            for (Segment s : register.visibleSegments()) {
                List<Object> row = new ArrayList<>();
                row.add(s.routeCode());
                row.add(s.routeName());
                row.add(s.startKm());
                row.add(s.endKm());
                row.add(GRADES.get(s.techGrade()));
                row.add(PAVEMENTS.get(s.pavement()));
                row.add(s.widthM());
                row.add(towns.getOrDefault(s.townCode(), s.townCode()));
                row.add(s.village());
                row.add(s.maintenanceUnit());
                row.add(s.listed() ? "是" : "否");
                row.add(s.renovatedOn());
                row.add(s.geometry());
                out.row(sheet, r++, row);
            }
            return out.bytes();
        }
    }

    private SheetRows read(Path file, String sheet, List<String> required) {
        SheetRows rows = SheetRows.read(file, settings.limits(), sheet, required);
        if (!rows.found()) {
            throw new ImportRefused("error.import.no-header", sheet, String.join("、", required));
        }
        if (rows.rows().isEmpty()) {
            throw new ImportRefused("error.import.no-rows");
        }
        return rows;
    }

    /** Imports register rows: routes created as needed, segments added; all or none. */
    @Transactional
    public Result importRegister(Path file) {
        access.requireOffice("roads-import", "register");
        SheetRows rows = read(file, REGISTER_SHEET, List.of("路线编码", "起点桩号(km)", "止点桩号(km)"));
        Map<Integer, List<String>> errors = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<BigDecimal[]>> stakes = new HashMap<>();
        for (Segment s : register.segments()) {
            stakes.computeIfAbsent(s.routeCode(), k -> new ArrayList<>()).add(new BigDecimal[] {s.startKm(), s.endKm()});
        }
        List<String> codes = new ArrayList<>();
        List<NewSegment> segments = new ArrayList<>();
        for (SheetRows.Row row : rows.rows()) {
            List<String> problems = new ArrayList<>();
            String code = row.text("路线编码").toUpperCase(Locale.ROOT);
            if (!RoadRegister.ROUTE_CODE.matcher(code).matches()) {
                problems.add(message("roads.error.route-code", code));
            }
            String name = row.text("路线名称");
            if (register.findRoute(code).isEmpty() && !names.containsKey(code) && name.isBlank()) {
                problems.add(message("roads.error.name"));
            }
            if (!name.isBlank()) {
                names.putIfAbsent(code, name);
            }
            NewSegment seg = new NewSegment(number(row, "起点桩号(km)", problems), number(row, "止点桩号(km)", problems),
                    word(row, "技术等级", GRADES, TechGrade.IV, problems), word(row, "路面类型", PAVEMENTS, Pavement.CEMENT, problems),
                    number(row, "路面宽度(m)", problems), town(row.text("镇街"), problems), blank(row.text("行政村")),
                    blank(row.text("养护单位")), !"否".equals(row.text("是否列养")), blank(row.text("几何(GeoJSON)")),
                    date(row, "提质改造日期", problems));
            for (InvalidInputException.Violation v : register.violations(seg)) {
                if (!v.field().equals("townCode") || seg.townCode() != null) {
                    problems.add(message(v.messageKey(), v.args()));
                }
            }
            if (seg.startKm() != null && seg.endKm() != null && seg.endKm().compareTo(seg.startKm()) > 0) {
                for (BigDecimal[] other : stakes.getOrDefault(code, List.of())) {
                    if (other[0].compareTo(seg.endKm()) < 0 && seg.startKm().compareTo(other[1]) < 0) {
                        problems.add(message("roads.error.stake-overlap", code, Segment.stake(RoadRegister.km(seg.startKm())),
                                Segment.stake(RoadRegister.km(seg.endKm())), "K" + Segment.stake(other[0]) + "–K" + Segment.stake(other[1])));
                        break;
                    }
                }
                stakes.computeIfAbsent(code, k -> new ArrayList<>()).add(new BigDecimal[] {seg.startKm(), seg.endKm()});
            }
            if (!problems.isEmpty()) {
                errors.put(row.number(), problems);
            }
            codes.add(code);
            segments.add(seg);
        }
        if (!errors.isEmpty()) {
            return failed(rows, errors);
        }
        for (Map.Entry<String, String> n : names.entrySet()) {
            if (register.findRoute(n.getKey()).isEmpty()) {
                register.createRoute(new RoadRegister.NewRoute(n.getKey(), n.getValue(), null), false);
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            register.addSegment(codes.get(i), segments.get(i), false);
        }
        return new Result(rows.rows().size(), segments.size(), Map.of(), null);
    }

    /** Imports the detection contractor's results; each row must fall within one segment of its route. */
    @Transactional
    public Result importConditions(Path file) {
        access.requireOffice("roads-import", "conditions");
        SheetRows rows = read(file, CONDITIONS_SHEET, List.of("年度", "路线编码", "起点桩号(km)", "止点桩号(km)", "PCI", "RQI", "SCI",
                "BCI", "TCI"));
        Map<Integer, List<String>> errors = new LinkedHashMap<>();
        List<RoadConditions.NewAssessment> assessments = new ArrayList<>();
        Map<String, List<Segment>> byRoute = new HashMap<>();
        register.segments().forEach(s -> byRoute.computeIfAbsent(s.routeCode(), k -> new ArrayList<>()).add(s));
        for (SheetRows.Row row : rows.rows()) {
            List<String> problems = new ArrayList<>();
            BigDecimal year = number(row, "年度", problems);
            String code = row.text("路线编码").toUpperCase(Locale.ROOT);
            BigDecimal from = number(row, "起点桩号(km)", problems);
            BigDecimal to = number(row, "止点桩号(km)", problems);
            Segment segment = from == null || to == null ? null : byRoute.getOrDefault(code, List.of()).stream()
                    .filter(s -> s.startKm().compareTo(from) <= 0 && s.endKm().compareTo(to) >= 0).findFirst().orElse(null);
            if (segment == null && from != null && to != null) {
                problems.add(message("roads.error.no-segment", code, from, to));
            }
            RoadConditions.NewAssessment a = new RoadConditions.NewAssessment(year == null ? null : year.intValue(),
                    segment == null ? null : segment.id(), from, to, number(row, "PCI", problems), number(row, "RQI", problems),
                    number(row, "RDI", problems), number(row, "SCI", problems), number(row, "BCI", problems),
                    number(row, "TCI", problems), RoadConditions.Method.AUTO_DETECTION);
            if (segment != null) {
                conditions.violations(a).forEach(v -> problems.add(message(v.messageKey(), v.args())));
            }
            if (!problems.isEmpty()) {
                errors.put(row.number(), problems);
            }
            assessments.add(a);
        }
        if (!errors.isEmpty()) {
            return failed(rows, errors);
        }
        conditions.record(assessments, false);
        return new Result(rows.rows().size(), assessments.size(), Map.of(), null);
    }

    private Result failed(SheetRows rows, Map<Integer, List<String>> errors) {
        String id = errorFiles.store(rows.marked(errors), access.actor().username());
        return new Result(rows.rows().size(), 0, errors, id);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static @Nullable String blank(String s) {
        return s.isBlank() ? null : s;
    }

    private @Nullable BigDecimal number(SheetRows.Row row, String column, List<String> problems) {
        XlsxReader.Cell c = row.cell(column);
        if (c == null) {
            return null;
        }
        if (c.kind() == XlsxReader.Cell.Kind.NUMBER && c.number() != null) {
            return c.number();
        }
        try {
            return new BigDecimal(c.text().trim().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(message("roads.error.import-number", column, c.text()));
            return null;
        }
    }

    private @Nullable LocalDate date(SheetRows.Row row, String column, List<String> problems) {
        XlsxReader.Cell c = row.cell(column);
        if (c == null) {
            return null;
        }
        if (c.date() != null) {
            return c.date();
        }
        try {
            return LocalDate.parse(c.text().trim());
        } catch (RuntimeException e) {
            problems.add(message("roads.error.import-date", column, c.text()));
            return null;
        }
    }

    private <E extends Enum<E>> @Nullable E word(SheetRows.Row row, String column, Map<E, String> words,
            E fallback, List<String> problems) {
        String t = row.text(column);
        if (t.isBlank()) {
            return fallback;
        }
        for (Map.Entry<E, String> w : words.entrySet()) {
            if (w.getValue().equals(t) || w.getKey().name().equalsIgnoreCase(t)) {
                return w.getKey();
            }
        }
        problems.add(message("roads.error.import-word", column, t, String.join("、", words.values())));
        return null;
    }

    private @Nullable String town(String text, List<String> problems) {
        if (text.isBlank()) {
            problems.add(message("roads.error.town", text));
            return null;
        }
        for (Unit u : organisation.all()) {
            if (u.code().equals(text) || u.name().equals(text) || u.shortName().equals(text)) {
                return u.code();
            }
        }
        problems.add(message("roads.error.town", text));
        return null;
    }
}
