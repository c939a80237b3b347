package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.detainerlab.ingest.read.FormulaCells;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;

/**
 * Streams the rows of one worksheet part ({@code <sheetData><row><c>...}) with {@link XmlScanner}, holding only
 * the current row. Cells are placed by their {@code r} reference, so gaps become blank cells; a row whose cells
 * are all blank (styled but empty cells included) is skipped. A formula cell gives the value stored with it, the
 * one the program that saved the file calculated (formulas are never recalculated), and is counted with the first
 * few kept as examples; one stored without a value is refused. After a failure every later call repeats it: the
 * part cannot be read on from where it broke.
 */
final class SheetReader implements RowIterator {

    private static final int MAX_TEXT_IN_MESSAGE = 200;

    private static final byte[] SHEET_DATA = XmlScanner.name("sheetData");
    private static final byte[] ROW = XmlScanner.name("row");
    private static final byte[] CELL = XmlScanner.name("c");
    private static final byte[] VALUE = XmlScanner.name("v");
    private static final byte[] INLINE_STRING = XmlScanner.name("is");
    private static final byte[] FORMULA = XmlScanner.name("f");
    private static final byte[] TEXT = XmlScanner.name("t");
    private static final byte[] RUN = XmlScanner.name("r");
    private static final byte[] REFERENCE = XmlScanner.name("r");
    private static final byte[] TYPE = XmlScanner.name("t");
    private static final byte[] STYLE = XmlScanner.name("s");
    private static final byte[] INLINE_STRING_TYPE = XmlScanner.name("inlineStr");

    /** Cell types ({@code t} attribute); a number when there is none. */
    private static final int NUMBER = 0;
    private static final int SHARED_STRING = 1;
    private static final int INLINE = 2;
    private static final int FORMULA_STRING = 3;
    private static final int BOOLEAN = 4;
    private static final int ERROR = 5;
    private static final int DATE = 6;
    private static final int UNKNOWN = 7;

    private final ZipPackage zip;
    private final String part;
    private final XmlScanner xml;
    private final String sheet;
    private final SharedStrings sharedStrings;
    private final CellStyles styles;
    private final boolean date1904;
    private final int maxCellChars;
    private final TextCollector text;
    private final TextCollector formula;
    /** Written by the thread reading the sheet, read by the caller's: see {@link #formulaCells()}. */
    private final List<FormulaCells.Cell> firstFormulas = new ArrayList<>();
    private long formulaCount;

    private String[] cells = new String[32];
    private int width;
    private int lastNonBlank = -1;
    private int rowNumber;
    private int column = -1;
    private String unknownType;
    private boolean inSheetData;
    private boolean finished;
    private SourceFormatException failedFormat;
    private IOException failedInput;

    SheetReader(ZipPackage zip, String part, XmlScanner xml, String sheet, SharedStrings sharedStrings,
                CellStyles styles, boolean date1904, ReadLimits limits) {
        this.zip = zip;
        this.part = part;
        this.xml = xml;
        this.sheet = sheet;
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.date1904 = date1904;
        this.maxCellChars = limits.maxCellChars();
        this.text = new TextCollector(limits.maxCellChars());
        this.formula = new TextCollector(MAX_TEXT_IN_MESSAGE);
    }

    @Override
    public synchronized FormulaCells formulaCells() {
        return new FormulaCells(formulaCount, firstFormulas);
    }

    @Override
    public SourceRow next() throws IOException, SourceFormatException {
        if (failedFormat != null) {
            throw failedFormat;
        }
        if (failedInput != null) {
            throw failedInput;
        }
        if (finished) {
            return null;
        }
        try {
            return readRow();
        } catch (XmlSyntaxException | IOException e) {
            try {
                failedFormat = zip.unreadable(part, sheet, rowNumber > 0 ? rowNumber : null, null, e);
            } catch (IOException io) {
                failedInput = io;
                throw io;
            }
            throw failedFormat;
        } catch (SourceFormatException e) {
            failedFormat = e;
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        xml.close();
    }

    private SourceRow readRow() throws IOException, XmlSyntaxException, SourceFormatException {
        while (true) {
            int event = xml.next();
            if (event == XmlScanner.START) {
                if (!inSheetData) {
                    inSheetData = xml.isNamed(SHEET_DATA);
                } else if (xml.isNamed(CELL)) {
                    readCell();
                } else if (xml.isNamed(ROW)) {
                    startRow();
                }
            } else if (event == XmlScanner.END && inSheetData) {
                if (lastNonBlank >= 0 && xml.isNamed(ROW)) {
                    return takeRow();
                }
                if (xml.isNamed(SHEET_DATA)) {
                    finished = true;
                    return null;
                }
            } else if (event == XmlScanner.END_DOCUMENT) {
                finished = true;
                return null;
            }
        }
    }

    private void startRow() {
        int number = -1;
        for (int i = 0, count = xml.attributeCount(); i < count; i++) {
            if (xml.isAttribute(i, REFERENCE)) {
                number = CellReference.parseIndex(xml.valueBytes(i), xml.valueStart(i), xml.valueEnd(i));
            }
        }
        rowNumber = number > 0 ? number : rowNumber + 1;
        Arrays.fill(cells, 0, width, null);
        width = 0;
        lastNonBlank = -1;
        column = -1;
    }

    private void readCell() throws IOException, XmlSyntaxException, SourceFormatException {
        int type = NUMBER;
        int style = 0;
        boolean referenced = false;
        for (int i = 0, count = xml.attributeCount(); i < count; i++) {
            byte[] value = xml.valueBytes(i);
            int from = xml.valueStart(i);
            int to = xml.valueEnd(i);
            if (xml.isAttribute(i, REFERENCE)) {
                placeCell(value, from, to);
                referenced = true;
            } else if (xml.isAttribute(i, TYPE)) {
                type = cellType(value, from, to);
            } else if (xml.isAttribute(i, STYLE)) {
                style = CellReference.parseIndex(value, from, to);
            }
        }
        if (!referenced) {
            nextCell();
        }
        text.reset();
        boolean hasFormula = false;
        boolean hasValue = false;
        while (xml.next() == XmlScanner.START) {
            if (xml.isNamed(VALUE)) {
                xml.readText(text);
                hasValue = true;
            } else if (xml.isNamed(INLINE_STRING)) {
                readInlineString();
                hasValue = true;
            } else if (xml.isNamed(FORMULA)) {
                formula.reset();
                xml.readText(formula);
                hasFormula = true;
            } else {
                xml.skipElement();
            }
        }
        String value = value(type, style);
        if (hasFormula) {
            countFormula(hasValue);
        }
        store(value);
    }

    private int cellType(byte[] value, int from, int to) {
        int length = to - from;
        if (length == 1) {
            switch (value[from]) {
                case 's':
                    return SHARED_STRING;
                case 'n':
                    return NUMBER;
                case 'b':
                    return BOOLEAN;
                case 'e':
                    return ERROR;
                case 'd':
                    return DATE;
                default:
                    break;
            }
        } else if (length == 3 && value[from] == 's' && value[from + 1] == 't' && value[from + 2] == 'r') {
            return FORMULA_STRING;
        } else if (Arrays.equals(value, from, to, INLINE_STRING_TYPE, 0, INLINE_STRING_TYPE.length)) {
            return INLINE;
        }
        unknownType = new String(value, from, length, StandardCharsets.UTF_8);
        return UNKNOWN;
    }

    private void placeCell(byte[] reference, int from, int to) throws SourceFormatException {
        column = CellReference.columnOf(reference, from, to);
        if (column < 0) {
            throw new SourceFormatException(zip.fileName(), sheet, rowNumber, null, "cell reference '"
                    + new String(reference, from, to - from, StandardCharsets.UTF_8) + "' is not an A1 reference"
                    + " within columns A to XFD; the file is damaged or was not written by a spreadsheet program");
        }
    }

    private void nextCell() throws SourceFormatException {
        column++;
        if (column >= CellReference.MAX_COLUMNS) {
            throw failure("the row has more than " + Sizes.count(CellReference.MAX_COLUMNS) + " cells, more than"
                    + " a worksheet can hold; the file is damaged or was not written by a spreadsheet program");
        }
    }

    /** {@code <is>}: plain {@code <t>}, or rich-text runs {@code <r><t>}; phonetic guides {@code <rPh>} left out. */
    private void readInlineString() throws IOException, XmlSyntaxException {
        while (xml.next() == XmlScanner.START) {
            if (xml.isNamed(TEXT)) {
                xml.readText(text);
            } else if (xml.isNamed(RUN)) {
                while (xml.next() == XmlScanner.START) {
                    if (xml.isNamed(TEXT)) {
                        xml.readText(text);
                    } else {
                        xml.skipElement();
                    }
                }
            } else {
                xml.skipElement();
            }
        }
    }

    /**
     * A formula without a stored value is what a library writes when it never calculates (openpyxl, fastexcel):
     * there is no value to load, and guessing one would load something no program showed.
     */
    private void countFormula(boolean hasValue) throws SourceFormatException {
        String shown = formula.isEmpty() ? "(shared formula)" : "=" + formula + (formula.isOverlong() ? "..." : "");
        if (!hasValue) {
            throw failure("the cell holds the formula " + shown + " but no stored result, so the program that"
                    + " wrote the file never calculated it; open and save the file in a spreadsheet program (which"
                    + " stores every formula's result), or save the sheet with values only");
        }
        synchronized (this) {
            formulaCount++;
            if (firstFormulas.size() < FormulaCells.EXAMPLES) {
                firstFormulas.add(new FormulaCells.Cell(sheet, rowNumber, SourceFormatException.columnName(column),
                        shown));
            }
        }
    }

    private String value(int type, int style) throws SourceFormatException {
        if (text.isOverlong()) {
            throw tooLong(text.fullLength());
        }
        if (text.isEmpty()) {
            return "";
        }
        switch (type) {
            case NUMBER:
                return number(style);
            case SHARED_STRING:
                return sharedString();
            case INLINE:
            case FORMULA_STRING:
                return XString.decode(text.toString());
            case BOOLEAN:
                return bool();
            case ERROR:
                return text.toString();
            case DATE:
                return isoDate(text.toString());
            default:
                throw failure("the cell has the unknown type t=\"" + unknownType
                        + "\"; the file is damaged or was not written by a spreadsheet program");
        }
    }

    private String number(int style) throws SourceFormatException {
        if (styles.isDate(style)) {
            String date = ExcelDates.toIso(serial(), date1904);
            if (date != null) {
                return date;
            }
        }
        String plain = NumberText.plain(text);
        if (plain == null) {
            throw notANumber();
        }
        return plain;
    }

    private double serial() throws SourceFormatException {
        try {
            return NumberText.value(text);
        } catch (NumberFormatException notANumber) {
            throw notANumber();
        }
    }

    private String sharedString() throws SourceFormatException {
        int index = CellReference.parseIndex(text);
        if (index < 0 || index >= sharedStrings.size()) {
            throw failure("the cell refers to shared string #" + shortened(text) + ", which does not exist (the"
                    + " workbook has " + Sizes.count(sharedStrings.size()) + "); the file is damaged");
        }
        String value = sharedStrings.get(index);
        if (value == null) {
            throw tooLong(sharedStrings.overlongLength(index));
        }
        return value;
    }

    private String bool() throws SourceFormatException {
        CharSequence value = text;
        if (value.length() == 1 && value.charAt(0) == '1' || "true".contentEquals(value)) {
            return "TRUE";
        }
        if (value.length() == 1 && value.charAt(0) == '0' || "false".contentEquals(value)) {
            return "FALSE";
        }
        throw failure("the boolean cell holds '" + shortened(value)
                + "' where 0 or 1 was expected; the file is damaged");
    }

    /** {@code t="d"} holds ISO 8601; a midnight time is dropped so that dates read alike whatever their type. */
    private static String isoDate(String value) {
        if (value.length() >= 19 && value.charAt(10) == 'T') {
            return value.startsWith("00:00:00", 11) ? value.substring(0, 10) : value.substring(0, 19);
        }
        return value;
    }

    private void store(String value) {
        if (value.isEmpty()) {
            return;
        }
        if (column >= cells.length) {
            cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
        }
        cells[column] = value;
        width = Math.max(width, column + 1);
        if (column > lastNonBlank && !value.isBlank()) {
            lastNonBlank = column;
        }
    }

    private SourceRow takeRow() {
        String[] row = new String[lastNonBlank + 1];
        for (int i = 0; i < row.length; i++) {
            row[i] = cells[i] == null ? "" : cells[i];
        }
        return new SourceRow(sheet, rowNumber, row);
    }

    private SourceFormatException notANumber() {
        return failure("the cell holds '" + shortened(text) + "' where a number was expected; the file is"
                + " damaged or was not written by a spreadsheet program");
    }

    private SourceFormatException tooLong(long length) {
        return failure("cell is " + Sizes.count(length) + " characters long; at most " + Sizes.count(maxCellChars)
                + " are accepted; shorten the cell or split its text across cells");
    }

    /** Cell text quoted in a message, cut short: the message is for finding the cell, not for showing it. */
    private static String shortened(CharSequence value) {
        return value.length() > MAX_TEXT_IN_MESSAGE ? value.subSequence(0, MAX_TEXT_IN_MESSAGE) + "..."
                : value.toString();
    }

    private SourceFormatException failure(String problem) {
        return new SourceFormatException(zip.fileName(), sheet, rowNumber,
                SourceFormatException.columnName(column), problem);
    }
}
