package org.gongjian.roads.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gongjian.roads.RoadIssues;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public report page (随手拍): no login; a photo and a position are required; at most a few reports
 * per address and hour (in memory, per instance). The report waits for the road office to accept it.
 */
@Controller
class PublicReportController {

    private final RoadIssues issues;
    private final MessageSource messages;
    private final Clock clock;
    private final int perHour;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    PublicReportController(RoadIssues issues, MessageSource messages, Clock clock,
            @Value("${gongjian.roads.public-reports-per-hour:5}") int perHour) {
        this.issues = issues;
        this.messages = messages;
        this.clock = clock;
        this.perHour = perHour;
    }

    @GetMapping("/roads/report")
    @PreAuthorize("permitAll()")
    String form(Model model) {
        model.addAttribute("categories", RoadIssues.Category.values());
        return "roads/report";
    }

    @PostMapping("/roads/report")
    @PreAuthorize("permitAll()")
    String report(@RequestParam(required = false) RoadIssues.@Nullable Category category,
            @RequestParam(required = false) @Nullable String description, @RequestParam(required = false) @Nullable BigDecimal lat,
            @RequestParam(required = false) @Nullable BigDecimal lng, @RequestParam(required = false) @Nullable String contact,
            @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
            HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        model.addAttribute("categories", RoadIssues.Category.values());
        model.addAttribute("description", description);
        model.addAttribute("contact", contact);
        if (!allow(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("errors", List.of(messages.getMessage("roads.report.too-many", new Object[] {perHour}, locale)));
            return "roads/report";
        }
        try {
            RoadIssues.Issue issue = issues.reportPublic(category, description, lat, lng, contact, RoadsApiController.uploads(photos));
            model.addAttribute("reported", issue.id());
            model.addAttribute("description", null);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", RoadsSupport.texts(messages, e, locale));
        }
        return "roads/report";
    }

    /** Counts an attempt from an address; false once the hour's allowance is used. */
    boolean allow(String address) {
        Instant now = Instant.now(clock);
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                return false;
            }
            times.addLast(now);
        }
        if (recent.size() > 10_000) {
            recent.entrySet().removeIf(e -> e.getValue().isEmpty());
        }
        return true;
    }
}
