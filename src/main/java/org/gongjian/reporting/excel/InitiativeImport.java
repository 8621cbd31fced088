package org.gongjian.reporting.excel;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.BulkInitiatives;
import org.gongjian.programme.Direction;
import org.gongjian.programme.InitiativeBatch;
import org.gongjian.programme.InitiativeData;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeData.CategoryData;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.TargetData;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.Qualifier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Imports the office's key-task ledger: the 攻坚任务 sheet (one initiative a row, known by its 编号) and the
 * 指标 sheet (one target a row, known by its 指标编码), as the template or an export lays them out. Every row
 * is read and checked — numbers, dates, categories, units by short name, full name or code — then the
 * programme checks them with its own rules and writes all, or none. What the sheets do not carry (tags,
 * figures, photos, an indicator binding, planned points) is kept on update.
 */
@Service
public class InitiativeImport {

    static final List<String> INITIATIVE_HEADERS = List.of("编号", "标题", "领域", "牵头单位", "开始日期", "结束日期");
    static final List<String> TARGET_HEADERS = List.of("任务编号", "指标编码", "指标名称", "计量单位", "目标值", "完成时限");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[、,，;；/\\n]\\s*");

    private final Importer importer;
    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final Organisation organisation;
    private final BulkInitiatives bulk;

    InitiativeImport(Importer importer, ProgrammeManagement programmes, TargetManagement targets,
            Organisation organisation, BulkInitiatives bulk) {
        this.importer = importer;
        this.programmes = programmes;
        this.targets = targets;
        this.organisation = organisation;
        this.bulk = bulk;
    }

    public ImportResult run(String programmeCode, Path file, String fileName) {
        bulk.authorise(programmeCode, fileName);
        Reading reading = new Reading(programmes.programme(programmeCode));
        HeaderedSheets sheets = new HeaderedSheets(List.of(
                new HeaderedSheets.Wanted(Layouts.SHEET_INITIATIVES, INITIATIVE_HEADERS, reading::initiative),
                new HeaderedSheets.Wanted(Layouts.SHEET_TARGETS, TARGET_HEADERS, reading::target)));
        XlsxReader.read(file, importer.limits(), sheets);
        if (!sheets.found(Layouts.SHEET_INITIATIVES) && !sheets.found(Layouts.SHEET_TARGETS)) {
            throw new ImportRefused("error.import.no-initiative-header", String.join("、", INITIATIVE_HEADERS),
                    String.join("、", TARGET_HEADERS));
        }
        if (sheets.rows() == 0) {
            throw new ImportRefused("error.import.no-rows");
        }
        Map<String, List<String>> byRow = importer.messages(sheets.problems());
        InitiativeBatch batch = new InitiativeBatch(fileName, reading.initiatives, reading.targets);
        List<Importer.Source> sources = List.of(
                new Importer.Source("initiatives", Layouts.SHEET_INITIATIVES, reading.initiativeRows, InitiativeImport::initiativeColumn),
                new Importer.Source("targets", Layouts.SHEET_TARGETS, reading.targetRows, InitiativeImport::targetColumn));
        if (byRow.isEmpty()) {
            try {
                BulkInitiatives.Outcome outcome = bulk.apply(programmeCode, batch);
                return ImportResult.written(sheets.rows(), outcome.written(), outcome);
            } catch (InvalidInputException e) {
                importer.addViolations(byRow, e.violations(), sources);
            }
        } else {
            importer.addViolations(byRow, reading.withoutEchoes(bulk.check(programmeCode, batch)), sources);
        }
        return importer.failed(file, sheets.rows(), byRow, sheets, sheets.fileNames());
    }

    private static String initiativeColumn(String field) {
        return switch (field) {
            case "number" -> "编号";
            case "title" -> "标题";
            case "category" -> "领域";
            case "leadUnit" -> "牵头单位";
            case "coUnits" -> "责任单位";
            case "startDate" -> "开始日期";
            case "endDate" -> "结束日期";
            case "status" -> "状态";
            case "summary" -> "概述";
            default -> "";
        };
    }

    private static String targetColumn(String field) {
        return switch (field) {
            case "initiative" -> "任务编号";
            case "code" -> "指标编码";
            case "name" -> "指标名称";
            case "unit" -> "计量单位";
            case "direction" -> "方向";
            case "baselineValue" -> "基期值";
            case "baselineDate" -> "基期日期";
            case "targetValue" -> "目标值";
            case "targetValueMax" -> "目标上限";
            case "targetQualifier" -> "目标限定";
            case "deadline" -> "完成时限";
            case "note" -> "备注";
            default -> "";
        };
    }

    /** One import's reading: the programme's words for categories and units, and the rows read so far. */
    private final class Reading {
        private final Programme programme;
        private final Map<Integer, InitiativeData> existingInitiatives = new HashMap<>();
        private final Map<String, TargetData> existingTargets = new HashMap<>();
        private final Map<String, Set<String>> unitCodes = new HashMap<>();
        private final List<InitiativeData> initiatives = new ArrayList<>();
        private final List<Integer> initiativeRows = new ArrayList<>();
        private final List<InitiativeBatch.TargetRow> targets = new ArrayList<>();
        private final List<Integer> targetRows = new ArrayList<>();
        /** Numbers of initiative rows that could not be read: their targets' "no such initiative" is an echo. */
        private final Set<Integer> unreadNumbers = new HashSet<>();

        Reading(Programme programme) {
            this.programme = programme;
            programmes.initiatives(programme).forEach(i -> existingInitiatives.put(i.number(), programmes.data(i)));
            InitiativeImport.this.targets.targets(programme)
                    .forEach(t -> existingTargets.put(t.code(), InitiativeImport.this.targets.data(t)));
            for (Unit u : organisation.all()) {
                for (String word : new String[] {u.code(), u.name(), u.shortName()}) {
                    unitCodes.computeIfAbsent(Cells.normalise(word).strip(), k -> new HashSet<>()).add(u.code());
                }
            }
        }

        void initiative(Cells cells, List<Cells.Problem> problems) {
            Integer number = cells.integer("编号", true);
            String title = cells.text("标题", true, 200);
            String category = category(cells, problems);
            String lead = unit(cells.word("牵头单位", true, 200), "牵头单位", problems);
            List<String> coUnits = new ArrayList<>();
            String co = cells.word("责任单位", false, 4000);
            if (co != null) {
                for (String word : LIST_SEPARATOR.split(co)) {
                    String code = word.isBlank() ? null : unit(word, "责任单位", problems);
                    if (code != null) {
                        coUnits.add(code);
                    }
                }
            }
            LocalDate start = cells.date("开始日期", true);
            LocalDate end = cells.date("结束日期", true);
            InitiativeStatus status = word(cells, "状态", Layouts::status, Layouts.statuses(), problems);
            String summary = cells.text("概述", false, 8000);
            if (!problems.isEmpty() || number == null || title == null || category == null || lead == null
                    || start == null || end == null) {
                if (number != null) {
                    unreadNumbers.add(number);
                }
                return;
            }
            InitiativeData before = existingInitiatives.get(number);
            initiatives.add(new InitiativeData(number, title, category, lead,
                    before != null && before.leadUnit().equals(lead) && before.leadUnitAssumed(), coUnits, summary, start,
                    end, status != null ? status : before != null ? before.status() : InitiativeStatus.NOT_STARTED,
                    before == null ? List.of() : before.tags(), before == null ? List.of() : before.figures(),
                    before == null ? List.of() : before.photos()));
            initiativeRows.add(cells.rowNumber());
        }

        void target(Cells cells, List<Cells.Problem> problems) {
            Integer initiative = cells.integer("任务编号", true);
            String code = cells.word("指标编码", true, 64);
            String name = cells.text("指标名称", true, 200);
            String unitWord = cells.word("计量单位", true, 20);
            Optional<Layouts.Scaled> unit = unitWord == null ? Optional.empty() : Layouts.unit(unitWord);
            if (unitWord != null && unit.isEmpty()) {
                problems.add(new Cells.Problem("计量单位", "error.import.measure-unknown", unitWord));
            }
            Direction direction = word(cells, "方向", Layouts::direction, Layouts.directions(), problems);
            if (direction == null && cells.blank("方向")) {
                problems.add(new Cells.Problem("方向", "error.import.required"));
            }
            BigDecimal baseline = cells.number("基期值", false);
            LocalDate baselineDate = cells.date("基期日期", false);
            BigDecimal goal = cells.number("目标值", true);
            BigDecimal goalMax = cells.number("目标上限", false);
            Qualifier qualifier = word(cells, "目标限定", Layouts::qualifier, Layouts.qualifiers(), problems);
            LocalDate deadline = cells.date("完成时限", true);
            String note = cells.text("备注", false, 2000);
            if (!problems.isEmpty() || initiative == null || code == null || name == null || unit.isEmpty()
                    || direction == null || goal == null || deadline == null) {
                return;
            }
            BigDecimal factor = unit.get().factor();
            TargetData before = existingTargets.get(code);
            targets.add(new InitiativeBatch.TargetRow(initiative, new TargetData(code, name, unit.get().unit(), direction,
                    scaled(baseline, factor), baselineDate, goal.multiply(factor), scaled(goalMax, factor),
                    qualifier == null ? Qualifier.EXACT : qualifier, deadline,
                    before != null && before.deadline().equals(deadline) && before.deadlineAssumed(),
                    before == null ? null : before.indicator(), before == null ? null : before.scopeUnit(), note,
                    before == null ? List.of() : before.plannedPoints())));
            targetRows.add(cells.rowNumber());
        }

        private @Nullable String category(Cells cells, List<Cells.Problem> problems) {
            String word = cells.word("领域", true, 100);
            if (word == null) {
                return null;
            }
            for (CategoryData c : programme.categories()) {
                if (word.equals(c.name()) || word.equals(c.code()) || word.equalsIgnoreCase(c.nameEn())) {
                    return c.code();
                }
            }
            problems.add(new Cells.Problem("领域", "error.import.category-unknown", word,
                    String.join("、", programme.categories().stream().map(CategoryData::name).toList())));
            return null;
        }

        /** A unit's code by its short name, full name or code; a problem when none or several units answer to it. */
        private @Nullable String unit(@Nullable String word, String column, List<Cells.Problem> problems) {
            if (word == null) {
                return null;
            }
            Set<String> codes = unitCodes.getOrDefault(word, Set.of());
            if (codes.size() == 1) {
                return codes.iterator().next();
            }
            problems.add(new Cells.Problem(column, codes.isEmpty() ? "error.import.unit-not-found" : "error.import.unit-ambiguous",
                    word));
            return null;
        }

        /** A word from a drop-down (状态, 方向, 目标限定); blank gives null, an unknown word a problem. */
        private <E> @Nullable E word(Cells cells, String column, java.util.function.Function<String, Optional<E>> parse,
                List<String> allowed, List<Cells.Problem> problems) {
            String text = cells.word(column, false, 20);
            if (text == null) {
                return null;
            }
            Optional<E> value = parse.apply(text);
            if (value.isEmpty()) {
                problems.add(new Cells.Problem(column, "error.import.word-unknown", text, String.join("、", allowed)));
            }
            return value.orElse(null);
        }

        /** The programme's violations less those that only repeat a sheet problem already reported. */
        List<Violation> withoutEchoes(List<Violation> violations) {
            return violations.stream().filter(v -> !("error.initiative.not-found".equals(v.messageKey())
                    && v.args().length > 1 && unreadNumbers.contains(v.args()[1]))).toList();
        }
    }

    private static @Nullable BigDecimal scaled(@Nullable BigDecimal value, BigDecimal factor) {
        return value == null ? null : value.multiply(factor);
    }
}
