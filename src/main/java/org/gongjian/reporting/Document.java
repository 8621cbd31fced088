package org.gongjian.reporting;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A report composed from data, ready to be written as Markdown, HTML, PDF or Word: a headline, an
 * optional subtitle and lines under it, lead paragraphs, and numbered sections. The year-end review and
 * the monthly bulletin are both documents; nothing of them is ever stored as text.
 */
public record Document(String title, @Nullable String subtitle, List<String> masthead, List<String> lead,
        @Nullable String credits, List<Section> sections, String fileName, @Nullable Official official) {

    /** A document without the parts of a 公文 (a working copy, a bulletin). */
    public Document(String title, @Nullable String subtitle, List<String> masthead, List<String> lead,
            @Nullable String credits, List<Section> sections, String fileName) {
        this(title, subtitle, masthead, lead, credits, sections, fileName, null);
    }

    /**
     * The parts that make a document a 公文 under GB/T 9704, each printed where the standard puts it:
     * the red 发文机关标志 and the 发文字号 above the red rule, the 主送机关 under the title, the 落款
     * (发文机关署名) and 成文日期 after the text, and the 版记 (抄送, 印发机关 and 印发日期) at the end.
     */
    public record Official(String mark, String number, String addressees, String signature, String date,
            @Nullable String copyTo, String printedBy, String printedOn) {
    }

    /**
     * A numbered part: its heading, paragraphs, labelled facts (关键数据: …), tables, charts and photo
     * captions. The label is the number as printed ("3." or "一、"); the level is 1 for 一、 and 2 for （一）.
     */
    public record Section(int level, String label, String heading, List<String> paragraphs, List<Fact> facts,
            List<Table> tables, List<Chart> charts, List<Photo> photos) {

        /** A top-level section (一、 or 1.). */
        public Section(String label, String heading, List<String> paragraphs, List<Fact> facts,
                List<Table> tables, List<Chart> charts, List<Photo> photos) {
            this(1, label, heading, paragraphs, facts, tables, charts, photos);
        }

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

        /**
         * Each column's share of the width in per cent. A column's need is its longest cell, header included
         * (a Chinese character counts one, a Latin one about half). Short columns (1, 逾期, 赤水镇, 11月30日)
         * get all they need so that they never wrap; the long ones (capped at 20 characters) share the rest
         * of the line in proportion. Only when that rest is too small are all scaled alike.
         */
        public List<Integer> widths() {
            double[] need = new double[header.size()];
            for (int c = 0; c < need.length; c++) {
                double longest = length(header.get(c));
                for (List<String> row : rows) {
                    longest = Math.max(longest, c < row.size() ? length(row.get(c)) : 0);
                }
                need[c] = Math.max(2.5, Math.min(20, longest));
            }
            double fixed = 0;
            double flexible = 0;
            for (double n : need) {
                fixed += n <= SHORT ? n : 0;
                flexible += n > SHORT ? n : 0;
            }
            double[] width = need.clone();
            double room = LINE - fixed;
            if (flexible > 0 && room >= flexible / 4) {
                for (int c = 0; c < width.length; c++) {
                    width[c] = need[c] > SHORT ? need[c] / flexible * room : need[c];
                }
            }
            // Whole per cents that add up to 100: floors, then the rest to the largest remainders.
            double total = java.util.Arrays.stream(width).sum();
            int[] percent = new int[width.length];
            Integer[] order = new Integer[width.length];
            int left = 100;
            for (int c = 0; c < width.length; c++) {
                percent[c] = (int) Math.floor(100 * width[c] / total);
                left -= percent[c];
                order[c] = c;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(c -> percent[c] - 100 * width[c] / total));
            for (int i = 0; i < left; i++) {
                percent[order[i]]++;
            }
            return java.util.Arrays.stream(percent).boxed().toList();
        }

        /** About how many characters of table text, with cell padding, a line of the type area holds. */
        private static final double LINE = 40;
        /** Columns needing at most this many characters are never squeezed. */
        private static final double SHORT = 7;

        private static double length(String text) {
            return text.codePoints().mapToDouble(ch -> ch < 0x2E80 ? 0.55 : 1).sum() + 1;   // + the cell's padding
        }
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
