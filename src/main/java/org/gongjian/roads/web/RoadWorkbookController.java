package org.gongjian.roads.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ImportRefused;
import org.gongjian.reporting.excel.UploadedWorkbook;
import org.gongjian.shared.web.Attachments;
import org.gongjian.roads.RoadAccess;
import org.gongjian.roads.RoadWorkbooks;
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

/** Export of the road register, and the imports of the register and of condition results (all or none). */
@Controller
class RoadWorkbookController {


    private final RoadWorkbooks workbooks;
    private final ErrorFiles errorFiles;
    private final RoadAccess access;
    private final MessageSource messages;

    RoadWorkbookController(RoadWorkbooks workbooks, ErrorFiles errorFiles, RoadAccess access, MessageSource messages) {
        this.workbooks = workbooks;
        this.errorFiles = errorFiles;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/roads/register.xlsx")
    @PreAuthorize("hasAuthority('roads:register:read')")
    ResponseEntity<byte[]> export() {
        return Attachments.xlsx("农村公路路网台账.xlsx", workbooks.exportRegister());
    }

    @PostMapping("/roads/register/import")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String importRegister(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash,
            Locale locale) {
        return run(file, flash, locale, true);
    }

    @PostMapping("/roads/conditions/import")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    String importConditions(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash,
            Locale locale) {
        return run(file, flash, locale, false);
    }

    @GetMapping("/roads/register/import-errors/{id}")
    @PreAuthorize("hasAuthority('roads:register:manage')")
    ResponseEntity<byte[]> errors(@PathVariable String id) {
        return Attachments.xlsx("错误说明.xlsx", errorFiles.load(id, access.actor().username()));
    }

    private String run(MultipartFile file, RedirectAttributes flash, Locale locale, boolean register) {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("errors", List.of(messages.getMessage("error.import.no-rows", null, locale)));
            return "redirect:/roads/register";
        }
        try {
            Function<Path, RoadWorkbooks.Result> importer = register ? workbooks::importRegister : workbooks::importConditions;
            RoadWorkbooks.Result result = UploadedWorkbook.asFile(file, importer);
            if (result.ok()) {
                flash.addFlashAttribute("saved", messages.getMessage("roads.import.done", new Object[] {result.written()}, locale));
            } else {
                List<String> lines = new ArrayList<>();
                for (Map.Entry<Integer, List<String>> e : result.errors().entrySet()) {
                    lines.add(messages.getMessage("roads.import.row", new Object[] {e.getKey(), String.join("；", e.getValue())}, locale));
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
        return "redirect:/roads/register";
    }
}
