package org.detainerlab.ingest.read.xlsx;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.detainerlab.ingest.read.SourceFormatException;

/**
 * Writes an xlsx workbook row by row straight into the zip file. Used by the synthetic-data generator and to build
 * test fixtures; the result opens in {@link XlsxSource} and in spreadsheet programs.
 *
 * <pre>{@code
 * try (XlsxWriter xlsx = XlsxWriter.create(path)) {
 *     xlsx.startSheet("FY2024");
 *     xlsx.writeRow("Prepare Date", "State", "Count");
 *     xlsx.writeRow(LocalDate.of(2024, 1, 31), "TEXAS", 12);
 * }
 * }</pre>
 *
 * <p>Values: {@link String}, {@link Number}, {@link LocalDate} and {@link LocalDateTime} (date serials in a date
 * style), {@link Boolean}, and {@code null} or {@code ""} for a blank cell. Characters XML 1.0 cannot carry
 * (control characters) are stored as Excel stores them, as {@code _xHHHH_} escapes that {@link XlsxSource} reads
 * back; text that cannot be stored at all (an unpaired surrogate) is rejected.
 *
 * <p>Text goes into the cells themselves ({@link StringStorage#INLINE}, the default), so memory stays the same
 * whatever the number of rows; or, as Excel writes it, into one table of distinct strings that cells refer to
 * ({@link StringStorage#SHARED}), kept in memory until {@link #close} writes it.
 */
public final class XlsxWriter implements AutoCloseable {

    /** Where the text of string cells is stored. */
    public enum StringStorage {
        /** In each cell ({@code t="inlineStr"}): constant memory, larger sheets. */
        INLINE,
        /**
         * In the shared string table ({@code xl/sharedStrings.xml}) that cells refer to by number ({@code t="s"}),
         * as Excel and most spreadsheet programs write workbooks; the writer holds each distinct string until it
         * closes.
         */
        SHARED
    }

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String SPREADSHEETML_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final int MAX_SHEET_NAME = 31;
    private static final String SHEET_NAME_FORBIDDEN = "[]:*?/\\";
    private static final String RESERVED_SHEET_NAME = "History";
    /** Style indexes in {@code cellXfs} of the styles part this writer writes. */
    private static final String DATE_STYLE = "1";
    private static final String DATE_TIME_STYLE = "2";
    private static final double LARGEST_EXACT_INTEGER = 1e15;
    private static final String HEX_DIGITS = "0123456789ABCDEF";

    /**
     * The smallest styles part Excel accepts (it wants the two default fills and one font, border and cell style),
     * with cellXfs 1 a date (built-in format 14) and 2 a date and time to the second.
     */
    private static final String STYLES = XML_DECLARATION
            + "<styleSheet xmlns=\"" + MAIN_NS + "\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm:ss\"/></numFmts>"
            + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";

    private static final String SHARED_STRINGS_PART = "xl/sharedStrings.xml";

    private final ZipOutputStream zip;
    private final Writer out;
    private final List<String> sheetNames = new ArrayList<>();
    private final StringBuilder row = new StringBuilder(1024);
    /** Null when strings are inline. */
    private final SharedStringTable sharedStrings;
    /** Cells that refer to a shared string, for the table's {@code count}. */
    private long sharedStringCells;
    private String[] columnNames = new String[0];
    private boolean inSheet;
    private boolean closed;
    private int rowNumber;

    private XlsxWriter(ZipOutputStream zip, StringStorage strings) {
        this.zip = zip;
        this.out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        this.sharedStrings = strings == StringStorage.SHARED ? new SharedStringTable() : null;
    }

    /** Creates (or replaces) the file, with text in the cells ({@link StringStorage#INLINE}). */
    public static XlsxWriter create(Path file) throws IOException {
        return create(file, StringStorage.INLINE);
    }

    /** Creates (or replaces) the file, with text stored as given. */
    public static XlsxWriter create(Path file, StringStorage strings) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file));
        // generated workbooks run to millions of rows: the fastest level deflates three times faster than the
        // default for files about a quarter larger
        zip.setLevel(Deflater.BEST_SPEED);
        return new XlsxWriter(zip, strings);
    }

    /**
     * Starts a new sheet after the current one, which is finished. Names follow Excel's rules: 1 to 31 characters,
     * none of {@code [ ] : * ? / \}, no apostrophe at either end, unique ignoring case.
     */
    public void startSheet(String name) throws IOException {
        ensureOpen();
        checkSheetName(name);
        openSheet(name);
    }

    /**
     * Writes the next row of the current sheet, values from column A on. A row of blanks (or no values) writes
     * nothing but still takes its row number, so title rows and gaps keep the row numbers of the source.
     */
    public void writeRow(Object... values) throws IOException {
        ensureOpen();
        if (!inSheet) {
            throw new IllegalStateException("call startSheet before writeRow");
        }
        if (rowNumber == CellReference.MAX_ROWS) {
            throw new IllegalStateException("sheet '" + current() + "' is full: a worksheet holds "
                    + Sizes.count(CellReference.MAX_ROWS) + " rows; start another sheet");
        }
        if (values.length > CellReference.MAX_COLUMNS) {
            throw new IllegalArgumentException("a row holds at most " + Sizes.count(CellReference.MAX_COLUMNS)
                    + " cells, not " + Sizes.count(values.length));
        }
        rowNumber++;
        if (isBlank(values)) {
            return;
        }
        // the row is built apart so that a refused value leaves the sheet (and the shared strings) as they were
        int stringsBefore = sharedStrings == null ? 0 : sharedStrings.size();
        long stringCellsBefore = sharedStringCells;
        try {
            row.setLength(0);
            String number = Integer.toString(rowNumber);
            row.append("<row r=\"").append(number).append("\">");
            for (int column = 0; column < values.length; column++) {
                appendCell(column, number, values[column]);
            }
            row.append("</row>");
        } catch (RuntimeException refused) {
            rowNumber--;
            if (sharedStrings != null) {
                sharedStrings.truncate(stringsBefore);
                sharedStringCells = stringCellsBefore;
            }
            throw refused;
        }
        out.append(row);
    }

    /**
     * Finishes the workbook: the last sheet, then the parts that list the sheets. A workbook needs a sheet, so a
     * writer that never started one writes an empty {@code Sheet1}.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (sheetNames.isEmpty()) {
                openSheet("Sheet1");
            }
            finishSheet();
            if (hasSharedStrings()) {
                writeSharedStrings();
            }
            writePart("[Content_Types].xml", contentTypes());
            writePart("_rels/.rels", XML_DECLARATION + "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS_NS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS_NS + "/officeDocument\""
                    + " Target=\"xl/workbook.xml\"/></Relationships>");
            writePart("xl/workbook.xml", workbook());
            writePart("xl/_rels/workbook.xml.rels", workbookRelationships());
            writePart("xl/styles.xml", STYLES);
        } finally {
            zip.close();
        }
    }

    private void appendCell(int column, String rowNumber, Object value) {
        if (value == null || value instanceof String text && text.isEmpty()) {
            return;
        }
        row.append("<c r=\"").append(columnName(column)).append(rowNumber);
        if (value instanceof String text && sharedStrings != null) {
            int known = sharedStrings.size();
            int index = sharedStrings.indexOf(text);
            if (index == known) {
                // checked now, so that a string the file cannot hold fails its row rather than the close
                appendText(new StringBuilder(text.length()), text, column);
            }
            sharedStringCells++;
            row.append("\" t=\"s\"><v>").append(index).append("</v></c>");
        } else if (value instanceof String text) {
            row.append("\" t=\"inlineStr\"><is>");
            appendTextElement(row, text, column);
            row.append("</is></c>");
        } else if (value instanceof Number number) {
            row.append("\"><v>").append(numberText(number, column)).append("</v></c>");
        } else if (value instanceof LocalDate date) {
            row.append("\" s=\"" + DATE_STYLE + "\"><v>").append(ExcelDates.serialOf(date)).append("</v></c>");
        } else if (value instanceof LocalDateTime dateTime) {
            row.append("\" s=\"" + DATE_TIME_STYLE + "\"><v>").append(ExcelDates.serialOf(dateTime))
                    .append("</v></c>");
        } else if (value instanceof Boolean bool) {
            row.append(bool ? "\" t=\"b\"><v>1</v></c>" : "\" t=\"b\"><v>0</v></c>");
        } else {
            throw new IllegalArgumentException(where(column) + " holds a " + value.getClass().getName()
                    + "; write a String, Number, LocalDate, LocalDateTime, Boolean or null");
        }
    }

    /** {@code <t>text</t>}, for an inline or a shared string. */
    private void appendTextElement(StringBuilder xml, String text, int column) {
        // without xml:space="preserve" spreadsheet programs may trim spaces at either end
        boolean spaced = Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1));
        xml.append(spaced ? "<t xml:space=\"preserve\">" : "<t>");
        appendText(xml, text, column);
        xml.append("</t>");
    }

    /** Text is escaped character by character only from its first character that needs it. */
    private void appendText(StringBuilder xml, String text, int column) {
        int length = text.length();
        int first = 0;
        while (first < length && isPlain(text.charAt(first))) {
            first++;
        }
        xml.append(text, 0, first);
        for (int i = first; i < length; i++) {
            char ch = text.charAt(i);
            if (isPlain(ch)) {
                xml.append(ch);
            } else if (ch == '&') {
                xml.append("&amp;");
            } else if (ch == '<') {
                xml.append("&lt;");
            } else if (ch == '>') {
                xml.append("&gt;");
            } else if (ch == '_') {
                xml.append(XString.isEscapeAt(text, i) ? "_x005F_" : "_");
            } else if (Character.isHighSurrogate(ch) && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                xml.append(ch).append(text.charAt(++i));
            } else if (Character.isSurrogate(ch) || ch == '\uFFFE' || ch == '\uFFFF') {
                throw new IllegalArgumentException(where(column) + " holds the character U+"
                        + Integer.toHexString(ch).toUpperCase(Locale.ROOT) + " at position " + (i + 1)
                        + ", which an xlsx file cannot store");
            } else if (ch == '\t' || ch == '\n') {
                xml.append(ch);
            } else {
                xml.append("_x00").append(HEX_DIGITS.charAt(ch >> 4)).append(HEX_DIGITS.charAt(ch & 15))
                        .append('_');
            }
        }
    }

    /** Characters written as they are: everything but markup, the escape's underscore, controls and surrogates. */
    private static boolean isPlain(char ch) {
        return ch >= ' ' && ch != '&' && ch != '<' && ch != '>' && ch != '_' && ch < Character.MIN_SURROGATE
                || ch > Character.MAX_SURROGATE && ch < '\uFFFE';
    }

    private String numberText(Number number, int column) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return Long.toString(number.longValue());
        }
        if (number instanceof BigDecimal || number instanceof BigInteger) {
            if (Double.isInfinite(number.doubleValue())) {
                throw new IllegalArgumentException(where(column) + " holds " + number
                        + ", beyond the range of numbers a spreadsheet holds");
            }
            return number instanceof BigDecimal decimal ? decimal.toString() : number.toString();
        }
        double value = number.doubleValue();
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(where(column) + " holds " + value
                    + ", which a spreadsheet cannot store; write null or text instead");
        }
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_EXACT_INTEGER) {
            return Long.toString((long) value);
        }
        return number instanceof Float ? number.toString() : Double.toString(value);
    }

    private String columnName(int column) {
        if (column >= columnNames.length) {
            String[] grown = new String[Math.max(column + 1, columnNames.length * 2)];
            System.arraycopy(columnNames, 0, grown, 0, columnNames.length);
            for (int i = columnNames.length; i < grown.length; i++) {
                grown[i] = SourceFormatException.columnName(i);
            }
            columnNames = grown;
        }
        return columnNames[column];
    }

    private void openSheet(String name) throws IOException {
        finishSheet();
        sheetNames.add(name);
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheetNames.size() + ".xml"));
        out.write(XML_DECLARATION);
        out.write("<worksheet xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + RELATIONSHIPS_NS + "\"><sheetData>");
        inSheet = true;
        rowNumber = 0;
    }

    private void finishSheet() throws IOException {
        if (inSheet) {
            out.write("</sheetData></worksheet>");
            out.flush();
            zip.closeEntry();
            inSheet = false;
        }
    }

    private boolean hasSharedStrings() {
        return sharedStrings != null && sharedStrings.size() > 0;
    }

    /** The table, streamed string by string: it can hold a million of them. */
    private void writeSharedStrings() throws IOException {
        zip.putNextEntry(new ZipEntry(SHARED_STRINGS_PART));
        out.write(XML_DECLARATION);
        out.write("<sst xmlns=\"" + MAIN_NS + "\" count=\"" + sharedStringCells + "\" uniqueCount=\""
                + sharedStrings.size() + "\">");
        for (int i = 0; i < sharedStrings.size(); i++) {
            row.setLength(0);
            row.append("<si>");
            appendTextElement(row, sharedStrings.get(i), 0);
            out.append(row.append("</si>"));
        }
        out.write("</sst>");
        out.flush();
        zip.closeEntry();
    }

    private void writePart(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.flush();
        zip.closeEntry();
    }

    private String contentTypes() {
        StringBuilder xml = new StringBuilder(XML_DECLARATION)
                .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"")
                .append("application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"").append(SPREADSHEETML_TYPE)
                .append(".sheet.main+xml\"/>")
                .append("<Override PartName=\"/xl/styles.xml\" ContentType=\"").append(SPREADSHEETML_TYPE)
                .append(".styles+xml\"/>");
        if (hasSharedStrings()) {
            xml.append("<Override PartName=\"/").append(SHARED_STRINGS_PART).append("\" ContentType=\"")
                    .append(SPREADSHEETML_TYPE).append(".sharedStrings+xml\"/>");
        }
        for (int i = 1; i <= sheetNames.size(); i++) {
            xml.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"")
                    .append(SPREADSHEETML_TYPE).append(".worksheet+xml\"/>");
        }
        return xml.append("</Types>").toString();
    }

    private String workbook() {
        StringBuilder xml = new StringBuilder(XML_DECLARATION)
                .append("<workbook xmlns=\"").append(MAIN_NS).append("\" xmlns:r=\"").append(RELATIONSHIPS_NS)
                .append("\"><bookViews><workbookView/></bookViews><sheets>");
        for (int i = 1; i <= sheetNames.size(); i++) {
            xml.append("<sheet name=\"").append(attribute(sheetNames.get(i - 1))).append("\" sheetId=\"").append(i)
                    .append("\" r:id=\"rId").append(i).append("\"/>");
        }
        return xml.append("</sheets></workbook>").toString();
    }

    private String workbookRelationships() {
        StringBuilder xml = new StringBuilder(XML_DECLARATION)
                .append("<Relationships xmlns=\"").append(PACKAGE_RELATIONSHIPS_NS).append("\">");
        for (int i = 1; i <= sheetNames.size(); i++) {
            xml.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(RELATIONSHIPS_NS)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
        }
        xml.append("<Relationship Id=\"rId").append(sheetNames.size() + 1).append("\" Type=\"")
                .append(RELATIONSHIPS_NS).append("/styles\" Target=\"styles.xml\"/>");
        if (hasSharedStrings()) {
            xml.append("<Relationship Id=\"rId").append(sheetNames.size() + 2).append("\" Type=\"")
                    .append(RELATIONSHIPS_NS).append("/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        }
        return xml.append("</Relationships>").toString();
    }

    private void checkSheetName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_SHEET_NAME) {
            throw new IllegalArgumentException("a sheet name has 1 to 31 characters: '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (SHEET_NAME_FORBIDDEN.indexOf(ch) >= 0 || ch < ' ' || Character.isSurrogate(ch)) {
                throw new IllegalArgumentException("a sheet name cannot contain '" + ch + "' (" + name
                        + "); Excel forbids [ ] : * ? / \\ and control characters");
            }
        }
        if (name.startsWith("'") || name.endsWith("'")) {
            throw new IllegalArgumentException("a sheet name cannot start or end with an apostrophe: " + name);
        }
        if (name.equalsIgnoreCase(RESERVED_SHEET_NAME)) {
            throw new IllegalArgumentException("Excel reserves the sheet name '" + RESERVED_SHEET_NAME + "'");
        }
        for (String existing : sheetNames) {
            if (existing.equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("the workbook already has a sheet named '" + existing
                        + "' (names are compared ignoring case)");
            }
        }
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static boolean isBlank(Object[] values) {
        for (Object value : values) {
            if (value != null && !(value instanceof String text && text.isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the workbook is closed");
        }
    }

    private String current() {
        return sheetNames.get(sheetNames.size() - 1);
    }

    private String where(int column) {
        return "sheet '" + current() + "', cell " + columnName(column) + rowNumber;
    }
}
