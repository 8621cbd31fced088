package org.gongjian.ipcentre.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.ipcentre.Parties;
import org.gongjian.ipcentre.Party;
import org.gongjian.ipcentre.ProtectionCases;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The parties of a protection case over the API (role, name, credit code checked against the register, contact). */
@RestController
@Tag(name = "ipcentre")
class PartiesApiController {

    private final ProtectionCases protection;
    private final Parties parties;

    PartiesApiController(ProtectionCases protection, Parties parties) {
        this.protection = protection;
        this.parties = parties;
    }

    @GetMapping("/api/v1/ipcentre/protection-cases/{id}/parties")
    @PreAuthorize("hasAuthority('ipcentre:case:read')")
    @Operation(summary = "The parties of a protection case (role, name, credit code and whether the register knows it, contact)")
    List<Party> parties(@PathVariable long id) {
        protection.get(id, LocalDate.now());
        return parties.of(id);
    }

    @PostMapping("/api/v1/ipcentre/protection-cases/{id}/parties")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    @Operation(summary = "Add a party: role (APPLICANT, RIGHT_HOLDER, RESPONDENT, AGENCY, PLATFORM, OTHER), name (taken from "
            + "the enterprise register when only a known credit code is given), uscc, contact")
    ResponseEntity<Party> addPartyApi(@PathVariable long id, @RequestBody Parties.Entry body) {
        Party p = parties.add(id, body);
        return ResponseEntity.created(URI.create("/api/v1/ipcentre/protection-cases/" + id + "/parties/" + p.id())).body(p);
    }

    @DeleteMapping("/api/v1/ipcentre/protection-cases/{id}/parties/{partyId}")
    @PreAuthorize("hasAuthority('ipcentre:case:write')")
    @Operation(summary = "Remove a party (the last complaining party and the last respondent stay)")
    ResponseEntity<Void> removePartyApi(@PathVariable long id, @PathVariable long partyId) {
        parties.remove(id, partyId);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
