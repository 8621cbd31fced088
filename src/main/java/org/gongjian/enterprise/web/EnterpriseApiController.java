package org.gongjian.enterprise.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.EnterpriseFigure;
import org.gongjian.enterprise.EnterpriseFigures;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.FigureData;
import org.gongjian.enterprise.FigureSource;
import org.gongjian.enterprise.RegisterFilter;
import org.gongjian.shared.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The enterprise register as JSON. */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "enterprise", description = "企业库：按统一社会信用代码登记的企业")
class EnterpriseApiController {

    private final Enterprises enterprises;
    private final EnterpriseFigures figures;

    EnterpriseApiController(Enterprises enterprises, EnterpriseFigures figures) {
        this.enterprises = enterprises;
        this.figures = figures;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('enterprise:enterprise:read')")
    @Operation(summary = "Search the register by part of the name or credit code, town, park, GB/T 4754 code prefix, "
            + "cluster, above-scale and listed flags (paginated)")
    Page<Enterprise> search(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String town, @RequestParam(required = false) @Nullable String park,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String cluster,
            @RequestParam(required = false) @Nullable Boolean aboveScale,
            @RequestParam(required = false) @Nullable Boolean listed, @PageableDefault(size = 20) Pageable pageable) {
        return enterprises.search(new RegisterFilter(q, town, park, industry, cluster, aboveScale, listed), pageable);
    }

    @GetMapping("/{uscc}/figures")
    @PreAuthorize("hasAuthority('enterprise:enterprise:read')")
    @Operation(summary = "An enterprise's yearly and monthly figures, latest year first (exports in US dollars)")
    List<EnterpriseFigure> figures(@PathVariable String uscc) {
        return figures.of(enterprises.byUscc(uscc).id());
    }

    @PutMapping("/{uscc}/figures")
    @PreAuthorize("hasAuthority('enterprise:figure:write')")
    @Operation(summary = "Enter an enterprise's figures for a year (month empty) or a month; a town's staff for its own "
            + "firms only. Send If-Match with the version you read when replacing a figure.")
    ResponseEntity<EnterpriseFigure> recordFigures(@PathVariable String uscc, @RequestBody FigureData body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        EnterpriseFigure f = figures.record(uscc, body, FigureSource.MANUAL, false, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(f.version())).body(f);
    }

    @GetMapping("/{uscc}")
    @PreAuthorize("hasAuthority('enterprise:enterprise:read')")
    @Operation(summary = "An enterprise by its unified social credit code")
    ResponseEntity<Enterprise> get(@PathVariable String uscc) {
        Enterprise e = enterprises.byUscc(uscc);
        return ResponseEntity.ok().eTag(Versions.etag(e.version())).body(e);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('enterprise:enterprise:write')")
    @Operation(summary = "Register an enterprise (a wrong check character of the credit code is a field error)")
    ResponseEntity<Enterprise> register(@RequestBody EnterpriseData body) {
        Enterprise e = enterprises.register(body, false);
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + e.uscc())).eTag(Versions.etag(e.version()))
                .body(e);
    }

    @PutMapping("/{uscc}")
    @PreAuthorize("hasAuthority('enterprise:enterprise:write')")
    @Operation(summary = "Update an enterprise (send If-Match with the ETag you read)")
    ResponseEntity<Enterprise> update(@PathVariable String uscc, @RequestBody EnterpriseData body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Enterprise e = enterprises.update(uscc, body, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(e.version())).body(e);
    }
}
