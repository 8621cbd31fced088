package org.gongjian.ecology.web;

import java.nio.charset.StandardCharsets;
import org.gongjian.ecology.GepAccount;
import org.gongjian.ecology.GepAccounts;
import org.gongjian.ecology.engine.GepResult;
import org.gongjian.ecology.io.GepWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;

/** The Excel download of an account version (实物量表, 价值量表, 参数表, 碳汇). */
@Component
class Workbooks {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final GepAccounts accounts;

    Workbooks(GepAccounts accounts) {
        this.accounts = accounts;
    }

    byte[] account(GepAccount account, GepAccount.Version version, GepResult result) {
        String title = account.name() + (account.demo() ? "（演示数据）" : "") + " 第" + version.number() + "版";
        return GepWorkbook.write(title, result, accounts.townNames());
    }

    static String disposition(GepAccount account, GepAccount.Version version) {
        return ContentDisposition.attachment()
                .filename(account.code() + "-v" + version.number() + ".xlsx", StandardCharsets.UTF_8).build().toString();
    }
}
