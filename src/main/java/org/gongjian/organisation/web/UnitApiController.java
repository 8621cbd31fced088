package org.gongjian.organisation.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import java.net.URI;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.organisation.UnitData;
import org.gongjian.organisation.UnitKind;
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

/** Units (departments, towns, committees, consortia, outside bodies) as JSON. */
@RestController
@RequestMapping("/api/v1/units")
@io.swagger.v3.oas.annotations.tags.Tag(name = "units", description = "单位")
class UnitApiController {

    private final Organisation organisation;

    UnitApiController(Organisation organisation) {
        this.organisation = organisation;
    }

    record UnitView(long id, int version, @JsonUnwrapped UnitData data) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('organisation:unit:read')")
    Page<UnitView> list(@RequestParam(required = false) @Nullable UnitKind kind,
            @PageableDefault(size = 50, sort = "code") Pageable pageable) {
        return organisation.list(kind, pageable).map(this::view);
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('organisation:unit:read')")
    ResponseEntity<UnitView> get(@PathVariable String code) {
        Unit unit = organisation.unit(code);
        return ResponseEntity.ok().eTag(Versions.etag(version(unit))).body(view(unit));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('organisation:unit:write')")
    ResponseEntity<UnitView> create(@Valid @RequestBody UnitData data) {
        Unit unit = organisation.create(data);
        return ResponseEntity.created(URI.create("/api/v1/units/" + unit.code())).body(view(unit));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('organisation:unit:write')")
    ResponseEntity<UnitView> update(@PathVariable String code, @Valid @RequestBody UnitData data,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Unit unit = organisation.update(code, data, Versions.requireIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(version(unit))).body(view(unit));
    }

    private UnitView view(Unit unit) {
        return new UnitView(unit.id(), version(unit), UnitData.of(unit, organisation.parentCode(unit)));
    }

    private static int version(Unit unit) {
        return unit.version() == null ? 0 : unit.version();
    }
}
