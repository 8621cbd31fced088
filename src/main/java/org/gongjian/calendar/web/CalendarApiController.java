package org.gongjian.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.calendar.WorkCalendar.CalendarYear;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar as JSON: each year's holidays and make-up working days with their notice. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "工作日历：节假日与调休上班日")
class CalendarApiController {

    private final WorkCalendar calendar;

    CalendarApiController(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('calendar:calendar:read')")
    @Operation(summary = "The official working-day calendar by year: holidays and make-up working days, with the notice")
    List<CalendarYear> years() {
        return calendar.years();
    }

    @PutMapping("/{year}")
    @PreAuthorize("hasAuthority('calendar:calendar:manage')")
    @Operation(summary = "Enter or replace a year's holiday notice")
    CalendarYear enterYear(@PathVariable int year, @RequestBody CalendarYear body) {
        return calendar.enterYear(new CalendarYear(year, body.sourceDocument(), body.evidence(), body.days()));
    }
}
