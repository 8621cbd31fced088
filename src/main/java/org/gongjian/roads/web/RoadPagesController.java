package org.gongjian.roads.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.roads.DemoRoads;
import org.gongjian.roads.Grade;
import org.gongjian.roads.IssueStatus;
import org.gongjian.roads.Patrols;
import org.gongjian.roads.RoadAccess;
import org.gongjian.roads.RoadChiefs;
import org.gongjian.roads.RoadConditions;
import org.gongjian.roads.RoadIndicators;
import org.gongjian.roads.RoadIssues;
import org.gongjian.roads.RoadLevel;
import org.gongjian.roads.RoadRegister;
import org.gongjian.roads.Severity;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.TileSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The road office's pages: dashboard, register with its map, chiefs and coverage, the defect board and a defect. */
@Controller
class RoadPagesController {

    private final RoadRegister register;
    private final RoadChiefs chiefs;
    private final RoadIssues issues;
    private final Patrols patrols;
    private final RoadConditions conditions;
    private final DemoRoads demoRoads;
    private final RoadIndicators indicators;
    private final RoadAccess access;
    private final Organisation organisation;
    private final MessageSource messages;
    private final JsonMapper json;
    /** An XYZ tile URL for the map's background, empty for the plain offline background. */
    private final String tileUrl;
    private final String tileAttribution;

    RoadPagesController(RoadRegister register, RoadChiefs chiefs, RoadIssues issues, Patrols patrols,
            RoadConditions conditions, DemoRoads demoRoads, RoadIndicators indicators, RoadAccess access,
            Organisation organisation, MessageSource messages, JsonMapper json,
            @Value("${gongjian.roads.map.tile-url:}") String tileUrl,
            @Value("${gongjian.roads.map.tile-attribution:}") String tileAttribution) {
        this.register = register;
        this.chiefs = chiefs;
        this.issues = issues;
        this.patrols = patrols;
        this.conditions = conditions;
        this.demoRoads = demoRoads;
        this.indicators = indicators;
        this.access = access;
        this.organisation = organisation;
        this.messages = messages;
        this.json = json;
        this.tileUrl = TileSource.of(tileUrl).map(TileSource::url).orElse("");
        this.tileAttribution = tileAttribution.strip();
    }

    /** A town's row on the dashboard: each indicator's figure, blank where there is none. */
    record TownRow(String code, String name, Map<String, BigDecimal> figures) {
    }

    @GetMapping("/roads")
    @PreAuthorize("hasAuthority('roads:register:read')")
    String dashboard(Model model) {
        LocalDate today = LocalDate.now();
        Map<String, String> names = townNames();
        Map<String, TownRow> rows = new LinkedHashMap<>();
        Map<String, BigDecimal> city = new LinkedHashMap<>();
        for (RoadIndicators.Figure f : indicators.figures(today)) {
            if (f.indicator().equals(RoadIndicators.RENOVATED_KM) && f.asOf().getYear() != today.getYear()
                    && !f.asOf().equals(LocalDate.of(f.asOf().getYear(), 12, 31))) {
                continue;   // a past year's month-ends: the year's total is enough here
            }
            String key = f.indicator().equals(RoadIndicators.RENOVATED_KM) ? f.indicator() + "@" + f.asOf().getYear() : f.indicator();
            if (f.unit().isEmpty()) {
                city.put(key, f.value());
            } else {
                rows.computeIfAbsent(f.unit(), u -> new TownRow(u, names.getOrDefault(u, u), new LinkedHashMap<>()))
                        .figures().put(key, f.value());
            }
        }
        Map<IssueStatus, Long> byStatus = new EnumMap<>(IssueStatus.class);
        long overdue = 0;
        for (RoadIssues.Issue i : issues.issues(null)) {
            byStatus.merge(i.status(), 1L, Long::sum);
            overdue += i.overdue(today) ? 1 : 0;
        }
        List<Integer> years = new ArrayList<>(city.keySet().stream().filter(k -> k.startsWith(RoadIndicators.RENOVATED_KM + "@"))
                .map(k -> Integer.valueOf(k.substring(k.indexOf('@') + 1))).sorted().toList());
        model.addAttribute("city", city);
        model.addAttribute("towns", rows.values().stream().sorted(java.util.Comparator.comparing(TownRow::code)).toList());
        model.addAttribute("renovatedYears", years);
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("overdue", overdue);
        model.addAttribute("demoRoads", demoRoads.roads());
        model.addAttribute("townNames", names);
        model.addAttribute("today", today);
        return "roads/dashboard";
    }

    /** A segment as the map draws it. */
    record MapLine(String name, String grade, List<List<Double>> coords) {
    }

    @GetMapping("/roads/register")
    @PreAuthorize("hasAuthority('roads:register:read')")
    String registerPage(@RequestParam(required = false) @Nullable RoadLevel level,
            @PageableDefault(size = 30) Pageable pageable, Model model, Locale locale) {
        Integer year = conditions.latestYear();
        Map<Long, Grade> grades = year == null ? Map.of() : conditions.segmentGrades(year);
        List<MapLine> lines = new ArrayList<>();
        for (RoadRegister.Segment s : register.visibleSegments()) {
            if (s.geometry() == null) {
                continue;
            }
            try {
                tools.jackson.databind.JsonNode coords = json.readTree(s.geometry()).get("coordinates");
                List<List<Double>> points = new ArrayList<>();
                coords.forEach(c -> points.add(List.of(c.get(0).asDouble(), c.get(1).asDouble())));
                Grade g = grades.get(s.id());
                lines.add(new MapLine(s.routeCode() + " " + s.routeName() + " " + s.stakes(), g == null ? "NONE" : g.name(), points));
            } catch (RuntimeException ignored) {
                // geometry is checked on the way in; an unreadable one is not drawn
            }
        }
        model.addAttribute("page", register.routes(level, pageable));
        model.addAttribute("level", level);
        model.addAttribute("levels", RoadLevel.values());
        model.addAttribute("mapJson", json.writeValueAsString(lines));
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        model.addAttribute("year", year);
        model.addAttribute("office", access.office());
        model.addAttribute("lengths", register.lengthByTown());
        model.addAttribute("grades", Grade.values());
        return "roads/register";
    }

    /** A segment row with its chiefs and grade. */
    record SegmentRow(RoadRegister.Segment segment, List<RoadChiefs.Chief> chiefs, @Nullable Grade grade, String town) {
    }

    @GetMapping("/roads/routes/{routeCode}")
    @PreAuthorize("hasAuthority('roads:register:read')")
    String route(@PathVariable String routeCode, Model model) {
        RoadRegister.Route route = register.route(routeCode);
        LocalDate today = LocalDate.now();
        Integer year = conditions.latestYear();
        Map<Long, Grade> grades = year == null ? Map.of() : conditions.segmentGrades(year);
        Map<String, String> names = townNames();
        model.addAttribute("route", route);
        model.addAttribute("rows", register.segments(route.id()).stream()
                .map(s -> new SegmentRow(s, chiefs.chiefsOf(s, today), grades.get(s.id()), names.getOrDefault(s.townCode(), s.townCode())))
                .toList());
        return "roads/route";
    }

    @GetMapping("/roads/chiefs")
    @PreAuthorize("hasAuthority('roads:register:read')")
    String chiefsPage(Model model) {
        LocalDate today = LocalDate.now();
        model.addAttribute("chiefs", chiefs.chiefs());
        model.addAttribute("coverage", chiefs.coverage(today));
        model.addAttribute("compliance", patrols.lastComplete(today));
        model.addAttribute("townNames", townNames());
        Map<Long, String> chiefNames = new LinkedHashMap<>();
        chiefs.chiefs().forEach(c -> chiefNames.put(c.id(), c.name()));
        model.addAttribute("chiefNames", chiefNames);
        model.addAttribute("office", access.office());
        model.addAttribute("patrols", patrols.recent(20));
        return "roads/chiefs";
    }

    /** A patrol as the office sees it: who, when, how far, and the photos taken. */
    @GetMapping("/roads/patrols/{id}")
    @PreAuthorize("hasAuthority('roads:register:read')")
    String patrolPage(@PathVariable long id, Model model) {
        Patrols.Patrol patrol = patrols.visible(id);
        model.addAttribute("patrol", patrol);
        model.addAttribute("chief", patrol.chiefId() == null ? null : chiefs.find(patrol.chiefId()));
        model.addAttribute("photos", patrols.photos(id));
        return "roads/patrol-view";
    }

    @GetMapping("/roads/issues")
    @PreAuthorize("hasAuthority('roads:register:read')")
    String board(Model model) {
        LocalDate today = LocalDate.now();
        Map<IssueStatus, List<RoadIssues.Issue>> columns = new LinkedHashMap<>();
        for (IssueStatus s : List.of(IssueStatus.REPORTED, IssueStatus.ACCEPTED, IssueStatus.ASSIGNED, IssueStatus.IN_PROGRESS,
                IssueStatus.RECTIFIED, IssueStatus.VERIFIED, IssueStatus.CLOSED)) {
            columns.put(s, new ArrayList<>());
        }
        for (RoadIssues.Issue i : issues.issues(null)) {
            List<RoadIssues.Issue> column = columns.get(i.status());
            if (column != null && (i.status() != IssueStatus.CLOSED || column.size() < 20)) {
                column.add(i);
            }
        }
        model.addAttribute("columns", columns);
        model.addAttribute("today", today);
        model.addAttribute("townNames", townNames());
        return "roads/issues";
    }

    @GetMapping("/roads/issues/{id}")
    @PreAuthorize("hasAuthority('roads:register:read')")
    String issue(@PathVariable long id, Model model) {
        RoadIssues.Issue issue = issues.issue(id);
        model.addAttribute("issue", issue);
        model.addAttribute("segment", issue.segmentId() == null ? null : register.segment(issue.segmentId()));
        model.addAttribute("events", issues.events(id));
        model.addAttribute("before", RoadsSupport.photoIds(issues, id, false));
        model.addAttribute("after", RoadsSupport.photoIds(issues, id, true));
        model.addAttribute("office", access.office());
        model.addAttribute("mayHandle", issues.mayHandle(issue));
        model.addAttribute("segments", access.office() ? register.segments() : List.of());
        model.addAttribute("towns", organisation.townLevelUnits());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("townNames", townNames());
        return "roads/issue";
    }

    @PostMapping("/roads/issues/{id}/{action}")
    @PreAuthorize("hasAuthority('roads:issue:handle')")
    String step(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable Long segmentId, @RequestParam(required = false) @Nullable BigDecimal stakeKm,
            @RequestParam(required = false) @Nullable Severity severity, @RequestParam(required = false) @Nullable String unitCode,
            @RequestParam(required = false) @Nullable Long duplicateOf,
            @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
            RedirectAttributes flash, Locale locale) {
        try {
            switch (action) {
                case "accept" -> issues.accept(id, segmentId, stakeKm, severity, null, note);
                case "reject" -> issues.reject(id, note);
                case "duplicate" -> issues.duplicate(id, duplicateOf == null ? -1 : duplicateOf, note);
                case "assign" -> issues.assign(id, unitCode == null ? "" : unitCode, note);
                case "start" -> issues.start(id, note);
                case "rectify" -> issues.rectify(id, note, RoadsApiController.uploads(photos));
                case "verify" -> issues.verify(id, note);
                case "rework" -> issues.rework(id, note);
                case "close" -> issues.close(id, note);
                default -> throw new InvalidInputException("action", "roads.error.action", action);
            }
            flash.addFlashAttribute("saved", messages.getMessage("roads.issue.saved", null, locale));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", RoadsSupport.texts(messages, e, locale));
        }
        return "redirect:/roads/issues/" + id;
    }

    @GetMapping("/roads/photos/{id}")
    @PreAuthorize("hasAuthority('roads:register:read')")
    org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> photo(@PathVariable long id) {
        return RoadsSupport.photo(issues, id);
    }

    Map<String, String> townNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Unit u : organisation.all()) {
            names.put(u.code(), u.shortName());
        }
        return names;
    }
}
