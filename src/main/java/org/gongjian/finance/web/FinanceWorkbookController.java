package org.gongjian.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.gongjian.finance.FinanceAccess;
import org.gongjian.finance.FinanceWorkbooks;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ImportRefused;
import org.gongjian.reporting.excel.UploadedWorkbook;
import org.gongjian.shared.web.Attachments;
import org.gongjian.reporting.excel.ImportResult;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The banks' workbooks: import of needs, decisions and disbursements (all or none), the template, the reports' export. */
@Controller
class FinanceWorkbookController {


    private final FinanceWorkbooks workbooks;
    private final ErrorFiles errorFiles;
    private final FinanceAccess access;
    private final MessageSource messages;

    FinanceWorkbookController(FinanceWorkbooks workbooks, ErrorFiles errorFiles, FinanceAccess access,
            MessageSource messages) {
        this.workbooks = workbooks;
        this.errorFiles = errorFiles;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/finance/reports.xlsx")
    @PreAuthorize("hasAuthority('finance:need:read')")
    ResponseEntity<byte[]> exportReports() {
        return Attachments.xlsx("金融服务银团月报.xlsx", workbooks.exportReports());
    }

    @GetMapping("/finance/import")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    String importPage() {
        return "finance/import";
    }

    @GetMapping("/finance/import/template.xlsx")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    ResponseEntity<byte[]> template() {
        return Attachments.xlsx("银行反馈模板.xlsx", workbooks.template());
    }

    @GetMapping("/finance/import/errors/{id}")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    ResponseEntity<byte[]> errors(@PathVariable String id) {
        return Attachments.xlsx("错误说明.xlsx", errorFiles.load(id, access.actor().username()));
    }

    @PostMapping("/finance/import")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    String importFile(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes flash,
            Locale locale) {
        try {
            ImportResult result = withTempFile(file, workbooks::importWorkbook);
            if (result.ok()) {
                flash.addFlashAttribute("saved", messages.getMessage("finance.import.done", new Object[] {result.written()}, locale));
            } else {
                flash.addFlashAttribute("failed", messages.getMessage("finance.import.failed",
                        new Object[] {result.errors().size()}, locale));
                flash.addFlashAttribute("rowErrors", result.errors().stream().limit(100).toList());
                flash.addFlashAttribute("errorFile", result.errorFileId());
            }
        } catch (ImportRefused e) {
            flash.addFlashAttribute("failed", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("failed", messages.getMessage("error.import.no-rows", null, locale));
        }
        return "redirect:/finance/import";
    }

    @Operation(summary = "Imports a bank's workbook (sheets 融资需求, 授信, 放款): all rows or none, with every row's errors")
    @PostMapping(path = "/api/v1/finance/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('finance:bank:work')")
    @ResponseBody
    ResponseEntity<ImportResult> importApi(@RequestParam(name = "file", required = false) @Nullable MultipartFile file) {
        ImportResult result = withTempFile(file, workbooks::importWorkbook);
        return result.ok() ? ResponseEntity.ok(result) : ResponseEntity.unprocessableEntity().body(result);
    }

    private static ImportResult withTempFile(@Nullable MultipartFile file, Function<Path, ImportResult> run) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "error.import.no-rows");
        }
        return UploadedWorkbook.asFile(file, run);
    }
}
