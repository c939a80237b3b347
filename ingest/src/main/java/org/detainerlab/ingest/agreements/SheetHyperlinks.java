package org.detainerlab.ingest.agreements;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.SourceFormatException;

/**
 * The hyperlinks of one sheet of an xlsx workbook: the cell readers give text only, and ICE's current list shows
 * {@code link} in its MOA and ADDENDUM cells, with the document's address in the cell's hyperlink. Read from the
 * sheet's {@code <hyperlinks>} element and its relationships part, after the xlsx reader has opened the workbook
 * (so the file is known to be a workbook), with the same protections: no DTD or external entity is read, and a
 * part stops being read past the {@link ReadLimits} size and compression ratio.
 */
final class SheetHyperlinks {

    static final SheetHyperlinks NONE = new SheetHyperlinks(Map.of(), List.of());

    private static final String WORKBOOK = "xl/workbook.xml";
    private static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

    /** A hyperlink over a range of cells ({@code ref="G2:G9"}), 0-based columns, 1-based rows. */
    private record Range(int firstRow, int firstColumn, int lastRow, int lastColumn, String target) {
        boolean contains(int row, int column) {
            return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
        }
    }

    private final Map<Long, String> cells;
    private final List<Range> ranges;

    private SheetHyperlinks(Map<Long, String> cells, List<Range> ranges) {
        this.cells = cells;
        this.ranges = ranges;
    }

    /** The address a cell links to, or null. */
    String target(int row, int column) {
        String target = cells.get(key(row, column));
        for (int i = 0; target == null && i < ranges.size(); i++) {
            if (ranges.get(i).contains(row, column)) {
                target = ranges.get(i).target();
            }
        }
        return target;
    }

    static SheetHyperlinks read(Path file, String sheet, ReadLimits limits) throws IOException, SourceFormatException {
        String fileName = file.getFileName().toString();
        try (Parts parts = new Parts(file, limits)) {
            String relationship = sheetRelationship(parts, sheet);
            String sheetPart = relationship == null ? null : relationships(parts, WORKBOOK_RELS).get(relationship);
            if (sheetPart == null) {
                return NONE;
            }
            String part = resolve("xl/", sheetPart);
            int slash = part.lastIndexOf('/');
            String rels = part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
            if (!parts.contains(rels)) {
                return NONE;
            }
            return links(parts, part, relationships(parts, rels));
        } catch (XMLStreamException e) {
            throw new SourceFormatException(fileName, sheet, null, null, "the hyperlinks of the sheet cannot be read"
                    + " (" + e.getMessage() + "); the file is damaged or was not written by a spreadsheet program", e);
        }
    }

    private static String sheetRelationship(Parts parts, String sheet) throws IOException, XMLStreamException {
        try (Part part = parts.open(WORKBOOK)) {
            XMLStreamReader xml = part.xml();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("sheet")
                        && sheet.equals(xml.getAttributeValue(null, "name"))) {
                    return relationshipId(xml);
                }
            }
        }
        return null;
    }

    private static Map<String, String> relationships(Parts parts, String name) throws IOException, XMLStreamException {
        Map<String, String> targets = new HashMap<>();
        try (Part part = parts.open(name)) {
            XMLStreamReader xml = part.xml();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
                    String id = xml.getAttributeValue(null, "Id");
                    String target = xml.getAttributeValue(null, "Target");
                    if (id != null && target != null) {
                        targets.put(id, target);
                    }
                }
            }
        }
        return targets;
    }

    private static SheetHyperlinks links(Parts parts, String sheetPart, Map<String, String> targets)
            throws IOException, XMLStreamException {
        Map<Long, String> cells = new HashMap<>();
        List<Range> ranges = new ArrayList<>();
        try (Part part = parts.open(sheetPart)) {
            XMLStreamReader xml = part.xml();
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("hyperlink")) {
                    continue;
                }
                String ref = xml.getAttributeValue(null, "ref");
                String id = relationshipId(xml);
                String target = id == null ? null : targets.get(id);
                if (ref == null || target == null) {
                    // a link to a place inside the workbook, not to a document
                    continue;
                }
                String[] corners = ref.split(":");
                int[] first = cell(corners[0]);
                int[] last = corners.length > 1 ? cell(corners[1]) : first;
                if (first == null || last == null) {
                    continue;
                }
                if (first[0] == last[0] && first[1] == last[1]) {
                    cells.put(key(first[0], first[1]), target);
                } else {
                    ranges.add(new Range(first[0], first[1], last[0], last[1], target));
                }
            }
        }
        return new SheetHyperlinks(cells, ranges);
    }

    /** Row (1-based) and column (0-based) of a reference such as {@code G915}, or null. */
    private static int[] cell(String reference) {
        int i = 0;
        int column = 0;
        while (i < reference.length() && reference.charAt(i) >= 'A' && reference.charAt(i) <= 'Z' && i < 3) {
            column = column * 26 + reference.charAt(i) - 'A' + 1;
            i++;
        }
        String digits = reference.substring(i);
        if (column == 0 || digits.isEmpty() || digits.length() > 7 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return new int[] {Integer.parseInt(digits), column - 1};
    }

    private static long key(int row, int column) {
        return ((long) row << 16) | column;
    }

    /** The {@code r:id} attribute, by local name, as strict OOXML uses another namespace for it. */
    private static String relationshipId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if (xml.getAttributeLocalName(i).equals("id") && namespace != null && !namespace.isEmpty()) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** A relationship target relative to {@code folder}, or absolute ({@code /xl/...}), as a zip entry name. */
    private static String resolve(String folder, String target) {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }

    /** The workbook's zip entries, opened as guarded XML. */
    private static final class Parts implements AutoCloseable {

        private final ZipFile zip;
        private final long fileSize;
        private final ReadLimits limits;
        private final XMLInputFactory factory = XMLInputFactory.newDefaultFactory();

        Parts(Path file, ReadLimits limits) throws IOException {
            this.zip = new ZipFile(file.toFile());
            this.fileSize = Files.size(file);
            this.limits = limits;
            factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        }

        boolean contains(String name) {
            return zip.getEntry(name) != null;
        }

        Part open(String name) throws IOException, XMLStreamException {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new XMLStreamException("part " + name + " is missing");
            }
            InputStream in = new Bounded(zip.getInputStream(entry), name, Math.min(entry.getCompressedSize(), fileSize),
                    limits);
            try {
                XMLStreamReader xml = factory.createXMLStreamReader(in);
                for (int event = xml.getEventType(); event != XMLStreamConstants.START_ELEMENT; event = xml.next()) {
                    if (event == XMLStreamConstants.DTD) {
                        throw new XMLStreamException("part " + name + " declares a DOCTYPE, which xlsx parts never do");
                    }
                    if (event == XMLStreamConstants.END_DOCUMENT) {
                        throw new XMLStreamException("part " + name + " holds no XML element");
                    }
                }
                return new Part(xml, in);
            } catch (XMLStreamException | RuntimeException e) {
                in.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    private record Part(XMLStreamReader xml, InputStream in) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // closing the stream below releases everything the parser held
            } finally {
                in.close();
            }
        }
    }

    /** Stops a part that inflates past the limits, as the xlsx reader does: zip sizes are the maker's claim. */
    private static final class Bounded extends FilterInputStream {

        private final String part;
        private final long compressedSize;
        private final ReadLimits limits;
        private long inflated;

        Bounded(InputStream in, String part, long compressedSize, ReadLimits limits) {
            super(in);
            this.part = part;
            this.compressedSize = Math.max(1, compressedSize);
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            inflated += n;
            boolean tooLarge = inflated > limits.maxEntryBytes();
            boolean bomb = inflated > limits.ratioCheckAfterBytes()
                    && inflated > compressedSize * limits.maxInflateRatio();
            if (tooLarge || bomb) {
                throw new IOException("part " + part + " inflates beyond the reader's limits; it was not read further");
            }
        }
    }
}
