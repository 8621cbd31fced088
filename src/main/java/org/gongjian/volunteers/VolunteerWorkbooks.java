package org.gongjian.volunteers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Permissions;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ErrorWorkbook;
import org.gongjian.reporting.excel.ImportSettings;
import org.gongjian.reporting.excel.XlsxReader;
import org.gongjian.reporting.excel.XlsxWriter;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A town's existing volunteer roster in Excel, imported all or nothing (the reporting module's streaming
 * reader, limits and error workbook; every row's problems answered, nothing stored while any row has one, and the
 * uploaded file given back with an 错误说明 column), and the hours ledger exported.
 */
@Service
public class VolunteerWorkbooks {

    /** The roster's columns, as the towns' sheets have them. */
    public static final List<String> ROSTER = List.of("姓名", "身份证号", "手机号", "镇街", "社区/村", "特长", "队伍编号");

    private final Volunteers volunteers;
    private final Teams teams;
    private final ImportSettings settings;
    private final Accounts accounts;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ErrorFiles errorFiles;
    private final MessageSource messages;

    VolunteerWorkbooks(Volunteers volunteers, Teams teams, ImportSettings settings, Accounts accounts, AuditLog audit,
            JdbcClient jdbc, ErrorFiles errorFiles, MessageSource messages) {
        this.errorFiles = errorFiles;
        this.messages = messages;
        this.volunteers = volunteers;
        this.teams = teams;
        this.settings = settings;
        this.accounts = accounts;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** A row's problems, 1-based as Excel shows it: the fields at fault and a message for each, in the reader's language. */
    public record RowError(String sheet, int row, List<String> fields, List<String> messages) {
    }

    /**
     * What an import did: rows read, volunteers registered, and the rows' problems (then nothing was stored, and
     * {@code errorFileId} names the uploaded file given back with an 错误说明 column, for its uploader only).
     */
    public record Result(int rows, int registered, List<RowError> errors, @Nullable String errorFileId) {
    }

    private record Line(String sheet, int row, String[] values) {
    }

    @Transactional
    public Result importRoster(Path file) {
        Actor actor = accounts.current();
        if (!actor.can(Permissions.VOLUNTEERS_MANAGE)) {
            throw new AccessDeniedException("error.access-denied");
        }
        Map<String, String> townsByName = new LinkedHashMap<>();
        volunteers.towns().forEach((code, name) -> townsByName.put(name, code));
        List<Line> rows = new ArrayList<>();
        Map<String, int[]> headers = new HashMap<>();
        XlsxReader.read(file, settings.limits(), new XlsxReader.RowHandler() {
            String sheet = "";
            boolean header;

            @Override
            public void startSheet(String name) {
                sheet = name;
                header = true;
            }

            @Override
            public void row(int rowNumber, List<XlsxReader.@Nullable Cell> cells) {
                if (header) {
                    header = false;
                    headers.put(sheet, new int[] {rowNumber, Math.max(cells.size(), ROSTER.size())});
                    return;
                }
                String[] v = new String[ROSTER.size()];
                for (int i = 0; i < v.length; i++) {
                    XlsxReader.Cell c = i < cells.size() ? cells.get(i) : null;
                    v[i] = c == null || c.blank() ? null : c.text().trim();
                }
                if (java.util.Arrays.stream(v).anyMatch(x -> x != null)) {
                    rows.add(new Line(sheet, rowNumber, v));
                }
            }
        });
        List<RowError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Volunteers.Registration> ok = new ArrayList<>();
        List<Long> teamOfRow = new ArrayList<>();
        for (Line r : rows) {
            String[] v = r.values();
            String town = v[3] == null ? null : townsByName.getOrDefault(v[3], v[3]);
            Volunteers.Registration reg = new Volunteers.Registration(v[0], v[1], v[2], town, v[4], v[5]);
            Map<String, String> problems = new LinkedHashMap<>();
            volunteers.check(reg).forEach(x -> problems.putIfAbsent(x.field(), message(x.messageKey(), x.args())));
            if (town != null && !problems.containsKey("town") && !volunteers.actsForTown(actor, town)) {
                problems.put("town", message("volunteers.error.town-scope", v[3]));
            }
            String n = IdNumbers.normalise(v[1]);
            if (n != null && (!seen.add(n) || volunteers.registered(n))) {
                problems.putIfAbsent("idNumber", message("volunteers.error.id-duplicate"));
            }
            Long team = null;
            if (v[6] != null) {
                // checked without the service, whose not-found would mark this transaction for rollback
                team = v[6].replace(".0", "").matches("[0-9]{1,18}") ? Long.valueOf(v[6].replace(".0", "")) : null;
                if (team == null || jdbc.sql("select count(*) from volunteers_team where id = :t").param("t", team)
                        .query(Long.class).single() == 0) {
                    problems.put("teamId", message("volunteers.error.team-not-found", v[6]));
                }
            }
            if (!problems.isEmpty()) {
                List<String> messages = problems.entrySet().stream()
                        .map(e -> message("volunteers.roster.column." + e.getKey()) + "：" + e.getValue()).toList();
                errors.add(new RowError(r.sheet(), r.row(), List.copyOf(problems.keySet()), messages));
            } else {
                ok.add(reg);
                teamOfRow.add(team);
            }
        }
        if (!errors.isEmpty()) {
            Map<String, Map<Integer, String>> marks = new HashMap<>();
            errors.forEach(e -> marks.computeIfAbsent(e.sheet(), k -> new HashMap<>())
                    .put(e.row(), String.join("；", e.messages())));
            String id = errorFiles.store(ErrorWorkbook.write(file, settings.limits(), marks, headers), actor.username());
            return new Result(rows.size(), 0, errors, id);
        }
        if (rows.isEmpty()) {
            return new Result(0, 0, List.of(), null);
        }
        for (int i = 0; i < ok.size(); i++) {
            Volunteer saved = volunteers.insert(ok.get(i), null, false);
            if (teamOfRow.get(i) != null) {
                teams.join(teamOfRow.get(i), saved.id(), volunteers.today());
            }
        }
        audit.created("volunteers-roster-import", Integer.toString(ok.size()), Map.of("rows", rows.size()));
        return new Result(rows.size(), ok.size(), List.of(), null);
    }

    /** The marked-up copy of a refused roster, for the person who uploaded it. */
    public byte[] errorFile(String id) {
        return errorFiles.load(id, accounts.current().username());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** The current hours ledger of a town (or all towns for the office) as .xlsx. */
    @Transactional(readOnly = true)
    public byte[] exportHours(@Nullable String town) {
        Actor actor = accounts.current();
        if (!Volunteers.official(actor)) {
            throw new AccessDeniedException("error.access-denied");
        }
        if (town != null && volunteers.townUnit(town).isEmpty()) {
            throw new InvalidInputException("town", "volunteers.error.town", town);
        }
        try (XlsxWriter w = new XlsxWriter()) {
            var sheet = w.sheet("志愿服务时长", "志愿服务时长台账", List.of("志愿者编号", "姓名", "身份证号（隐去）", "镇街",
                    "服务日期", "活动", "小时", "状态", "来源", "演示数据"), new int[] {10, 10, 22, 10, 12, 30, 8, 14, 10, 8});
            int[] index = {2};
            jdbc.sql("""
                    select v.id, v.name, v.id_masked, v.town_code, h.service_date, a.title, h.minutes, h.status, h.source, h.demo
                    from volunteers_hours h join volunteers_volunteer v on v.id = h.volunteer_id
                    join volunteers_activity a on a.id = h.activity_id
                    left join volunteers_hours s on s.supersedes_id = h.id
                    where s.id is null and (cast(:town as varchar(64)) is null or v.town_code = :town)
                    order by h.service_date, v.id""").param("town", town)
                    .query((rs, n) -> {
                        w.row(sheet, index[0]++, List.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, java.time.LocalDate.class), rs.getString(6),
                                BigDecimal.valueOf(rs.getInt(7)).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                                rs.getString(8), rs.getString(9), rs.getBoolean(10) ? "演示" : ""));
                        return null;
                    }).list();
            return w.bytes();
        }
    }
}
