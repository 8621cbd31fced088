package org.gongjian.reporting.excel;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeData.CategoryData;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import templates: the data sheet with a title, a header, an example row (marked 示例, skipped on import)
 * and drop-downs; a 填报说明 sheet; and a hidden 下拉选项 sheet whose named ranges hold the lists, because
 * Excel refuses an explicit list longer than 255 characters (16 镇街 and the departments are longer).
 */
@Service
@Transactional(readOnly = true)
public class ExcelTemplates {

    /** Rows that carry drop-downs and checks below the header. */
    private static final int INPUT_ROWS = 5000;

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final Organisation organisation;
    private final Accounts accounts;

    ExcelTemplates(ProgrammeManagement programmes, TargetManagement targets, Organisation organisation, Accounts accounts) {
        this.programmes = programmes;
        this.targets = targets;
        this.organisation = organisation;
        this.accounts = accounts;
    }

    /** 进展数据 pre-filled with the targets the user may report: code, name and unit; value and date to fill. */
    public byte[] measurements(String programmeCode) {
        Programme programme = programmes.programme(programmeCode);
        Actor actor = accounts.current();
        List<Target> mine = new ArrayList<>();
        for (Target t : targets.targets(programme)) {
            if (targets.mayReport(actor, t, programmes.initiative(t.initiativeId()))) {
                mine.add(t);
            }
        }
        try (XlsxWriter x = new XlsxWriter()) {
            List<String> headers = new ArrayList<>(Layouts.MEASUREMENTS.subList(0, 7));
            headers.addAll(List.of("确认无误", "原因"));
            SXSSFSheet sheet = x.sheet(Layouts.SHEET_MEASUREMENTS, programme.year() + "年" + programme.title() + " 指标进展填报表",
                    headers, new int[] {7, 24, 34, 10, 16, 14, 40, 10, 36});
            x.row(sheet, 2, List.of(Layouts.EXAMPLE, "roads.demo-roads", "“四好农村路”示范路建成通车", "条", 5,
                    java.time.LocalDate.of(2024, 12, 31), "示例行不会导入，可删除"));
            int r = 3;
            for (Target t : mine) {
                x.row(sheet, r, List.of(r - 2, t.code(), t.name(), t.unit().zh()));
                r++;
            }
            Sheet lists = lists(x, List.of(
                    new NamedList("TargetCodes", mine.stream().map(Target::code).toList()),
                    new NamedList("UnitWords", Layouts.unitWords()), new NamedList("Confirm", List.of("是"))));
            list(sheet, "TargetCodes", 1, "指标编码", "请从下拉列表选择本单位的指标编码。");
            list(sheet, "UnitWords", 3, "计量单位", "金额可填元、万元或亿元，导入时换算为元。");
            number(sheet, 4, "数值", "填写截至日期的累计数值，只填数字，不要带“约”“多”等字。");
            date(sheet, 5, "截至日期", "数据对应的日期，例如 2024-06-30。");
            list(sheet, "Confirm", 7, "确认无误", "数值比上一次大10倍以上、不到十分之一或与指标方向相反时，核实无误后填“是”，并在“原因”列说明。");
            guide(x, List.of(
                    "1. 每行填报一个指标在某一日期的数值；同一指标可填多行（不同日期）。",
                    "2. 必填：指标编码、数值、截至日期。指标名称、计量单位仅供核对；计量单位可改为万元、亿元，导入时换算。",
                    "3. 数值只填数字（可带小数），不要填公式或“约5000”“5千万”等文字。",
                    "4. 截至日期不能晚于今天，也不能早于指标的基期日期。",
                    "5. 序号为“示例”的行不会导入；数值和截至日期都空着的行视为本期未填报，跳过。",
                    "6. 导入时先校验全部行：全部无误才写入；有错误时一行也不写入，并可下载标注了“错误说明”的文件，改正后重新导入。",
                    "7. 只能填报本单位牵头或参与的任务的指标。",
                    "8. 请保存为 .xlsx 格式（WPS、Excel、LibreOffice 均可另存为 .xlsx）；不支持 .xls。",
                    "9. 填报时间：每月25日前。",
                    "10. 数值超过该指标上一次数值的10倍、不到十分之一，或与指标方向相反（如累计数下降）时，导入会提示核实；"
                            + "确属实的，在本行“确认无误”列选“是”，并在“原因”列写明原因（如“口径调整，含新并入园区”），再导入。"));
            hide(x, lists);
            return x.bytes();
        }
    }

    /** 攻坚任务 and 指标 sheets, for the office to set up or update a programme's initiatives and targets. */
    public byte[] initiatives(String programmeCode) {
        Programme programme = programmes.programme(programmeCode);
        List<String> categories = programme.categories().stream().map(CategoryData::name).toList();
        List<String> units = organisation.all().stream().map(Unit::shortName).sorted().toList();
        try (XlsxWriter x = new XlsxWriter()) {
            SXSSFSheet is = x.sheet(Layouts.SHEET_INITIATIVES, programme.year() + "年" + programme.title() + " 重点改革攻坚任务",
                    Layouts.INITIATIVES, new int[] {6, 36, 14, 20, 40, 12, 12, 8, 60});
            x.row(is, 2, List.of(Layouts.EXAMPLE, "建设三埠氢能装备制造和创新应用示范基地", categories.get(0), units.get(0),
                    units.size() > 1 ? units.get(1) : "", java.time.LocalDate.of(programme.year(), 1, 1),
                    java.time.LocalDate.of(programme.year(), 12, 31), "推进中", "示例行不会导入"));
            SXSSFSheet ts = x.sheet(Layouts.SHEET_TARGETS, null, Layouts.TARGETS.subList(0, 12),
                    new int[] {8, 24, 30, 8, 6, 14, 12, 14, 12, 8, 12, 30});
            x.row(ts, 1, List.of(Layouts.EXAMPLE, "hydrogen.investment", "示范基地累计完成投资", "亿元", "上升", 0,
                    java.time.LocalDate.of(programme.year(), 5, 22), 68, "", "约", java.time.LocalDate.of(2030, 12, 31),
                    "示例行不会导入"));
            Sheet lists = lists(x, List.of(new NamedList("Categories", categories), new NamedList("Units", units),
                    new NamedList("Statuses", Layouts.statuses()), new NamedList("UnitWords", Layouts.unitWords()),
                    new NamedList("Directions", Layouts.directions()), new NamedList("Qualifiers", Layouts.qualifiers())));
            list(is, "Categories", 2, "领域", "从方案的领域中选择。");
            list(is, "Units", 3, "牵头单位", "从单位列表中选择。");
            date(is, 5, "开始日期", "例如 2024-01-01。");
            date(is, 6, "结束日期", "不早于开始日期。");
            list(is, "Statuses", 7, "状态", "未启动、推进中、已完成或已暂停。");
            list(ts, "UnitWords", 3, "计量单位", "金额可用元、万元或亿元，导入时换算为元。");
            list(ts, "Directions", 4, "方向", "上升：数值越大越好；下降：越小越好（如办理天数）。");
            number(ts, 5, "基期值", "与基期日期同时填写或同时留空。");
            date(ts, 6, "基期日期", "例如 2024-01-01。");
            number(ts, 7, "目标值", "只填数字。");
            number(ts, 8, "目标上限", "仅“区间”时填写，例如 5-8家 填 5 和 8。");
            list(ts, "Qualifiers", 9, "目标限定", "精确、约、超、多、以上、不超过或区间。");
            date(ts, 10, "完成时限", "例如 2024-12-31。");
            guide(x, List.of(
                    "1. “攻坚任务”每行一项任务，编号为方案内的编号（可不连续）；已有编号的任务会被更新，新编号会新增。",
                    "2. 责任单位可填多个，用顿号、逗号分隔，填单位简称、全称或编码均可。",
                    "3. “指标”每行一个指标，任务编号须在“攻坚任务”表或系统中已有；已有指标编码的会被更新。",
                    "4. 指标编码用小写字母、数字、点和横线，例如 hydrogen.investment。",
                    "5. 序号为“示例”的行不会导入。数值只填数字，日期填 2024-05-22 等格式。",
                    "6. 导入时先校验全部行：全部无误才写入；有错误时一行也不写入，并可下载标注了“错误说明”的文件。",
                    "7. 导入不删除任何任务或指标；表中没有的保持不变。任务的标签、关键数据、图片，指标的指标目录绑定和计划点也保持不变。",
                    "8. 从“报表中心”导出的“攻坚任务清单”可直接修改后导入（最新值、最新日期、完成率三列仅供参考，导入时忽略）。",
                    "9. 仅改革办（管理员）可导入任务和指标。请保存为 .xlsx 格式。"));
            hide(x, lists);
            return x.bytes();
        }
    }

    private record NamedList(String name, List<String> values) {
    }

    private static Sheet lists(XlsxWriter x, List<NamedList> lists) {
        SXSSFSheet sheet = x.workbook().createSheet(Layouts.SHEET_LISTS);
        int longest = lists.stream().mapToInt(l -> l.values().size()).max().orElse(0);
        for (int r = 0; r < Math.max(1, longest); r++) {
            List<Object> row = new ArrayList<>();
            for (NamedList l : lists) {
                row.add(r < l.values().size() ? l.values().get(r) : null);
            }
            x.row(sheet, r, row);
        }
        for (int c = 0; c < lists.size(); c++) {
            Name name = x.workbook().createName();
            name.setNameName(lists.get(c).name());
            String col = org.apache.poi.ss.util.CellReference.convertNumToColString(c);
            int size = Math.max(1, lists.get(c).values().size());
            name.setRefersToFormula("'" + Layouts.SHEET_LISTS + "'!$" + col + "$1:$" + col + "$" + size);
        }
        return sheet;
    }

    private static void hide(XlsxWriter x, Sheet lists) {
        x.workbook().setSheetHidden(x.workbook().getSheetIndex(lists), true);
        x.workbook().setActiveSheet(0);
    }

    private static void list(Sheet sheet, String named, int column, String title, String prompt) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        add(sheet, helper.createFormulaListConstraint(named), column, title, prompt);
    }

    private static void number(Sheet sheet, int column, String title, String prompt) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        add(sheet, helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, "-1E+17", "1E+17"),
                column, title, prompt);
    }

    private static void date(Sheet sheet, int column, String title, String prompt) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        add(sheet, helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN, "DATE(2000,1,1)",
                "DATE(2100,12,31)", "yyyy-mm-dd"), column, title, prompt);
    }

    private static void add(Sheet sheet, DataValidationConstraint constraint, int column, String title, String prompt) {
        int first = sheet.getRow(0) != null && sheet.getRow(1) != null ? 2 : 1;
        DataValidation v = sheet.getDataValidationHelper().createValidation(constraint,
                new CellRangeAddressList(first, first + INPUT_ROWS, column, column));
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.setShowErrorBox(true);
        v.createErrorBox(title, prompt);
        v.setShowPromptBox(true);
        v.createPromptBox(title, prompt);
        sheet.addValidationData(v);
    }

    private static void guide(XlsxWriter x, List<String> lines) {
        SXSSFSheet sheet = x.sheet(Layouts.SHEET_GUIDE, "填报说明", List.of("说明"), new int[] {120});
        for (int i = 0; i < lines.size(); i++) {
            x.row(sheet, i + 2, List.of(lines.get(i)));
        }
    }
}
