package org.gongjian.projects.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.projects.ProjectAccess;
import org.gongjian.projects.ProjectWorkbooks;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ImportRefused;
import org.gongjian.reporting.excel.UploadedWorkbook;
import org.gongjian.shared.web.Attachments;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Export of the monthly progress table, and its import (all or none) with the error workbook for the uploader. */
@Controller
class ProjectWorkbookController {


    private final ProjectWorkbooks workbooks;
    private final ErrorFiles errorFiles;
    private final ProjectAccess access;
    private final ProjectRows rows;
    private final MessageSource messages;

    ProjectWorkbookController(ProjectWorkbooks workbooks, ErrorFiles errorFiles, ProjectAccess access, ProjectRows rows,
            MessageSource messages) {
        this.workbooks = workbooks;
        this.errorFiles = errorFiles;
        this.access = access;
        this.rows = rows;
        this.messages = messages;
    }

    @GetMapping("/projects/export.xlsx")
    @PreAuthorize("hasAuthority('projects:project:read')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String month) {
        var m = ProjectRows.month(month, rows.lastMonth());
        return Attachments.xlsx("重点项目月度进度表-" + m + ".xlsx", workbooks.export(m));
    }

    @PostMapping("/projects/import")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    String importProgress(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes flash,
            Locale locale) {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("errors", List.of(messages.getMessage("error.import.no-rows", null, locale)));
            return "redirect:/projects";
        }
        try {
            ProjectWorkbooks.Result result = UploadedWorkbook.asFile(file, workbooks::importProgress);
            if (result.ok()) {
                flash.addFlashAttribute("saved", messages.getMessage("projects.import.done", new Object[] {result.written()}, locale));
            } else {
                List<String> lines = new ArrayList<>();
                for (Map.Entry<Integer, List<String>> e : result.errors().entrySet()) {
                    lines.add(messages.getMessage("projects.import.row", new Object[] {e.getKey(), String.join("；", e.getValue())},
                            locale));
                    if (lines.size() >= 50) {
                        break;
                    }
                }
                flash.addFlashAttribute("errors", lines);
                flash.addFlashAttribute("errorFile", result.errorFileId());
            }
        } catch (ImportRefused e) {
            flash.addFlashAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)));
        }
        return "redirect:/projects";
    }

    @GetMapping("/projects/import-errors/{fileId}")
    @PreAuthorize("hasAuthority('projects:project:manage')")
    ResponseEntity<byte[]> errors(@PathVariable String fileId) {
        return Attachments.xlsx("错误说明.xlsx", errorFiles.load(fileId, access.actor().username()));
    }
}
