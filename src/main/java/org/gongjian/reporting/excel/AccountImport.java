package org.gongjian.reporting.excel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.gongjian.organisation.AccountData;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Role;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Imports accounts from a 账号 sheet (the office only): username, name, role, unit code and first password on
 * each row, read with the other imports' limits; then every row is checked by the organisation's rules and all
 * accounts are made, each to change its password at first login, or none, with every row's problems and a
 * marked-up copy of the file.
 */
@Service
public class AccountImport {

    public static final String SHEET = "账号";
    static final List<String> HEADERS = List.of("用户名", "姓名", "角色", "单位编码", "初始密码");
    private static final List<String> REQUIRED = List.of("用户名", "姓名", "角色", "初始密码");

    private final Importer importer;
    private final Accounts accounts;

    AccountImport(Importer importer, Accounts accounts) {
        this.importer = importer;
        this.accounts = accounts;
    }

    /** The template: the headers, an example row (skipped on import) and the roles to choose from. */
    public byte[] template() {
        try (XlsxWriter x = new XlsxWriter()) {
            SXSSFSheet sheet = x.sheet(SHEET, "账号导入表（初始密码须在首次登录时修改）", HEADERS, new int[] {18, 14, 14, 18, 20});
            x.row(sheet, 2, List.of(Layouts.EXAMPLE + "：chikan-clerk", "赤坎镇填报员", "单位填报员", "chikan", "首次登录后修改-2024"));
            x.row(sheet, 3, List.of(Layouts.EXAMPLE + "（角色）", "改革办 / 市领导 / 单位填报员 / 查阅人员", "", "单位填报员须填单位编码", ""));
            return x.bytes();
        }
    }

    public ImportResult run(Path file, String fileName) {
        List<Accounts.NewAccount> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        HeaderedSheets sheets = new HeaderedSheets(List.of(new HeaderedSheets.Wanted(SHEET, REQUIRED,
                (cells, problems) -> read(cells, problems, rows, rowNumbers))));
        XlsxReader.read(file, importer.limits(), sheets);
        if (!sheets.found(SHEET)) {
            throw new ImportRefused("error.import.no-header", SHEET, String.join("、", REQUIRED));
        }
        if (sheets.rows() == 0) {
            throw new ImportRefused("error.import.no-rows");
        }
        Map<String, List<String>> byRow = importer.messages(sheets.problems());
        List<Importer.Source> sources = List.of(new Importer.Source("rows", SHEET, rowNumbers, AccountImport::column));
        if (byRow.isEmpty()) {
            try {
                return ImportResult.written(sheets.rows(), accounts.createAll(rows).size(), null);
            } catch (InvalidInputException e) {
                importer.addViolations(byRow, e.violations(), sources);
            }
        }
        return importer.failed(file, sheets.rows(), byRow, sheets, sheets.fileNames());
    }

    private static String column(String field) {
        return switch (field) {
            case "username" -> "用户名";
            case "displayName" -> "姓名";
            case "roles" -> "角色";
            case "unit" -> "单位编码";
            default -> "初始密码";
        };
    }

    private static void read(Cells cells, List<Cells.Problem> problems, List<Accounts.NewAccount> rows,
            List<Integer> rowNumbers) {
        String username = cells.word("用户名", true, 64);
        String name = cells.text("姓名", true, 100);
        String roleWord = cells.word("角色", true, 20);
        String unit = cells.word("单位编码", false, 64);
        String password = cells.text("初始密码", true, 128);
        if (username != null && !username.matches("[a-z0-9][a-z0-9._-]*")) {
            problems.add(new Cells.Problem("用户名", "error.import.username"));
        }
        Role role = roleWord == null ? null : role(roleWord);
        if (roleWord != null && role == null) {
            problems.add(new Cells.Problem("角色", "error.import.role", roleWord));
        }
        if (problems.isEmpty() && username != null && name != null && role != null && password != null) {
            rows.add(new Accounts.NewAccount(new AccountData(username, name, unit, Set.of(role), true), password));
            rowNumbers.add(cells.rowNumber());
        }
    }

    /** A role by its Chinese name or its code. */
    static @Nullable Role role(String word) {
        return switch (word) {
            case "改革办", "管理员" -> Role.ADMIN;
            case "市领导", "领导" -> Role.LEADER;
            case "单位填报员", "填报员" -> Role.UNIT_STAFF;
            case "查阅人员", "查阅" -> Role.VIEWER;
            default -> {
                try {
                    yield Role.valueOf(word.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    yield null;
                }
            }
        };
    }
}
