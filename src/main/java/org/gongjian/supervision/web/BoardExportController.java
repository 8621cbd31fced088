package org.gongjian.supervision.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.organisation.Organisation;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.Figures;
import org.gongjian.shared.Qualifier;
import org.gongjian.supervision.InitiativeStanding;
import org.gongjian.supervision.MilestoneStatus;
import org.gongjian.supervision.ProgrammeStatus;
import org.gongjian.supervision.StatusEngine;
import org.gongjian.supervision.TargetStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The warning board (预警看板) as an Excel sheet: every target and milestone that needs attention (or all
 * of them), worst first, with its initiative, lead unit, deadline, days overdue, progress against time
 * progress and the status engine's reason. Text cells only: nothing is read as a formula.
 */
@Controller
class BoardExportController {

    private final StatusEngine engine;
    private final ProgrammeManagement programmes;
    private final Organisation organisation;
    private final MessageSource messages;

    BoardExportController(StatusEngine engine, ProgrammeManagement programmes, Organisation organisation,
            MessageSource messages) {
        this.engine = engine;
        this.programmes = programmes;
        this.organisation = organisation;
        this.messages = messages;
    }

    private record Line(int severity, long daysOverdue, LocalDate due, List<String> cells) {
    }

    @GetMapping("/supervision/board.xlsx")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String programme,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "false") boolean all, Locale locale) {
        List<Programme> list = programmes.programmes(Pageable.unpaged()).getContent();
        Programme chosen = programme == null ? list.get(0) : programmes.programme(programme);
        LocalDate date = asOf == null ? engine.today() : asOf;
        ProgrammeStatus status = engine.status(chosen.code(), date);
        Map<Long, String> units = new HashMap<>();
        organisation.all().forEach(u -> units.put(u.id(), u.displayName(locale)));
        List<Line> lines = new ArrayList<>();
        for (InitiativeStanding i : status.initiatives()) {
            String initiative = i.number() + ". " + i.title();
            String lead = units.getOrDefault(i.leadUnitId(), "");
            for (TargetStatus t : i.targets()) {
                if (all || t.status().needsAttention()) {
                    long overdue = t.deadline().isBefore(date) && t.status() == org.gongjian.supervision.Status.OVERDUE
                            ? java.time.temporal.ChronoUnit.DAYS.between(t.deadline(), date) : 0;
                    lines.add(new Line(t.status().severity(), overdue, t.deadline(), List.of(text(t.status().messageKey(), locale),
                            initiative, text("board.export.kind.target", locale), t.name(), lead, t.deadline().toString(),
                            overdue == 0 ? "" : String.valueOf(overdue),
                            t.actual() == null ? "" : Figures.format(t.actual(), null, t.unit(), Qualifier.EXACT, locale),
                            percent(t.progress()), percent(t.timeProgress()), text(t.reason().messageKey(), locale))));
                }
            }
            for (MilestoneStatus m : i.milestones()) {
                if (all || m.status().needsAttention()) {
                    lines.add(new Line(m.status().severity(), m.daysOverdue(), m.dueDate(), List.of(
                            text(m.status().messageKey(), locale), initiative, text("board.export.kind.milestone", locale),
                            m.title(), lead, m.dueDate().toString(), m.daysOverdue() == 0 ? "" : String.valueOf(m.daysOverdue()),
                            "", "", "", text(m.reason().messageKey(), locale))));
                }
            }
        }
        lines.sort(Comparator.comparingInt(Line::severity).reversed()
                .thenComparing(Comparator.comparingLong(Line::daysOverdue).reversed()).thenComparing(Line::due));
        byte[] body = workbook(text("board.export.title", locale, chosen.title(), date.toString()),
                List.of(text("board.export.header", locale).split("\\|")), lines);
        String name = text("board.export.file", locale, chosen.code(), date.toString()) + ".xlsx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }

    private static byte[] workbook(String title, List<String> header, List<Line> lines) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("预警看板");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(title);
            titleRow.getCell(0).setCellStyle(bold);
            Row head = sheet.createRow(1);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
                head.getCell(c).setCellStyle(bold);
            }
            int r = 2;
            for (Line line : lines) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < line.cells().size(); c++) {
                    row.createCell(c).setCellValue(line.cells().get(c));   // strings: never a formula
                }
            }
            sheet.createFreezePane(0, 2);
            int[] widths = {8, 30, 8, 36, 16, 12, 8, 14, 10, 10, 40};
            for (int c = 0; c < widths.length && c < header.size(); c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(1, Math.max(1, r - 1), 0, header.size() - 1));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String percent(@Nullable Double fraction) {
        return fraction == null ? "" : Figures.plain(BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP)) + "%";
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
