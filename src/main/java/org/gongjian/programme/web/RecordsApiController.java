package org.gongjian.programme.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.gongjian.programme.EventData;
import org.gongjian.programme.Honour;
import org.gongjian.programme.HonourData;
import org.gongjian.programme.Milestone;
import org.gongjian.programme.MilestoneData;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeEvent;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeRecords;
import org.gongjian.programme.web.ApiViews.EventView;
import org.gongjian.programme.web.ApiViews.HonourView;
import org.gongjian.programme.web.ApiViews.MilestoneView;
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

/** Milestones, chronicle events (大事记) and honours (试点示范) of a programme, as JSON. */
@RestController
@RequestMapping("/api/v1/programmes/{code}")
@io.swagger.v3.oas.annotations.tags.Tag(name = "records", description = "节点、大事记与试点示范")
class RecordsApiController {

    private final ProgrammeManagement programmes;
    private final ProgrammeRecords records;

    RecordsApiController(ProgrammeManagement programmes, ProgrammeRecords records) {
        this.programmes = programmes;
        this.records = records;
    }

    @GetMapping("/milestones")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    Page<MilestoneView> milestones(@PathVariable String code, @PageableDefault(size = 50) Pageable pageable) {
        Programme programme = programmes.programme(code);
        return page(records.milestones(programme), pageable, this::view);
    }

    @GetMapping("/milestones/{id}")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    ResponseEntity<MilestoneView> milestone(@PathVariable String code, @PathVariable Long id) {
        Milestone milestone = records.milestone(programmes.programme(code), id);
        return ResponseEntity.ok().eTag(Versions.etag(milestone.version())).body(view(milestone));
    }

    @PostMapping("/initiatives/{number}/milestones")
    @PreAuthorize("hasAuthority('programme:initiative:write')")
    ResponseEntity<MilestoneView> createMilestone(@PathVariable String code, @PathVariable int number,
            @Valid @RequestBody MilestoneData data) {
        Milestone milestone = records.createMilestone(code, number, data);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + code + "/milestones/" + milestone.id()))
                .eTag(Versions.etag(milestone.version())).body(view(milestone));
    }

    @PutMapping("/milestones/{id}")
    @PreAuthorize("hasAuthority('programme:initiative:write')")
    ResponseEntity<MilestoneView> updateMilestone(@PathVariable String code, @PathVariable Long id,
            @Valid @RequestBody MilestoneData data,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Milestone milestone = records.updateMilestone(code, id, data, Versions.requireIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(milestone.version())).body(view(milestone));
    }

    @GetMapping("/events")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    Page<EventView> events(@PathVariable String code, @PageableDefault(size = 50) Pageable pageable) {
        return page(records.events(programmes.programme(code)), pageable, this::view);
    }

    @GetMapping("/events/{id}")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    ResponseEntity<EventView> event(@PathVariable String code, @PathVariable Long id) {
        ProgrammeEvent event = records.event(programmes.programme(code), id);
        return ResponseEntity.ok().eTag(Versions.etag(event.version())).body(view(event));
    }

    @PostMapping("/events")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    ResponseEntity<EventView> createEvent(@PathVariable String code, @Valid @RequestBody EventData data) {
        ProgrammeEvent event = records.createEvent(code, data);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + code + "/events/" + event.id()))
                .eTag(Versions.etag(event.version())).body(view(event));
    }

    @PutMapping("/events/{id}")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    ResponseEntity<EventView> updateEvent(@PathVariable String code, @PathVariable Long id,
            @Valid @RequestBody EventData data,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        ProgrammeEvent event = records.updateEvent(code, id, data, Versions.requireIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(event.version())).body(view(event));
    }

    @GetMapping("/honours")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    Page<HonourView> honours(@PathVariable String code, @PageableDefault(size = 50) Pageable pageable) {
        return page(records.honours(programmes.programme(code)), pageable, this::view);
    }

    @GetMapping("/honours/{id}")
    @PreAuthorize("hasAuthority('programme:programme:read')")
    ResponseEntity<HonourView> honour(@PathVariable String code, @PathVariable Long id) {
        Honour honour = records.honour(programmes.programme(code), id);
        return ResponseEntity.ok().eTag(Versions.etag(honour.version())).body(view(honour));
    }

    @PostMapping("/honours")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    ResponseEntity<HonourView> createHonour(@PathVariable String code, @Valid @RequestBody HonourData data) {
        Honour honour = records.createHonour(code, data);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + code + "/honours/" + honour.id()))
                .eTag(Versions.etag(honour.version())).body(view(honour));
    }

    @PutMapping("/honours/{id}")
    @PreAuthorize("hasAuthority('programme:programme:write')")
    ResponseEntity<HonourView> updateHonour(@PathVariable String code, @PathVariable Long id,
            @Valid @RequestBody HonourData data,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Honour honour = records.updateHonour(code, id, data, Versions.requireIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(honour.version())).body(view(honour));
    }

    private MilestoneView view(Milestone milestone) {
        return new MilestoneView(milestone.id(), milestone.version(),
                programmes.initiative(milestone.initiativeId()).number(), milestone.data());
    }

    private EventView view(ProgrammeEvent event) {
        return new EventView(event.id(), event.version(), records.data(event));
    }

    private HonourView view(Honour honour) {
        return new HonourView(honour.id(), honour.version(), records.data(honour));
    }

    private static <T, V> Page<V> page(List<T> all, Pageable pageable, Function<T, V> view) {
        return Pages.of(all, pageable).map(view);
    }
}
