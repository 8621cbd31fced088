package org.gongjian.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ImportRefused;
import org.gongjian.reporting.excel.ImportResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * A bank's workbook of decisions and disbursements: a file with one bad row is refused whole — every bad row named,
 * a marked copy kept, nothing written, not even its good rows — and the corrected file is written whole. Committed
 * (no test transaction), so that "nothing written" is what another reader sees.
 */
@SpringBootTest
@ActiveProfiles("test")
class FinanceImportTests {

    @Autowired Pairings pairings;
    @Autowired Subjects subjects;
    @Autowired Needs needs;
    @Autowired Loans loans;
    @Autowired FinanceAccess access;
    @Autowired FinanceWorkbooks workbooks;
    @Autowired ErrorFiles errorFiles;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;

    @org.junit.jupiter.api.BeforeEach
    void chinese() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }

    static Path workbook(Object[][] decisions, Object[][] disbursements) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb.createSheet(FinanceWorkbooks.SHEET_DECISIONS), FinanceWorkbooks.DECISIONS, decisions);
            fill(wb.createSheet(FinanceWorkbooks.SHEET_DISBURSEMENTS), FinanceWorkbooks.DISBURSEMENTS, disbursements);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            Path file = Files.createTempFile("finance-import-test-", ".xlsx");
            Files.write(file, out.toByteArray());
            return file;
        }
    }

    private static void fill(Sheet sheet, java.util.List<String> headers, Object[][] rows) {
        Row header = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            header.createCell(c).setCellValue(headers.get(c));
        }
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (v != null) {
                    row.createCell(c).setCellValue(v.toString());
                }
            }
        }
    }

    @Test
    void a_workbook_with_one_bad_row_writes_nothing_and_names_every_bad_row_and_the_corrected_one_writes_all() throws Exception {
        String tag = String.valueOf(80_000_000 + (System.nanoTime() % 9_000_000));
        FinanceFixture fixture = new FinanceFixture(pairings, subjects, accounts, organisation, users, access);
        FinanceFixture.World world = fixture.world(tag);
        LocalDate today = LocalDate.now();
        fixture.as("t-chikan-" + tag);
        Needs.Need first = needs.declare(FinanceFixture.need(world.chikanFirm().id(), "2000000", today), false);
        first = needs.push(first.id(), needs.screen(first.id(), FinanceFixture.ALL_MET, first.version()).version());
        Needs.Need second = needs.declare(FinanceFixture.need(world.chikanFirm().id(), "500000", today), false);
        second = needs.push(second.id(), needs.screen(second.id(), FinanceFixture.ALL_MET, second.version()).version());

        fixture.as("t-bank-a-" + tag);
        String bank = world.bankA().uscc();
        // row 2: approved 150万; row 3: declined without a reason. 放款 row 2: 100万 of the first; row 3: 80万 more (over 150万)
        Path bad = workbook(new Object[][] {
                {first.id(), "同意授信", bank, 150, 3.45, 36, "是", null, today.toString()},
                {second.id(), "不予授信", bank, null, null, null, null, null, today.toString()}},
                new Object[][] {{first.id(), 100, today.toString()}, {first.id(), 80, today.toString()}});
        ImportResult refused = workbooks.importWorkbook(bad);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.written()).isZero();
        assertThat(refused.errors()).extracting(e -> e.sheet() + "#" + e.row())
                .containsExactly("授信#3", "放款#3");
        assertThat(refused.errors().get(1).messages()).singleElement().asString().contains("尚可放款 50 万元");
        assertThat(errorFiles.load(refused.errorFileId(), "t-bank-a-" + tag)).isNotEmpty();
        assertThat(loans.decision(first.id())).isEmpty();
        assertThat(needs.need(first.id()).status()).isEqualTo(NeedStatus.PUSHED);

        Path good = workbook(new Object[][] {
                {first.id(), "同意授信", bank, 150, 3.45, 36, "是", null, today.toString()},
                {second.id(), "不予授信", bank, null, null, null, null, "抵押物不足", today.toString()}},
                new Object[][] {{first.id(), 100, today.toString()}, {first.id(), 50, today.toString()}});
        ImportResult written = workbooks.importWorkbook(good);
        assertThat(written.ok()).isTrue();
        assertThat(written.written()).isEqualTo(4);
        assertThat(loans.decision(first.id()).orElseThrow().disbursed()).isEqualByComparingTo(new BigDecimal("1500000"));
        assertThat(needs.need(second.id()).status()).isEqualTo(NeedStatus.DECLINED);
    }

    @Test
    void a_file_that_is_not_a_workbook_is_refused() throws Exception {
        Path file = Files.createTempFile("finance-import-test-", ".xlsx");
        Files.copy(new ByteArrayInputStream("not a workbook".getBytes()), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> workbooks.importWorkbook(file)).isInstanceOf(ImportRefused.class);
    }
}
