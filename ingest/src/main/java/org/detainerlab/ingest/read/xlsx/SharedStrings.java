package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.detainerlab.ingest.read.SourceFormatException;

/**
 * The shared string table ({@code xl/sharedStrings.xml}) that {@code t="s"} cells point into. Rich text is the
 * concatenation of its runs; phonetic guides ({@code <rPh>}, furigana) are not part of the text. A string longer
 * than the cell limit is not kept: only its length is, for the message about the first cell that uses it.
 *
 * <p>The table is the one part held in memory whole, so it has a memory budget besides the inflation limits that
 * bound every part: a table that would need more than
 * {@link org.detainerlab.ingest.read.ReadLimits#maxSharedStringsBytes()} (or half the heap) is refused with a message rather than
 * ending the process with an {@link OutOfMemoryError}.
 */
final class SharedStrings {

    static final SharedStrings NONE = new SharedStrings(List.of(), Map.of());

    /** A declared count is only a hint: a hostile file could claim billions. */
    private static final int MAX_PRESIZE = 1 << 16;
    /** Bytes a short String costs besides its characters: header, array header, list slot. */
    private static final int STRING_OVERHEAD = 56;

    private static final byte[] UNIQUE_COUNT = XmlScanner.name("uniqueCount");
    private static final byte[] ITEM = XmlScanner.name("si");
    private static final byte[] TEXT = XmlScanner.name("t");
    private static final byte[] PHONETIC_RUN = XmlScanner.name("rPh");

    private final List<String> strings;
    private final Map<Integer, Long> overlongLengths;

    private SharedStrings(List<String> strings, Map<Integer, Long> overlongLengths) {
        this.strings = strings;
        this.overlongLengths = overlongLengths;
    }

    /**
     * Reads the table within {@code budget} bytes, and never more than half the heap: the same bound for the CLI and
     * for uploads to the application, however large the application's heap is.
     */
    static SharedStrings read(ZipPackage zip, String part, int maxCellChars, long budget)
            throws IOException, SourceFormatException {
        return readWithin(zip, part, maxCellChars, Math.min(budget, Runtime.getRuntime().maxMemory() / 2));
    }

    private static SharedStrings readWithin(ZipPackage zip, String part, int maxCellChars, long memoryBudget)
            throws IOException, SourceFormatException {
        List<String> strings;
        long memory = 0;
        Map<Integer, Long> overlongLengths = new HashMap<>();
        TextCollector text = new TextCollector(maxCellChars);
        try (XmlScanner xml = zip.openScanner(part, null)) {
            strings = new ArrayList<>(presize(xml.attributeValue(UNIQUE_COUNT)));
            for (int event = xml.next(); event != XmlScanner.END_DOCUMENT; event = xml.next()) {
                if (event == XmlScanner.START) {
                    if (xml.isNamed(ITEM)) {
                        text.reset();
                    } else if (xml.isNamed(TEXT)) {
                        xml.readText(text);
                    } else if (xml.isNamed(PHONETIC_RUN)) {
                        xml.skipElement();
                    }
                } else if (xml.isNamed(ITEM)) {
                    if (text.isOverlong()) {
                        overlongLengths.put(strings.size(), text.fullLength());
                        strings.add(null);
                    } else {
                        strings.add(XString.decode(text.toString()));
                        memory += STRING_OVERHEAD + text.length();
                        if (memory > memoryBudget) {
                            throw overBudget(zip, part, strings.size(), memoryBudget);
                        }
                    }
                }
            }
        } catch (XmlSyntaxException | IOException e) {
            throw zip.unreadable(part, null, null, null, e);
        }
        return new SharedStrings(strings, overlongLengths);
    }

    int size() {
        return strings.size();
    }

    /** The string at the index, or null when it is longer than the cell limit (see {@link #overlongLength}). */
    String get(int index) {
        return strings.get(index);
    }

    long overlongLength(int index) {
        return overlongLengths.getOrDefault(index, 0L);
    }

    private static SourceFormatException overBudget(ZipPackage zip, String part, int count, long budget) {
        return new SourceFormatException(zip.fileName(), null, null, null, "the shared strings (" + part + ") need"
                + " more than the " + Sizes.mebibytes(budget) + " of memory the reader may give them; "
                + Sizes.count(count) + " strings were read before stopping; give the process more memory or"
                + " split the workbook");
    }

    private static int presize(String uniqueCount) {
        int declared = CellReference.parseIndex(uniqueCount);
        return declared < 0 ? 16 : Math.min(declared, MAX_PRESIZE);
    }
}
