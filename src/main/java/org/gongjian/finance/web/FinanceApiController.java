package org.gongjian.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.finance.ConsortiumReports;
import org.gongjian.finance.FinanceAccess;
import org.gongjian.finance.FinanceIndicators;
import org.gongjian.finance.Loans;
import org.gongjian.finance.NeedStatus;
import org.gongjian.finance.Needs;
import org.gongjian.finance.Outreach;
import org.gongjian.finance.Pairings;
import org.gongjian.finance.Subjects;
import org.gongjian.shared.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The bank–town pairing ledger as JSON: institutions, consortia, subjects, visits, needs, decisions, disbursements. */
@RestController
@RequestMapping("/api/v1/finance")
@Tag(name = "finance", description = "金融机构结对支持镇村经济发展台账")
class FinanceApiController {

    private final Pairings pairings;
    private final Subjects subjects;
    private final Needs needs;
    private final Loans loans;
    private final FinanceIndicators indicators;
    private final Outreach outreach;
    private final ConsortiumReports reports;
    private final FinanceAccess access;
    private final java.time.Clock clock;

    FinanceApiController(Pairings pairings, Subjects subjects, Needs needs, Loans loans, FinanceIndicators indicators,
            Outreach outreach, ConsortiumReports reports, FinanceAccess access, java.time.Clock clock) {
        this.clock = clock;
        this.outreach = outreach;
        this.reports = reports;
        this.access = access;
        this.pairings = pairings;
        this.subjects = subjects;
        this.needs = needs;
        this.loans = loans;
        this.indicators = indicators;
    }

    @GetMapping("/institutions")
    @PreAuthorize("hasAuthority('finance:ledger:read')")
    List<Pairings.Institution> institutions() {
        return pairings.institutions();
    }

    @Operation(summary = "Registers a bank or branch by its credit code (found in or added to the enterprise register)")
    @PostMapping("/institutions")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    ResponseEntity<Pairings.Institution> addInstitution(@RequestBody Pairings.NewInstitution body) {
        Pairings.Institution i = pairings.addInstitution(body, false);
        return ResponseEntity.created(URI.create("/api/v1/finance/institutions/" + i.id())).body(i);
    }

    @GetMapping("/consortia")
    @PreAuthorize("hasAuthority('finance:ledger:read')")
    List<Pairings.Consortium> consortia() {
        return pairings.consortia();
    }

    @Operation(summary = "Pairs a consortium (lead bank, members, liaisons) with a town for a period")
    @PostMapping("/consortia")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    ResponseEntity<Pairings.Consortium> pair(@RequestBody Pairings.NewConsortium body) {
        Pairings.Consortium c = pairings.pair(body, false);
        return ResponseEntity.created(URI.create("/api/v1/finance/consortia/" + c.id())).eTag(Versions.etag(c.version()))
                .body(c);
    }

    @GetMapping("/subjects")
    @PreAuthorize("hasAuthority('finance:need:read')")
    Page<Subjects.Subject> subjects(@RequestParam(required = false) @Nullable String town,
            @PageableDefault(size = 20) Pageable pageable) {
        return subjects.list(town, pageable);
    }

    @PostMapping("/subjects")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    ResponseEntity<Subjects.Subject> addSubject(@RequestBody Subjects.NewSubject body) {
        Subjects.Subject s = subjects.add(body, false);
        return ResponseEntity.created(URI.create("/api/v1/finance/subjects/" + s.id())).body(s);
    }

    @GetMapping("/subjects/{id}")
    @PreAuthorize("hasAuthority('finance:need:read')")
    Subjects.Subject subject(@PathVariable long id) {
        return subjects.subject(id);
    }

    @PostMapping("/visits")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    Subjects.Visit visit(@RequestBody Subjects.NewVisit body) {
        return subjects.visit(body, false);
    }

    record NeedView(Needs.Need need, List<Needs.SlaClock> clocks, Loans.@Nullable Decision decision,
            List<Loans.Disbursement> disbursements) {
    }

    @Operation(summary = "Needs in the caller's data scope (bank staff: pushed to their consortium), newest first")
    @GetMapping("/needs")
    @PreAuthorize("hasAuthority('finance:need:read')")
    Page<Needs.Need> needs(@RequestParam(required = false) @Nullable NeedStatus status,
            @RequestParam(required = false) @Nullable String town, @PageableDefault(size = 20) Pageable pageable) {
        return needs.list(status, town, pageable);
    }

    @PostMapping("/needs")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    ResponseEntity<Needs.Need> declare(@RequestBody Needs.NewNeed body) {
        Needs.Need n = needs.declare(body, false);
        return ResponseEntity.created(URI.create("/api/v1/finance/needs/" + n.id())).eTag(Versions.etag(n.version())).body(n);
    }

    @GetMapping("/needs/{id}")
    @PreAuthorize("hasAuthority('finance:need:read')")
    ResponseEntity<NeedView> need(@PathVariable long id) {
        Needs.Need n = needs.need(id);
        return ResponseEntity.ok().eTag(Versions.etag(n.version())).body(view(n));
    }

    private NeedView view(Needs.Need n) {
        return new NeedView(n, needs.clocks(n, LocalDate.now(clock)), loans.decision(n.id()).orElse(null),
                loans.disbursements(n.id()));
    }

    private int version(long id, @Nullable String ifMatch) {
        Integer v = Versions.fromIfMatch(ifMatch);
        return v != null ? v : needs.need(id).version();
    }

    @Operation(summary = "Screens a need on the five criteria: all met puts it on the recommendation list")
    @PostMapping("/needs/{id}/screening")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    ResponseEntity<Needs.Need> screen(@PathVariable long id, @RequestBody Needs.Criteria body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Needs.Need n = needs.screen(id, body, version(id, ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(n.version())).body(n);
    }

    @Operation(summary = "Pushes a recommended need to the consortium paired with its town; the SLA clocks start")
    @PostMapping("/needs/{id}/push")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    ResponseEntity<Needs.Need> push(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Needs.Need n = needs.push(id, version(id, ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(n.version())).body(n);
    }

    record ContactBody(@Nullable LocalDate contactedOn) {
    }

    @PostMapping("/needs/{id}/contact")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    ResponseEntity<Needs.Need> contact(@PathVariable long id, @RequestBody(required = false) @Nullable ContactBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Needs.Need n = needs.contact(id, body == null ? null : body.contactedOn(), version(id, ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(n.version())).body(n);
    }

    @Operation(summary = "Records the credit decision of a member bank: approved (amount in 元, rate, term) or declined")
    @PostMapping("/needs/{id}/decision")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    Loans.Decision decide(@PathVariable long id, @RequestBody Loans.NewDecision body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return loans.decide(id, body, version(id, ifMatch), false);
    }

    @Operation(summary = "Records a disbursement (元); the sum disbursed never exceeds the approved amount")
    @PostMapping("/needs/{id}/disbursements")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    Loans.Disbursement disburse(@PathVariable long id, @RequestBody Loans.NewDisbursement body) {
        return loans.disburse(id, body, false);
    }

    record WithdrawBody(@Nullable String reason) {
    }

    @PostMapping("/needs/{id}/withdrawal")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    ResponseEntity<Needs.Need> withdraw(@PathVariable long id, @RequestBody WithdrawBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Needs.Need n = needs.withdraw(id, body.reason(), version(id, ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(n.version())).body(n);
    }

    @Operation(summary = "The ledger's figures per town and city-wide as of a day (what it feeds to the targets)")
    @GetMapping("/figures")
    @PreAuthorize("hasAuthority('finance:ledger:read')")
    List<FinanceIndicators.Figure> figures(@RequestParam(required = false) @Nullable LocalDate on) {
        return indicators.figures(on == null ? LocalDate.now(clock) : on);
    }

    record BankUser(String username, long consortiumId) {
    }

    @Operation(summary = "Ties a bank user (role BANK_STAFF) to their consortium (the office)")
    @PostMapping("/bank-users")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    BankUser assignBankUser(@RequestBody BankUser body) {
        access.assignBankUser(body.username(), body.consortiumId());
        return body;
    }

    @GetMapping("/events")
    @PreAuthorize("hasAuthority('finance:ledger:read')")
    List<Outreach.Event> events(@RequestParam(required = false) @Nullable String town) {
        return outreach.events(town);
    }

    @Operation(summary = "Records an outreach event (金融来趁圩, 政银企对接会) with the consortia present")
    @PostMapping("/events")
    @PreAuthorize("hasAuthority('finance:ledger:manage')")
    Outreach.Event recordEvent(@RequestBody Outreach.NewEvent body) {
        return outreach.record(body, false);
    }

    @Operation(summary = "Monthly consortium reports in the caller's scope (bank staff: their consortium's)")
    @GetMapping("/reports")
    @PreAuthorize("hasAuthority('finance:need:read')")
    List<ConsortiumReports.Report> reports() {
        return reports.reports();
    }

    record DraftBody(long consortiumId, String month, java.math.@Nullable BigDecimal outstandingBalance,
            @Nullable String note) {
    }

    @Operation(summary = "The bank drafts its consortium's report of a month; the figures are counted from the ledger")
    @PostMapping("/reports")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    ConsortiumReports.Report draft(@RequestBody DraftBody body) {
        return reports.draft(body.consortiumId(), body.month(), body.outstandingBalance(), body.note(), false);
    }

    @PostMapping("/reports/{id}/submission")
    @PreAuthorize("hasAuthority('finance:bank:work')")
    ConsortiumReports.Report submit(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return reports.advance(id, ConsortiumReports.ReportStatus.SUBMITTED, reportVersion(id, ifMatch));
    }

    @Operation(summary = "The office reviews a submitted report")
    @PostMapping("/reports/{id}/review")
    @PreAuthorize("hasAuthority('finance:report:review')")
    ConsortiumReports.Report review(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return reports.advance(id, ConsortiumReports.ReportStatus.REVIEWED, reportVersion(id, ifMatch));
    }

    @Operation(summary = "The office publishes a reviewed report")
    @PostMapping("/reports/{id}/publication")
    @PreAuthorize("hasAuthority('finance:report:review')")
    ConsortiumReports.Report publish(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return reports.advance(id, ConsortiumReports.ReportStatus.PUBLISHED, reportVersion(id, ifMatch));
    }

    private int reportVersion(long id, @Nullable String ifMatch) {
        Integer v = Versions.fromIfMatch(ifMatch);
        return v != null ? v : reports.report(id).version();
    }

    @Operation(summary = "The league table of pairings: credit granted, disbursed, days to credit, needs served")
    @GetMapping("/league")
    @PreAuthorize("hasAuthority('finance:ledger:read')")
    List<ConsortiumReports.Standing> league(@RequestParam(required = false) @Nullable LocalDate on) {
        return reports.league(on == null ? LocalDate.now(clock) : on);
    }
}
