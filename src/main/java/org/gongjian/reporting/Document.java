package org.gongjian.reporting;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A report composed from data, ready to be written as Markdown, HTML, PDF or Word: a headline, an
 * optional subtitle and lines under it, lead paragraphs, and numbered sections. The year-end review and
 * the monthly bulletin are both documents; nothing of them is ever stored as text.
 */
public record Document(String title, @Nullable String subtitle, List<String> masthead, List<String> lead,
        @Nullable String credits, List<Section> sections, String fileName) {

    /**
     * A numbered part: its heading, paragraphs, labelled facts (关键数据: …), tables, charts and photo
     * captions. The label is the number as printed ("3." or "一、").
     */
    public record Section(String label, String heading, List<String> paragraphs, List<Fact> facts,
            List<Table> tables, List<Chart> charts, List<Photo> photos) {

        public static Section text(String label, String heading, List<String> paragraphs) {
            return new Section(label, heading, paragraphs, List.of(), List.of(), List.of(), List.of());
        }
    }

    /** A labelled line: 关键数据：计划总投资约68亿元, or Key figures: …. */
    public record Fact(String label, String text) {

        /** The colon of the label's language: full-width after Chinese, ": " after other text. */
        public String colon() {
            char last = label.isEmpty() ? ' ' : label.charAt(label.length() - 1);
            return Character.UnicodeScript.of(last) == Character.UnicodeScript.HAN ? "：" : ": ";
        }

        public String prefix() {
            return label + colon();
        }
    }

    /** A table with a caption, a header row and rows of cells. */
    public record Table(String caption, List<String> header, List<List<String>> rows) {
    }

    /** A chart drawn as a PNG image, with its caption as alternative text. */
    public record Chart(String caption, byte[] png, int width, int height) {

        /** The image as a data URI, so that HTML and PDF carry it inline. */
        public String dataUri() {
            return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
        }
    }

    /** A photo's caption and credit as the article prints it: 周华东摄. */
    public record Photo(String caption, @Nullable String credit) {
    }
}
