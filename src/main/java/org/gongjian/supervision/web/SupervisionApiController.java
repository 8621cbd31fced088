package org.gongjian.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.Evidence;
import org.gongjian.supervision.NoticeSweep;
import org.gongjian.supervision.PolicyParameter;
import org.gongjian.supervision.PolicyParameters;
import org.gongjian.supervision.StatusEngine;
import org.gongjian.supervision.TargetChart;
import org.gongjian.supervision.TrajectoryKind;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Status, forecasts, policy parameters and the sweep, as JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "supervision", description = "督查督办：进度状态、预测、政策参数")
class SupervisionApiController {

    private final StatusEngine engine;
    private final PolicyParameters policies;
    private final NoticeSweep sweep;

    private final org.gongjian.supervision.StatusWords words;

    SupervisionApiController(StatusEngine engine, PolicyParameters policies, NoticeSweep sweep,
            org.gongjian.supervision.StatusWords words) {
        this.words = words;
        this.engine = engine;
        this.policies = policies;
        this.sweep = sweep;
    }

    @GetMapping("/programmes/{code}/status")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    @Operation(summary = "Per target: planned, actual, progress, time progress, forecast with interval and probability, "
            + "status; per initiative the worst status. asOf recomputes it as it stood at the end of that date.")
    StatusAnswer status(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            java.util.Locale locale) {
        return StatusAnswer.of(engine.status(code, asOf == null ? engine.today() : asOf), words, locale);
    }

    @GetMapping("/programmes/{code}/targets/{target}/chart")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    @Operation(summary = "A target's chart: planned path, measurements, forecast line and interval to the deadline")
    TargetChart chart(@PathVariable String code, @PathVariable String target,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return engine.chart(code, target, asOf == null ? engine.today() : asOf);
    }

    /** The planned path chosen for a target; null returns it to the default. */
    record TrajectoryChoice(@Nullable TrajectoryKind kind) {
    }

    @PutMapping("/programmes/{code}/targets/{target}/trajectory")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    @Operation(summary = "Choose a target's planned path: LINEAR, PLANNED_POINTS or MILESTONE_STEPS (null: default)")
    TargetChart chooseTrajectory(@PathVariable String code, @PathVariable String target,
            @RequestBody TrajectoryChoice choice) {
        engine.chooseTrajectory(code, target, choice.kind());
        return engine.chart(code, target, engine.today());
    }

    @GetMapping("/programmes/{code}/policy")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    @Operation(summary = "The policy parameters in force for a programme on a date, each with its source document")
    List<PolicyParameter> policy(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {
        return policies.effective(code, on == null ? engine.judgedOn(code) : on);
    }

    @GetMapping("/programmes/{code}/policy/history")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    @Operation(summary = "Every version of the policy parameters that apply to a programme")
    List<PolicyParameter> policyHistory(@PathVariable String code) {
        return policies.history(code);
    }

    /** A new version of a parameter. */
    record NewValueForm(@NotBlank @Size(max = 200) String value, @NotNull LocalDate validFrom,
            @NotBlank @Size(max = 500) String sourceDocument, @NotNull Evidence evidence, @Size(max = 1000) @Nullable String note) {
    }

    @PostMapping("/programmes/{code}/policy/{key}")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    @Operation(summary = "Set a programme's own value of a parameter from a date, closing the version then in force")
    PolicyParameter setPolicy(@PathVariable String code, @PathVariable String key, @Valid @RequestBody NewValueForm form) {
        return policies.set(code, key, new PolicyParameters.NewValue(form.value(), form.validFrom(), form.sourceDocument(),
                form.evidence(), form.note()));
    }

    @PostMapping("/supervision/sweep")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    @Operation(summary = "Run the daily sweep now (raises and escalates notices); refused while another instance sweeps")
    NoticeSweep.Result sweep() {
        return sweep.sweepLocked(null).orElseThrow(() -> new ConflictException("error.notice.sweep-running"));
    }

    @PostMapping("/programmes/{code}/sweep")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    @Operation(summary = "Sweep one programme now, whether under way or not")
    NoticeSweep.Result sweepProgramme(@PathVariable String code) {
        return sweep.sweepLocked(code).orElseThrow(() -> new ConflictException("error.notice.sweep-running"));
    }
}
