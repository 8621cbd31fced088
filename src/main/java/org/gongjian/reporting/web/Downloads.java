package org.gongjian.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.gongjian.organisation.Accounts;
import org.gongjian.reporting.Document;
import org.gongjian.reporting.bulletin.BulletinComposer;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ExcelExports;
import org.gongjian.reporting.excel.ExcelTemplates;
import org.gongjian.reporting.render.Format;
import org.gongjian.reporting.render.Renderer;
import org.gongjian.reporting.review.ReviewComposer;
import org.gongjian.reporting.review.ReviewVariant;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Every file the reports offer, as the response that downloads it under its Chinese name (RFC 6266
 * filename*), never cached: one place serves the pages and the API alike.
 */
@Component
class Downloads {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReviewComposer reviews;
    private final BulletinComposer bulletins;
    private final Renderer renderer;
    private final ExcelExports exports;
    private final ExcelTemplates templates;
    private final ErrorFiles errorFiles;
    private final Accounts accounts;
    private final Clock clock;

    Downloads(ReviewComposer reviews, BulletinComposer bulletins, Renderer renderer, ExcelExports exports,
            ExcelTemplates templates, ErrorFiles errorFiles, Accounts accounts, Clock clock) {
        this.reviews = reviews;
        this.bulletins = bulletins;
        this.renderer = renderer;
        this.exports = exports;
        this.templates = templates;
        this.errorFiles = errorFiles;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The year-end review in a format (md, html, pdf, docx) and a variant (official, working); Word and PDF
     * are the official 公文 unless the working copy is asked for, Markdown and HTML the working copy.
     */
    ResponseEntity<byte[]> review(String code, String format, @Nullable String variant, Locale locale) {
        Format f = Format.parse(format);
        ReviewVariant fallback = f == Format.DOCX || f == Format.PDF ? ReviewVariant.OFFICIAL : ReviewVariant.WORKING;
        return document(reviews.compose(code, locale, ReviewVariant.parse(variant, fallback)), f, locale);
    }

    /** A month's bulletin (month as 2024-09) in a format. */
    ResponseEntity<byte[]> bulletin(String code, String month, String format, Locale locale) {
        Format f = Format.parse(format);
        return document(bulletins.compose(code, Months.parse(month), locale), f, locale);
    }

    /** An Excel list or template of a programme, by its name in the URL. */
    ResponseEntity<byte[]> excel(String code, String what) {
        return switch (what) {
            case "initiatives" -> xlsx(code + "-攻坚任务", exports.initiatives(code));
            case "measurements" -> xlsx(code + "-进展数据", exports.measurements(code));
            case "notices" -> xlsx(code + "-督办单", exports.notices(code));
            case "template-measurements" -> xlsx(code + "-进展数据填报模板", templates.measurements(code));
            case "template-initiatives" -> xlsx(code + "-攻坚任务及指标模板", templates.initiatives(code));
            default -> throw new NotFoundException("error.report.not-found", what);
        };
    }

    /** The audit trail between two dates, both included (default: the last 30 days). */
    ResponseEntity<byte[]> audit(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String entityType) {
        ZoneId zone = clock.getZone();
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        Instant a = start.atStartOfDay(zone).toInstant();
        Instant b = end.plusDays(1).atStartOfDay(zone).toInstant();
        return xlsx("操作日志-" + start + "-" + end, exports.audit(a, b, entityType));
    }

    /** A refused import's marked-up copy, for its uploader only. */
    ResponseEntity<byte[]> errorFile(String id) {
        return xlsx("导入错误说明", errorFiles.load(id, accounts.current().username()));
    }

    private ResponseEntity<byte[]> document(Document doc, Format format, Locale locale) {
        ContentDisposition disposition = (format == Format.HTML ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(doc.fileName() + "." + format.extension(), StandardCharsets.UTF_8).build();
        return file(disposition, format.mediaType(), renderer.render(doc, format, locale));
    }

    /** The template of the accounts import. */
    ResponseEntity<byte[]> accountsTemplate(byte[] body) {
        return xlsx("账号导入模板", body);
    }

    private static ResponseEntity<byte[]> xlsx(String baseName, byte[] body) {
        return file(ContentDisposition.attachment().filename(baseName + ".xlsx", StandardCharsets.UTF_8).build(), XLSX, body);
    }

    private static ResponseEntity<byte[]> file(ContentDisposition disposition, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(type)
                .body(body);
    }
}
