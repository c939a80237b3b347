package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;

/**
 * Streams the rows of one worksheet part ({@code <sheetData><row><c>...}) with StAX, holding only the current
 * row. Cells are placed by their {@code r} reference, so gaps become blank cells; a row whose cells are all blank
 * (styled but empty cells included) is skipped.
 */
final class SheetReader implements RowIterator {

    private static final int MAX_TEXT_IN_MESSAGE = 200;

    private final ZipPackage zip;
    private final XmlPart part;
    private final XMLStreamReader xml;
    private final String sheet;
    private final SharedStrings sharedStrings;
    private final CellStyles styles;
    private final boolean date1904;
    private final int maxCellChars;
    private final TextCollector text;

    private String[] cells = new String[32];
    private int width;
    private int lastNonBlank = -1;
    private int rowNumber;
    private int column = -1;
    private boolean inSheetData;
    private boolean finished;

    SheetReader(ZipPackage zip, XmlPart part, String sheet, SharedStrings sharedStrings, CellStyles styles,
                boolean date1904, ReadLimits limits) {
        this.zip = zip;
        this.part = part;
        this.xml = part.reader();
        this.sheet = sheet;
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.date1904 = date1904;
        this.maxCellChars = limits.maxCellChars();
        this.text = new TextCollector(limits.maxCellChars());
    }

    @Override
    public SourceRow next() throws IOException, SourceFormatException {
        if (finished) {
            return null;
        }
        try {
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = element();
                    if (!inSheetData) {
                        inSheetData = element.equals("sheetData");
                    } else if (element.equals("c")) {
                        readCell();
                    } else if (element.equals("row")) {
                        startRow();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && inSheetData) {
                    String element = element();
                    if (element.equals("row") && lastNonBlank >= 0) {
                        return takeRow();
                    }
                    if (element.equals("sheetData")) {
                        finished = true;
                        return null;
                    }
                } else if (event == XMLStreamConstants.END_DOCUMENT) {
                    finished = true;
                    return null;
                }
            }
        } catch (XMLStreamException e) {
            throw zip.unreadable(part.name(), sheet, rowNumber > 0 ? rowNumber : null, null, e);
        }
    }

    @Override
    public void close() throws IOException {
        part.close();
    }

    /** The element's name without prefix: sheets are parsed without namespace processing (see ZipPackage). */
    private String element() {
        String name = xml.getLocalName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private void startRow() {
        int number = CellReference.parseIndex(xml.getAttributeValue(null, "r"));
        rowNumber = number > 0 ? number : rowNumber + 1;
        Arrays.fill(cells, 0, width, null);
        width = 0;
        lastNonBlank = -1;
        column = -1;
    }

    private void readCell() throws XMLStreamException, SourceFormatException {
        String reference = null;
        String type = null;
        int style = 0;
        for (int i = 0, count = xml.getAttributeCount(); i < count; i++) {
            String attribute = xml.getAttributeLocalName(i);
            if (attribute.equals("r")) {
                reference = xml.getAttributeValue(i);
            } else if (attribute.equals("t")) {
                type = xml.getAttributeValue(i);
            } else if (attribute.equals("s")) {
                style = CellReference.parseIndex(xml.getAttributeValue(i));
            }
        }
        placeCell(reference);
        text.reset();
        while (xml.next() != XMLStreamConstants.END_ELEMENT) {
            if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String element = element();
            if (element.equals("v")) {
                collectText();
            } else if (element.equals("is")) {
                collectInlineString();
            } else if (element.equals("f")) {
                refuseFormula();
            } else {
                XmlPart.skipElement(xml);
            }
        }
        store(value(type, style));
    }

    private void placeCell(String reference) throws SourceFormatException {
        if (reference == null) {
            column++;
            if (column >= CellReference.MAX_COLUMNS) {
                throw failure("the row has more than " + Sizes.count(CellReference.MAX_COLUMNS) + " cells, more than"
                        + " a worksheet can hold; the file is damaged or was not written by a spreadsheet program");
            }
        } else {
            column = CellReference.columnOf(reference);
            if (column < 0) {
                throw new SourceFormatException(zip.fileName(), sheet, rowNumber, null, "cell reference '"
                        + reference + "' is not an A1 reference within columns A to XFD; the file is damaged or"
                        + " was not written by a spreadsheet program");
            }
        }
    }

    /** Text of the element the reader is on, up to its end, ignoring anything nested (there should be nothing). */
    private void collectText() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(xml);
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                XmlPart.skipElement(xml);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
        }
    }

    /** {@code <is>}: plain {@code <t>}, or rich-text runs {@code <r><t>}; phonetic guides {@code <rPh>} left out. */
    private void collectInlineString() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String element = element();
                if (element.equals("t")) {
                    collectText();
                } else if (!element.equals("r")) {
                    XmlPart.skipElement(xml);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && element().equals("is")) {
                return;
            }
        }
    }

    private void refuseFormula() throws XMLStreamException, SourceFormatException {
        text.reset();
        collectText();
        String shown = text.isEmpty() ? "a formula shared with other cells" : "the formula =" + shortened(text.chars());
        throw failure("formula cells are not accepted (data releases hold values); the cell holds " + shown
                + "; save the sheet with values only");
    }

    private String value(String type, int style) throws SourceFormatException {
        if (text.isOverlong()) {
            throw tooLong(text.length());
        }
        if (text.isEmpty()) {
            return "";
        }
        // by frequency, and without a switch: it would hash the new String of every cell's type
        if (type == null) {
            return number(style);
        }
        if (type.equals("s")) {
            return sharedString();
        }
        if (type.equals("inlineStr") || type.equals("str")) {
            return XString.decode(text.text());
        }
        if (type.equals("n")) {
            return number(style);
        }
        if (type.equals("b")) {
            return bool();
        }
        if (type.equals("e")) {
            return text.text();
        }
        if (type.equals("d")) {
            return isoDate(text.text());
        }
        throw failure("the cell has the unknown type t=\"" + type
                + "\"; the file is damaged or was not written by a spreadsheet program");
    }

    private String number(int style) throws SourceFormatException {
        if (styles.isDate(style)) {
            String date = ExcelDates.toIso(serial(), date1904);
            if (date != null) {
                return date;
            }
        }
        String plain = NumberText.plain(text.chars());
        if (plain == null) {
            throw notANumber();
        }
        return plain;
    }

    private double serial() throws SourceFormatException {
        try {
            return NumberText.value(text.chars());
        } catch (NumberFormatException notANumber) {
            throw notANumber();
        }
    }

    private String sharedString() throws SourceFormatException {
        int index = CellReference.parseIndex(text.chars());
        if (index < 0 || index >= sharedStrings.size()) {
            throw failure("the cell refers to shared string #" + shortened(text.chars()) + ", which does not exist (the"
                    + " workbook has " + Sizes.count(sharedStrings.size()) + "); the file is damaged");
        }
        String value = sharedStrings.get(index);
        if (value == null) {
            throw tooLong(sharedStrings.overlongLength(index));
        }
        return value;
    }

    private String bool() throws SourceFormatException {
        CharSequence value = text.chars();
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
        return failure("the cell holds '" + shortened(text.chars()) + "' where a number was expected; the file is"
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
