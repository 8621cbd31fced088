package org.gongjian.ipcentre.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.gongjian.ipcentre.Parties;
import org.gongjian.ipcentre.PartyRole;
import org.gongjian.ipcentre.ProtectionCase;
import org.gongjian.ipcentre.ProtectionCases;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LocalizedException;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A protection case's parties (role, name, credit code, contact) and evidence files on the case page: the forms
 * and the download of a file (the API has {@link PartiesApiController} and the evidence endpoints of the case API).
 */
@Controller
class ProtectionFilesController {

    private final ProtectionCases protection;
    private final Parties parties;
    private final MessageSource messages;

    ProtectionFilesController(ProtectionCases protection, Parties parties, MessageSource messages) {
        this.protection = protection;
        this.parties = parties;
        this.messages = messages;
    }

    @PostMapping("/ipcentre/protection/{id}/parties")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    String addParty(@PathVariable long id, @RequestParam(required = false) @Nullable PartyRole role,
            @RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String uscc,
            @RequestParam(required = false) @Nullable String contact, RedirectAttributes flash, Locale locale) {
        try {
            parties.add(id, new Parties.Entry(role, name, uscc, contact));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", errors(e, locale));
        }
        return "redirect:/ipcentre/protection/" + id;
    }

    @PostMapping("/ipcentre/protection/{id}/parties/{partyId}/delete")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    String removeParty(@PathVariable long id, @PathVariable long partyId, RedirectAttributes flash, Locale locale) {
        try {
            parties.remove(id, partyId);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", errors(e, locale));
        }
        return "redirect:/ipcentre/protection/" + id;
    }

    @PostMapping(path = "/ipcentre/protection/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    String addEvidence(@PathVariable long id, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            RedirectAttributes flash, Locale locale) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "ipcentre.error.file-missing");
            }
            ProtectionCase.EvidenceFile added = protection.addEvidence(id, String.valueOf(file.getOriginalFilename()),
                    file.getBytes());
            flash.addFlashAttribute("saved", messages.getMessage("ipcentre.evidence.added", new Object[] {added.fileName()},
                    locale));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", errors(e, locale));
        }
        return "redirect:/ipcentre/protection/" + id;
    }

    @GetMapping("/ipcentre/protection/{id}/evidence/{fileId}")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long fileId) {
        ProtectionCase c = protection.get(id, LocalDate.now());
        ProtectionCase.EvidenceFile file = c.evidence().stream().filter(f -> f.id() == fileId).findFirst()
                .orElseThrow(() -> new NotFoundException("ipcentre.error.file-not-found", fileId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(protection.evidenceContent(id, fileId));
    }

    private List<String> errors(LocalizedException e, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.violations().stream()
                    .map(v -> messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)).toList();
        }
        return List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
    }
}
