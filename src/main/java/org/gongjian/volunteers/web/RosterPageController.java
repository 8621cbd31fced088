package org.gongjian.volunteers.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.gongjian.reporting.excel.ImportRefused;
import org.gongjian.volunteers.VolunteerWorkbooks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The roster import page of a town's staff (and the office): upload, and either the count imported or every
 * row's problems with the error workbook to download (the uploaded sheet with an 错误说明 column).
 */
@Controller
class RosterPageController {

    private final VolunteerWorkbooks workbooks;
    private final MessageSource messages;

    RosterPageController(VolunteerWorkbooks workbooks, MessageSource messages) {
        this.workbooks = workbooks;
        this.messages = messages;
    }

    @GetMapping("/volunteers/roster")
    @PreAuthorize("hasAuthority('volunteers:ledger:manage')")
    String form() {
        return "volunteers/roster";
    }

    @PostMapping("/volunteers/roster")
    @PreAuthorize("hasAuthority('volunteers:ledger:manage')")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("refused", message("volunteers.roster.empty"));
            return "volunteers/roster";
        }
        Path tmp = Files.createTempFile("volunteers-roster", ".xlsx");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            VolunteerWorkbooks.Result result = workbooks.importRoster(tmp);
            if (result.rows() == 0) {
                model.addAttribute("refused", message("volunteers.roster.empty"));
            } else {
                model.addAttribute("result", result);
            }
        } catch (ImportRefused e) {
            model.addAttribute("refused", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
        } finally {
            Files.deleteIfExists(tmp);
        }
        return "volunteers/roster";
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
