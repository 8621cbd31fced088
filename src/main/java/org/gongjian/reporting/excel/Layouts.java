package org.gongjian.reporting.excel;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongjian.programme.Direction;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;

/**
 * The columns of the sheets Gongjian writes and reads, and the Chinese words their cells hold. An export
 * uses the same headers as the import template, so that an exported file can be edited and imported again;
 * the importer finds the header row by its words, not by its position.
 */
public final class Layouts {

    public static final String SHEET_MEASUREMENTS = "进展数据";
    public static final String SHEET_INITIATIVES = "攻坚任务";
    public static final String SHEET_TARGETS = "指标";
    public static final String SHEET_NOTICES = "督办单";
    public static final String SHEET_GUIDE = "填报说明";
    public static final String SHEET_LISTS = "下拉选项";
    public static final String EXAMPLE = "示例";

    public static final List<String> MEASUREMENTS = List.of("序号", "指标编码", "指标名称", "计量单位", "数值", "截至日期",
            "备注", "来源", "填报人", "录入时间", "已被更正", "撤回记录", "原因");
    public static final List<String> INITIATIVES = List.of("编号", "标题", "领域", "牵头单位", "责任单位", "开始日期",
            "结束日期", "状态", "概述");
    public static final List<String> TARGETS = List.of("任务编号", "指标编码", "指标名称", "计量单位", "方向", "基期值",
            "基期日期", "目标值", "目标上限", "目标限定", "完成时限", "备注", "最新值", "最新日期", "完成率(%)", "计划值", "时间进度(%)", "状态");
    public static final List<String> NOTICES = List.of("编号", "级别", "状态", "触发原因", "事项", "责任单位", "任务编号",
            "发出日期", "答复时限", "逾期天数", "答复次数", "最近答复时间", "办结时间");
    public static final List<String> AUDIT = List.of("时间", "操作人", "操作", "对象类型", "对象", "说明", "内容");

    private static final Map<InitiativeStatus, String> STATUS = Map.of(InitiativeStatus.NOT_STARTED, "未启动",
            InitiativeStatus.IN_PROGRESS, "推进中", InitiativeStatus.COMPLETED, "已完成", InitiativeStatus.SUSPENDED, "已暂停");
    private static final Map<Direction, String> DIRECTION = Map.of(Direction.UP, "上升", Direction.DOWN, "下降");
    private static final Map<Qualifier, String> QUALIFIER = new LinkedHashMap<>();
    /** Money may be filled in 万元 or 亿元 (as 台账 are) and is stored in 元. */
    private static final Map<String, Scaled> SCALED_UNITS = Map.of(
            "万元", new Scaled(UnitOfMeasure.YUAN, new BigDecimal("10000")),
            "亿元", new Scaled(UnitOfMeasure.YUAN, new BigDecimal("100000000")),
            "万美元", new Scaled(UnitOfMeasure.USD, new BigDecimal("10000")),
            "亿美元", new Scaled(UnitOfMeasure.USD, new BigDecimal("100000000")));

    static {
        QUALIFIER.put(Qualifier.EXACT, "精确");
        QUALIFIER.put(Qualifier.APPROX, "约");
        QUALIFIER.put(Qualifier.OVER, "超");
        QUALIFIER.put(Qualifier.MORE, "多");
        QUALIFIER.put(Qualifier.AT_LEAST, "以上");
        QUALIFIER.put(Qualifier.AT_MOST, "不超过");
        QUALIFIER.put(Qualifier.RANGE, "区间");
    }

    /** A unit a value may be given in, with the factor to the stored unit. */
    public record Scaled(UnitOfMeasure unit, BigDecimal factor) {
    }

    private Layouts() {
    }

    public static String status(InitiativeStatus s) { return STATUS.get(s); }

    public static String direction(Direction d) { return DIRECTION.get(d); }

    public static String qualifier(Qualifier q) { return QUALIFIER.get(q); }

    public static Optional<InitiativeStatus> status(String text) { return find(STATUS, text, InitiativeStatus.class); }

    public static Optional<Direction> direction(String text) { return find(DIRECTION, text, Direction.class); }

    public static Optional<Qualifier> qualifier(String text) { return find(QUALIFIER, text, Qualifier.class); }

    public static List<String> statuses() { return List.of("未启动", "推进中", "已完成", "已暂停"); }

    public static List<String> directions() { return List.of("上升", "下降"); }

    public static List<String> qualifiers() { return List.copyOf(QUALIFIER.values()); }

    /** Every unit word a cell may hold: 元, 万元, 亿元, 公顷, 家… */
    public static List<String> unitWords() {
        List<String> words = new java.util.ArrayList<>();
        for (UnitOfMeasure u : UnitOfMeasure.values()) {
            words.add(u.zh());
            if (u == UnitOfMeasure.YUAN) {
                words.addAll(List.of("万元", "亿元"));
            }
            if (u == UnitOfMeasure.USD) {
                words.addAll(List.of("万美元", "亿美元"));
            }
        }
        return words;
    }

    /** The unit a word names, with its factor: 万元 is 10000 元; also accepts the code (YUAN). */
    public static Optional<Scaled> unit(String text) {
        String t = text.trim();
        if (SCALED_UNITS.containsKey(t)) {
            return Optional.of(SCALED_UNITS.get(t));
        }
        for (UnitOfMeasure u : UnitOfMeasure.values()) {
            if (u.zh().equals(t) || u.name().equalsIgnoreCase(t)) {
                return Optional.of(new Scaled(u, BigDecimal.ONE));
            }
        }
        return Optional.empty();
    }

    private static <E extends Enum<E>> Optional<E> find(Map<E, String> words, String text, Class<E> type) {
        String t = text.trim();
        for (Map.Entry<E, String> e : words.entrySet()) {
            if (e.getValue().equals(t) || e.getKey().name().equalsIgnoreCase(t.replace(' ', '_').toUpperCase(Locale.ROOT))) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
