package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SpreadsheetSource;

/**
 * An xlsx workbook read as a {@link SpreadsheetSource}, streaming: a sheet's rows are parsed as they are asked
 * for, so memory holds the shared strings and a few hundred rows, whatever the length of the sheet. Where the
 * machine has a second core, a sheet is read on a thread of its own a few batches of rows ahead of the caller (the
 * caller sees the same rows and failures in the same order), and closing its {@link RowIterator}, or the source,
 * stops that thread.
 *
 * <p>Cells come out as text. Numbers in a date format become ISO dates ({@code 2015-01-31}, or
 * {@code 2015-01-31T13:45:00} with a time), other numbers plain decimals ({@code 1987}, {@code 0.25}), booleans
 * {@code TRUE}/{@code FALSE}, errors as Excel shows them ({@code #N/A}).
 *
 * <p>Files that are not xlsx workbooks, are damaged, or are built to harm the reader are refused with a
 * {@link SourceFormatException} naming the file and, where it applies, sheet, row and column: legacy .xls and
 * non-zip files, truncated zips, malformed XML, any DOCTYPE (so no external entity is ever read), parts that
 * inflate past {@link ReadLimits#maxEntryBytes()} or compress suspiciously well (zip bombs), formula cells
 * without a stored value, and cells longer than {@link ReadLimits#maxCellChars()}. A formula cell with a stored
 * value gives that value ({@link RowIterator#formulaCells()} counts them). The workbook's parts are found through
 * the package's relationships, whatever their names.
 */
public final class XlsxSource implements SpreadsheetSource {

    private final ZipPackage zip;
    private final WorkbookIndex workbook;
    private final CellStyles styles;
    private final ReadLimits limits;
    private final List<String> sheetNames;
    /**
     * Whether sheets are read a few batches of rows ahead on a thread of their own ({@link ReadAheadRows}): with a
     * second core, inflating and scanning the XML runs beside the caller's work instead of taking turns with it.
     */
    private final boolean readAhead = Runtime.getRuntime().availableProcessors() > 1;
    private final List<ReadAheadRows> readingAhead = new ArrayList<>();
    private SharedStrings sharedStrings;

    private XlsxSource(ZipPackage zip, WorkbookIndex workbook, CellStyles styles, ReadLimits limits) {
        this.zip = zip;
        this.workbook = workbook;
        this.styles = styles;
        this.limits = limits;
        this.sheetNames = workbook.sheets().stream().map(WorkbookIndex.Sheet::name).toList();
    }

    /** Opens a workbook with the {@link ReadLimits#DEFAULT default limits}. */
    public static XlsxSource open(Path file) throws IOException, SourceFormatException {
        return open(file, ReadLimits.DEFAULT);
    }

    /** Opens a workbook and reads its sheet list and styles; sheets are read when {@link #rows} asks for them. */
    public static XlsxSource open(Path file, ReadLimits limits) throws IOException, SourceFormatException {
        ZipPackage zip = ZipPackage.open(file, limits);
        try {
            WorkbookIndex workbook = WorkbookIndex.read(zip);
            CellStyles styles = workbook.stylesPart() == null ? CellStyles.NONE
                    : CellStyles.read(zip, workbook.stylesPart());
            return new XlsxSource(zip, workbook, styles, limits);
        } catch (IOException | SourceFormatException | RuntimeException e) {
            try {
                zip.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public List<String> sheets() {
        return sheetNames;
    }

    /** Opens the named sheet; the first call also reads the workbook's shared strings. */
    @Override
    public RowIterator rows(String sheet) throws IOException, SourceFormatException {
        WorkbookIndex.Sheet found = workbook.sheets().stream()
                .filter(candidate -> candidate.name().equals(sheet))
                .findFirst()
                .orElseThrow(() -> new SourceFormatException(zip.fileName(), null, null, null,
                        "the workbook has no sheet named '" + sheet + "'; its sheets are " + quoted(sheetNames)));
        if (sharedStrings == null) {
            sharedStrings = workbook.sharedStringsPart() == null ? SharedStrings.NONE
                    : SharedStrings.read(zip, workbook.sharedStringsPart(), limits.maxCellChars(),
                    limits.maxSharedStringsBytes());
        }
        XmlScanner part = zip.openScanner(found.part(), sheet);
        SheetReader rows = new SheetReader(zip, found.part(), part, sheet, sharedStrings, styles, workbook.date1904(),
                limits);
        if (!readAhead) {
            return rows;
        }
        ReadAheadRows ahead = new ReadAheadRows(rows, zip.fileName(), sheet);
        readingAhead.add(ahead);
        return ahead;
    }

    /**
     * The links of the named sheet's cells to addresses outside the workbook, which its rows do not carry; read
     * with the same protections as the rows. {@link Hyperlinks#NONE} for a sheet without links, or one the
     * workbook does not have.
     */
    public Hyperlinks hyperlinks(String sheet) throws IOException, SourceFormatException {
        for (WorkbookIndex.Sheet candidate : workbook.sheets()) {
            if (candidate.name().equals(sheet)) {
                return HyperlinkReader.read(zip, candidate.part(), sheet);
            }
        }
        return Hyperlinks.NONE;
    }

    /** Closes the file, and first any sheet still being read, so that no reading thread outlives it. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (ReadAheadRows rows : readingAhead) {
            try {
                rows.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        readingAhead.clear();
        zip.close();
        if (failure != null) {
            throw failure;
        }
    }

    private static String quoted(List<String> names) {
        return names.isEmpty() ? "none" : "'" + String.join("', '", names) + "'";
    }
}
