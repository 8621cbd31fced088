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
    public static final List<String> CONDITIONS = List.of("年度", "路线编码", "起点桩号(km)", "止点桩号(km)", "PCI", "RQI",
            "RDI", "SCI", "BCI", "TCI");
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
            SXSSFSheet sheet = out.sheet("路网台账", "农村公路路网台账（" + LocalDate.now() + "）", REGISTER,
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

    /** Rows of one sheet by header name; the header is the first row holding every required column. */
    private static final class Rows implements XlsxReader.RowHandler {
        final List<String> required;
        @Nullable Map<String, Integer> columns;
        final List<Integer> numbers = new ArrayList<>();
        final List<Map<String, XlsxReader.Cell>> rows = new ArrayList<>();
        final List<List<String>> raw = new ArrayList<>();
        boolean first = true;
        boolean inFirstSheet;

        Rows(List<String> required) {
            this.required = required;
        }

        @Override
        public void startSheet(String name) {
            inFirstSheet = first;
            first = false;
        }

        @Override
        public void row(int rowNumber, List<XlsxReader.@Nullable Cell> cells) {
            if (!inFirstSheet) {
                return;
            }
            if (columns == null) {
                Map<String, Integer> found = new HashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i) != null) {
                        found.put(cells.get(i).text().trim(), i);
                    }
                }
                if (found.keySet().containsAll(required)) {
                    columns = found;
                }
                return;
            }
            Map<String, XlsxReader.Cell> row = new HashMap<>();
            List<String> texts = new ArrayList<>();
            boolean blank = true;
            for (Map.Entry<String, Integer> c : columns.entrySet()) {
                XlsxReader.Cell cell = c.getValue() < cells.size() ? cells.get(c.getValue()) : null;
                if (cell != null && !cell.blank()) {
                    row.put(c.getKey(), cell);
                    blank = false;
                }
            }
            if (blank) {
                return;
            }
            for (XlsxReader.Cell cell : cells) {
                texts.add(cell == null ? "" : cell.text());
            }
            numbers.add(rowNumber);
            rows.add(row);
            raw.add(texts);
        }
    }

    private Rows read(Path file, List<String> required) {
        Rows rows = new Rows(required);
        XlsxReader.read(file, settings.limits(), rows);
        if (rows.columns == null) {
            throw new ImportRefused("error.import.no-header", "1", String.join("、", required));
        }
        if (rows.rows.isEmpty()) {
            throw new ImportRefused("error.import.no-rows");
        }
        return rows;
    }

    /** Imports register rows: routes created as needed, segments added; all or none. */
    @Transactional
    public Result importRegister(Path file) {
        access.requireOffice("roads-import", "register");
        Rows rows = read(file, List.of("路线编码", "起点桩号(km)", "止点桩号(km)"));
        Map<Integer, List<String>> errors = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<BigDecimal[]>> stakes = new HashMap<>();
        for (Segment s : register.segments()) {
            stakes.computeIfAbsent(s.routeCode(), k -> new ArrayList<>()).add(new BigDecimal[] {s.startKm(), s.endKm()});
        }
        List<String> codes = new ArrayList<>();
        List<NewSegment> segments = new ArrayList<>();
        for (int i = 0; i < rows.rows.size(); i++) {
            Map<String, XlsxReader.Cell> row = rows.rows.get(i);
            List<String> problems = new ArrayList<>();
            String code = text(row, "路线编码").toUpperCase(Locale.ROOT);
            if (!RoadRegister.ROUTE_CODE.matcher(code).matches()) {
                problems.add(message("roads.error.route-code", code));
            }
            String name = text(row, "路线名称");
            if (register.findRoute(code).isEmpty() && !names.containsKey(code) && name.isBlank()) {
                problems.add(message("roads.error.name"));
            }
            if (!name.isBlank()) {
                names.putIfAbsent(code, name);
            }
            NewSegment seg = new NewSegment(number(row, "起点桩号(km)", problems), number(row, "止点桩号(km)", problems),
                    word(row, "技术等级", GRADES, TechGrade.IV, problems), word(row, "路面类型", PAVEMENTS, Pavement.CEMENT, problems),
                    number(row, "路面宽度(m)", problems), town(text(row, "镇街"), problems), blank(text(row, "行政村")),
                    blank(text(row, "养护单位")), !"否".equals(text(row, "是否列养")), blank(text(row, "几何(GeoJSON)")),
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
                errors.put(rows.numbers.get(i), problems);
            }
            codes.add(code);
            segments.add(seg);
        }
        if (!errors.isEmpty()) {
            return failed(rows, errors, REGISTER);
        }
        for (Map.Entry<String, String> n : names.entrySet()) {
            if (register.findRoute(n.getKey()).isEmpty()) {
                register.createRoute(new RoadRegister.NewRoute(n.getKey(), n.getValue(), null), false);
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            register.addSegment(codes.get(i), segments.get(i), false);
        }
        return new Result(rows.rows.size(), segments.size(), Map.of(), null);
    }

    /** Imports the detection contractor's results; each row must fall within one segment of its route. */
    @Transactional
    public Result importConditions(Path file) {
        access.requireOffice("roads-import", "conditions");
        Rows rows = read(file, List.of("年度", "路线编码", "起点桩号(km)", "止点桩号(km)", "PCI", "RQI", "SCI", "BCI", "TCI"));
        Map<Integer, List<String>> errors = new LinkedHashMap<>();
        List<RoadConditions.NewAssessment> assessments = new ArrayList<>();
        Map<String, List<Segment>> byRoute = new HashMap<>();
        register.segments().forEach(s -> byRoute.computeIfAbsent(s.routeCode(), k -> new ArrayList<>()).add(s));
        for (int i = 0; i < rows.rows.size(); i++) {
            Map<String, XlsxReader.Cell> row = rows.rows.get(i);
            List<String> problems = new ArrayList<>();
            BigDecimal year = number(row, "年度", problems);
            String code = text(row, "路线编码").toUpperCase(Locale.ROOT);
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
                errors.put(rows.numbers.get(i), problems);
            }
            assessments.add(a);
        }
        if (!errors.isEmpty()) {
            return failed(rows, errors, CONDITIONS);
        }
        conditions.record(assessments, false);
        return new Result(rows.rows.size(), assessments.size(), Map.of(), null);
    }

    private Result failed(Rows rows, Map<Integer, List<String>> errors, List<String> headers) {
        try (XlsxWriter out = new XlsxWriter()) {
            List<String> columns = new ArrayList<>(rows.columns.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList());
            int width = rows.raw.stream().mapToInt(List::size).max().orElse(columns.size());
            List<String> header = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                final int col = c;
                header.add(rows.columns.entrySet().stream().filter(e -> e.getValue() == col).map(Map.Entry::getKey)
                        .findFirst().orElse(""));
            }
            header.add("错误说明");
            SXSSFSheet sheet = out.sheet("错误说明", null, header, new int[] {});
            for (int i = 0; i < rows.raw.size(); i++) {
                List<Object> values = new ArrayList<>(rows.raw.get(i));
                while (values.size() < width) {
                    values.add(null);
                }
                out.row(sheet, i + 1, values);
                List<String> problems = errors.get(rows.numbers.get(i));
                if (problems != null) {
                    out.errorText(sheet.getRow(i + 1).createCell(width), String.join("；", problems));
                }
            }
            String id = errorFiles.store(out.bytes(), access.actor().username());
            return new Result(rows.rows.size(), 0, errors, id);
        }
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String text(Map<String, XlsxReader.Cell> row, String column) {
        XlsxReader.Cell c = row.get(column);
        return c == null ? "" : c.text().trim();
    }

    private static @Nullable String blank(String s) {
        return s.isBlank() ? null : s;
    }

    private @Nullable BigDecimal number(Map<String, XlsxReader.Cell> row, String column, List<String> problems) {
        XlsxReader.Cell c = row.get(column);
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

    private @Nullable LocalDate date(Map<String, XlsxReader.Cell> row, String column, List<String> problems) {
        XlsxReader.Cell c = row.get(column);
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

    private <E extends Enum<E>> @Nullable E word(Map<String, XlsxReader.Cell> row, String column, Map<E, String> words,
            E fallback, List<String> problems) {
        String t = text(row, column);
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
