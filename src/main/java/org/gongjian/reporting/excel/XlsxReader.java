package org.gongjian.reporting.excel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an .xlsx row by row with a SAX parser over the sheet XML (Apache POI's XSSFReader), so that memory
 * stays flat however long the sheet. It refuses, with a message naming the problem, files that are not
 * .xlsx (.xls included), corrupt or truncated archives, zip bombs (POI's inflate-ratio and entry-size
 * limits), and sheets with more rows than allowed. Formula cells are reported as such, never evaluated.
 */
@org.springframework.modulith.NamedInterface("xlsx")
public final class XlsxReader {

    /** How much a file may hold. */
    public record Limits(long maxBytes, int maxRows, long maxEntryBytes) {
    }

    /** The most characters a cell may hold: Excel's own limit. A longer cell is kept cut short and refused as a row error. */
    public static final int MAX_CELL_CHARS = 32_767;
    /** The most characters the shared strings of one file may hold in all: beyond, the file is refused. */
    static final long MAX_SHARED_CHARS = 32L * 1024 * 1024;

    /**
     * A cell as read: its kind, its text as shown, and its number or date when it has one. A number, its text
     * and a date are worked out from the stored digits when first asked for: most cells of a large sheet are
     * never asked (a row's 序号, a name kept for the reader's eye).
     */
    public static final class Cell {

        public enum Kind { TEXT, NUMBER, DATE, BOOLEAN, FORMULA, ERROR }

        /** Serial day numbers count from 1899-12-30 (from 1 March 1900 on); 1970-01-01 is day 25569. */
        private static final long SERIAL_OF_EPOCH = 25_569;
        private static final double FIRST_PLAIN_SERIAL = 61;
        /** The day after 9999-12-31, Excel's last date. */
        private static final double LAST_SERIAL = 2_958_466;

        private final Kind kind;
        /** The text, or for a number or date the digits as stored (6.8E9, 45000). */
        private final String raw;
        private @Nullable String text;
        private @Nullable BigDecimal number;
        private @Nullable LocalDate date;
        private final boolean tooLong;

        Cell(Kind kind, String raw) {
            this(kind, raw, false);
        }

        Cell(Kind kind, String raw, boolean tooLong) {
            this.kind = kind;
            this.raw = raw;
            this.tooLong = tooLong;
        }

        /** Whether the cell held more than {@link #MAX_CELL_CHARS} characters; its text is then cut short. */
        public boolean tooLong() {
            return tooLong;
        }

        public Kind kind() {
            return kind;
        }

        /** The text as shown: 12.5 for a number, 2024-05-22 for a date. */
        public String text() {
            if (text == null) {
                text = switch (kind) {
                    case NUMBER -> number() == null || !org.gongjian.shared.Decimals.inRange(number()) ? raw
                            : number().stripTrailingZeros().toPlainString();
                    case DATE -> date() == null ? raw : date().toString();
                    default -> raw;
                };
            }
            return text;
        }

        /** The number of a number or date cell; null when the stored digits are not a number (a damaged file). */
        public @Nullable BigDecimal number() {
            if (number == null && (kind == Kind.NUMBER || kind == Kind.DATE)) {
                try {
                    number = new BigDecimal(raw);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return number;
        }

        /** The date of a date-formatted cell (Excel's 1900 date system); null when its digits are not a number. */
        public @Nullable LocalDate date() {
            if (date == null && kind == Kind.DATE) {
                double serial;
                try {
                    serial = Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (!DateUtil.isValidExcelDate(serial) || serial >= LAST_SERIAL) {
                    return null;   // negative, or after 9999-12-31: not a date (the row is refused, never a crash)
                }
                date = serial >= FIRST_PLAIN_SERIAL && serial == Math.rint(serial)
                        ? LocalDate.ofEpochDay((long) serial - SERIAL_OF_EPOCH)   // a whole day: plain arithmetic
                        : DateUtil.getLocalDateTime(serial).toLocalDate();   // 1900's phantom 29 February, times of day
            }
            return date;
        }

        public boolean blank() {
            return kind == Kind.TEXT && raw.isBlank();
        }
    }

    /** Receives each sheet's non-empty rows; row numbers are 1-based as Excel shows them. */
    public interface RowHandler {
        void startSheet(String name);

        void row(int rowNumber, List<@Nullable Cell> cells);
    }

    private XlsxReader() {
    }

    public static void read(Path file, Limits limits, RowHandler handler) {
        check(file, limits);
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = SharedStrings.read(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            int[] total = {0};
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    handler.startSheet(sheets.getSheetName());
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new SheetHandler(strings, styles, handler, limits.maxRows(), total));
                    parser.parse(new InputSource(sheet));
                }
            }
        } catch (ImportRefused e) {
            throw e;
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new ImportRefused("error.import.corrupt");   // a zip, but not a whole .xlsx: truncated or damaged
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                | org.apache.poi.ooxml.POIXMLException | IllegalStateException | IllegalArgumentException e) {
            throw refusal(e);
        }
    }

    private static void check(Path file, Limits limits) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new ImportRefused("error.import.empty");
            }
            if (size > limits.maxBytes()) {
                throw new ImportRefused("error.import.too-big", String.valueOf(limits.maxBytes() / (1024 * 1024)));
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                FileMagic magic = FileMagic.valueOf(in);
                if (magic == FileMagic.OLE2) {
                    throw new ImportRefused("error.import.xls");
                }
                if (magic != FileMagic.OOXML) {
                    throw new ImportRefused("error.import.not-xlsx");
                }
            }
        } catch (IOException e) {
            throw new ImportRefused("error.import.corrupt");
        }
    }

    private static ImportRefused refusal(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImportRefused refused) {
                return refused;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb") || message.contains("exceeds the max") || message.contains("inflate")) {
                return new ImportRefused("error.import.zip-bomb");
            }
        }
        return new ImportRefused("error.import.corrupt");
    }

    /** The SAX handler of one sheet: gathers a row's cells and hands the row over at its end. */
    private static final class SheetHandler extends DefaultHandler {
        private final SharedStrings strings;
        private final @Nullable StylesTable styles;
        private final RowHandler handler;
        private final int maxRows;
        private final int[] total;
        private final StringBuilder value = new StringBuilder();
        private List<@Nullable Cell> cells = new ArrayList<>();
        private int rowNumber;
        private int column;
        private @Nullable String type;
        private int style;
        private boolean formula;
        private boolean inValue;
        private boolean overlong;
        private final @Nullable Boolean[] dateStyles;

        SheetHandler(SharedStrings strings, @Nullable StylesTable styles, RowHandler handler, int maxRows,
                int[] total) {
            this.strings = strings;
            this.styles = styles;
            this.dateStyles = new Boolean[styles == null ? 0 : styles.getNumCellStyles()];   // a file may have no styles part
            this.handler = handler;
            this.maxRows = maxRows;
            this.total = total;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            switch (localName) {
                case "row" -> {
                    String r = attrs.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    column = -1;
                }
                case "c" -> {
                    String ref = attrs.getValue("r");
                    column = ref == null ? column + 1 : columnIndex(ref);
                    type = attrs.getValue("t");
                    String s = attrs.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    formula = false;
                    overlong = false;
                    value.setLength(0);
                }
                case "f" -> formula = true;
                case "v", "t" -> inValue = true;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                int room = MAX_CELL_CHARS - value.length();
                if (length > room) {
                    overlong = true;   // memory stays flat: the rest of a huge cell is never kept
                }
                value.append(ch, start, Math.max(0, Math.min(length, room)));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    if (column > 16_383) {
                        throw new ImportRefused("error.import.corrupt");
                    }
                    while (cells.size() <= column) {
                        cells.add(null);
                    }
                    cells.set(column, cell());
                }
                case "row" -> {
                    if (anyFilled(cells)) {
                        if (++total[0] > maxRows) {
                            throw new ImportRefused("error.import.too-many-rows", String.valueOf(maxRows));
                        }
                        handler.row(rowNumber, cells);
                    }
                }
                default -> { }
            }
        }

        private Cell cell() {
            String raw = value.toString();
            if (formula) {
                return new Cell(Cell.Kind.FORMULA, raw);
            }
            if (overlong) {
                return new Cell(Cell.Kind.TEXT, raw, true);
            }
            if (type == null || "n".equals(type)) {
                return raw.isEmpty() ? new Cell(Cell.Kind.TEXT, "") : new Cell(isDate() ? Cell.Kind.DATE : Cell.Kind.NUMBER, raw);
            }
            return switch (type) {
                case "s" -> strings.cell(raw);
                case "b" -> new Cell(Cell.Kind.BOOLEAN, "1".equals(raw) ? "TRUE" : "FALSE");
                case "e" -> new Cell(Cell.Kind.ERROR, raw);
                default -> new Cell(Cell.Kind.TEXT, raw);   // inlineStr, str
            };
        }

        /** Whether the cell's style shows a date; worked out once per style, not per cell. */
        private boolean isDate() {
            if (style <= 0 || style >= dateStyles.length) {
                return false;
            }
            if (dateStyles[style] == null) {
                XSSFCellStyle s = Objects.requireNonNull(styles).getStyleAt(style);
                dateStyles[style] = s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
            }
            return dateStyles[style];
        }

        private static boolean anyFilled(List<@Nullable Cell> cells) {
            for (Cell c : cells) {
                if (c != null && !c.blank()) {
                    return true;
                }
            }
            return false;
        }

        private static int columnIndex(String ref) {
            int col = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            }
            return col - 1;
        }
    }

    /**
     * The shared strings of a workbook, read with each string cut at {@link #MAX_CELL_CHARS} (and remembered as too
     * long) and the whole at {@link #MAX_SHARED_CHARS}: POI's own table keeps every string whole, so one
     * 480-million-character cell in a 5 MB file would need gigabytes. Phonetic runs are left out.
     */
    static final class SharedStrings extends DefaultHandler {
        private final List<String> items = new ArrayList<>();
        private final java.util.BitSet tooLong = new java.util.BitSet();
        private final StringBuilder current = new StringBuilder();
        private boolean inText;
        private boolean inPhonetic;
        private boolean overlong;
        private long total;

        static SharedStrings read(OPCPackage pkg) throws IOException, SAXException, ParserConfigurationException {
            SharedStrings strings = new SharedStrings();
            List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
            if (!parts.isEmpty()) {
                try (InputStream in = parts.get(0).getInputStream()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(strings);
                    parser.parse(new InputSource(in));
                }
            }
            return strings;
        }

        Cell cell(String index) {
            int i;
            try {
                i = Integer.parseInt(index);
            } catch (NumberFormatException e) {
                throw new ImportRefused("error.import.corrupt");
            }
            if (i < 0 || i >= items.size()) {
                throw new ImportRefused("error.import.corrupt");
            }
            return new Cell(Cell.Kind.TEXT, items.get(i), tooLong.get(i));
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            switch (localName) {
                case "si" -> {
                    current.setLength(0);
                    overlong = false;
                }
                case "rPh" -> inPhonetic = true;
                case "t" -> inText = !inPhonetic;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!inText) {
                return;
            }
            total += length;
            if (total > MAX_SHARED_CHARS) {
                throw new ImportRefused("error.import.too-much-text", String.valueOf(MAX_SHARED_CHARS / (1024 * 1024)));
            }
            int room = MAX_CELL_CHARS - current.length();
            if (length > room) {
                overlong = true;
            }
            current.append(ch, start, Math.max(0, Math.min(length, room)));
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "si" -> {
                    if (overlong) {
                        tooLong.set(items.size());
                    }
                    items.add(current.toString());
                }
                default -> { }
            }
        }
    }
}
