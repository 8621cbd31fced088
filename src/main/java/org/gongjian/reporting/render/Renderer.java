package org.gongjian.reporting.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.gongjian.reporting.Document;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Writes a composed document in each format people ask for: Markdown, printable HTML, PDF and Word. */
@Component
public class Renderer {

    private static final String TEMPLATE = "reporting/document";

    private final ITemplateEngine templates;
    private final Fonts fonts;
    private final DocxWriter docx;

    Renderer(ITemplateEngine templates, Fonts fonts, DocxWriter docx) {
        this.templates = templates;
        this.fonts = fonts;
        this.docx = docx;
    }

    public byte[] render(Document doc, Format format, Locale locale) {
        return switch (format) {
            case MD -> MarkdownWriter.write(doc).getBytes(StandardCharsets.UTF_8);
            case HTML -> html(doc, locale, false).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(doc, locale);
            case DOCX -> docx.write(doc, locale);
        };
    }

    /** The document as a standalone, printable XHTML page. */
    public String html(Document doc, Locale locale, boolean forPdf) {
        return templates.process(TEMPLATE, new Context(locale, Map.of("doc", doc, "pdf", forPdf, "standalone", true)));
    }

    /** A PDF with the CJK font subset-embedded, so that it opens and prints the same anywhere. */
    public byte[] pdf(Document doc, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(fonts.file(), Fonts.FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(fonts.file(), Fonts.FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html(doc, locale, true), null);
            builder.withProducer("Gongjian");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
