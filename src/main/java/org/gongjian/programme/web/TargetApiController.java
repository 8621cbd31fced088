package org.gongjian.programme.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.gongjian.programme.Indicator;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.NewMeasurement;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetData;
import org.gongjian.programme.TargetManagement;
import org.gongjian.programme.web.ApiViews.TargetView;
import org.gongjian.shared.Pages;
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
import org.springframework.web.bind.annotation.RestController;

/** Targets (指标), their measurements, and the indicator catalogue, as JSON. */
@RestController
@RequestMapping("/api/v1")
@io.swagger.v3.oas.annotations.tags.Tag(name = "targets", description = "指标、进展数据与指标目录")
class TargetApiController {

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;

    TargetApiController(ProgrammeManagement programmes, TargetManagement targets) {
        this.programmes = programmes;
        this.targets = targets;
    }

    @GetMapping("/programmes/{code}/targets")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    Page<TargetView> list(@PathVariable String code, @PageableDefault(size = 50) Pageable pageable) {
        Programme programme = programmes.programme(code);
        return Pages.of(targets.targets(programme), pageable).map(t -> view(programme, t));
    }

    @GetMapping("/programmes/{code}/targets/{target}")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    ResponseEntity<TargetView> get(@PathVariable String code, @PathVariable("target") String targetCode) {
        Programme programme = programmes.programme(code);
        Target target = targets.target(programme, targetCode);
        return ResponseEntity.ok().eTag(Versions.etag(target.version())).body(view(programme, target));
    }

    @PostMapping("/programmes/{code}/initiatives/{number}/targets")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    ResponseEntity<TargetView> create(@PathVariable String code, @PathVariable int number,
            @Valid @RequestBody TargetData data) {
        Target target = targets.create(code, number, data);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + code + "/targets/" + target.code()))
                .eTag(Versions.etag(target.version())).body(view(programmes.programme(code), target));
    }

    @PutMapping("/programmes/{code}/targets/{target}")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    ResponseEntity<TargetView> update(@PathVariable String code, @PathVariable("target") String targetCode,
            @Valid @RequestBody TargetData data,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Target target = targets.update(code, targetCode, data, Versions.requireIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(target.version())).body(view(programmes.programme(code), target));
    }

    @GetMapping("/programmes/{code}/targets/{target}/measurements")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    Page<Measurement> measurements(@PathVariable String code, @PathVariable("target") String targetCode,
            @PageableDefault(size = 50) Pageable pageable) {
        return targets.measurements(targets.target(programmes.programme(code), targetCode), pageable);
    }

    @PostMapping("/programmes/{code}/targets/{target}/measurements")
    @PreAuthorize("hasAuthority('programme:measurement:create')")
    ResponseEntity<Measurement> report(@PathVariable String code, @PathVariable("target") String targetCode,
            @Valid @RequestBody NewMeasurement report) {
        Measurement saved = targets.report(code, targetCode, report);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + code + "/targets/" + targetCode
                + "/measurements/" + saved.id())).body(saved);
    }

    /**
     * Corrects a figure with a new one that supersedes it; {@code reason} is required; by its reporter within the
     * correction window, by the office at any time.
     */
    @PostMapping("/programmes/{code}/targets/{target}/measurements/{id}/correction")
    @PreAuthorize("hasAuthority('programme:measurement:create')")
    ResponseEntity<Measurement> correct(@PathVariable String code, @PathVariable("target") String targetCode,
            @PathVariable long id, @Valid @RequestBody NewMeasurement correction) {
        Measurement saved = targets.correct(code, targetCode, id, correction);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + code + "/targets/" + targetCode
                + "/measurements/" + saved.id())).body(saved);
    }

    /** Why a figure is withdrawn. */
    record Withdrawal(@jakarta.validation.constraints.Size(max = 2000) @Nullable String reason) {
    }

    /** Withdraws a figure: a record that supersedes it and counts as no figure; same rules as a correction. */
    @PostMapping("/programmes/{code}/targets/{target}/measurements/{id}/withdrawal")
    @PreAuthorize("hasAuthority('programme:measurement:create')")
    ResponseEntity<Measurement> withdraw(@PathVariable String code, @PathVariable("target") String targetCode,
            @PathVariable long id, @Valid @RequestBody Withdrawal withdrawal) {
        Measurement saved = targets.withdraw(code, targetCode, id, withdrawal.reason());
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + code + "/targets/" + targetCode
                + "/measurements/" + saved.id())).body(saved);
    }

    @GetMapping("/indicators")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    List<Indicator> indicators() {
        return targets.indicators();
    }

    private TargetView view(Programme programme, Target target) {
        return new TargetView(target.id(), target.version(), programme.code(),
                programmes.initiative(target.initiativeId()).number(), targets.data(target));
    }
}
