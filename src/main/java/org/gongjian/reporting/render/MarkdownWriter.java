package org.gongjian.reporting.render;

import java.util.Base64;
import org.gongjian.reporting.Document;
import org.gongjian.reporting.Document.Chart;
import org.gongjian.reporting.Document.Fact;
import org.gongjian.reporting.Document.Photo;
import org.gongjian.reporting.Document.Section;
import org.gongjian.reporting.Document.Table;

/** Writes a document as Markdown, laid out like the article: headline, subtitle, lead, numbered sections. */
public final class MarkdownWriter {

    private MarkdownWriter() {
    }

    public static String write(Document doc) {
        StringBuilder md = new StringBuilder();
        Document.Official official = doc.official();
        if (official != null) {
            md.append("**").append(inline(official.mark())).append("**\n\n").append(inline(official.number())).append("\n\n---\n\n");
        }
        md.append("# ").append(inline(doc.title())).append("\n\n");
        if (official != null) {
            md.append(inline(official.addressees())).append("：\n\n");
        }
        if (doc.subtitle() != null) {
            md.append("## ").append(inline(doc.subtitle())).append("\n\n");
        }
        doc.masthead().forEach(line -> md.append("*").append(inline(line)).append("*\n\n"));
        doc.lead().forEach(p -> md.append(inline(p)).append("\n\n"));
        if (doc.credits() != null) {
            md.append(inline(doc.credits())).append("\n\n");
        }
        for (Section s : doc.sections()) {
            md.append(s.level() >= 2 ? "#### " : "### ").append(inline(s.label())).append(inline(s.heading())).append("\n\n");
            s.paragraphs().forEach(p -> md.append(inline(p)).append("\n\n"));
            for (Fact f : s.facts()) {
                md.append("- **").append(inline(f.label())).append("**").append(f.colon()).append(inline(f.text())).append('\n');
            }
            if (!s.facts().isEmpty()) {
                md.append('\n');
            }
            s.tables().forEach(t -> table(md, t));
            for (Chart c : s.charts()) {
                md.append("![").append(inline(c.caption())).append("](data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(c.png())).append(")\n\n");
            }
            for (Photo p : s.photos()) {
                md.append("> ").append(inline(p.caption()));
                if (p.credit() != null) {
                    md.append(inline(p.credit()));
                }
                md.append("\n\n");
            }
        }
        if (official != null) {
            md.append(inline(official.signature())).append("\n\n").append(inline(official.date())).append("\n\n---\n\n");
            if (official.copyTo() != null) {
                md.append("抄送：").append(inline(official.copyTo())).append("。\n\n");
            }
            md.append(inline(official.printedBy())).append("　").append(inline(official.printedOn())).append("\n");
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Table t) {
        md.append("**").append(inline(t.caption())).append("**\n\n");
        md.append("| ").append(String.join(" | ", t.header().stream().map(MarkdownWriter::cell).toList())).append(" |\n");
        md.append("|").append("---|".repeat(t.header().size())).append('\n');
        for (var row : t.rows()) {
            md.append("| ").append(String.join(" | ", row.stream().map(MarkdownWriter::cell).toList())).append(" |\n");
        }
        md.append('\n');
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** Escapes what Markdown would read as markup; Chinese text passes unchanged. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.replace("\r", "").replace("\n", " ").toCharArray()) {
            if ("\\`*_[]<>#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
