package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.detainerlab.ingest.read.SourceFormatException;

/**
 * Reads a sheet's {@code <hyperlinks>} element and resolves each link's {@code r:id} through the sheet's
 * relationships. The sheet is read with StAX rather than {@link XmlScanner}, which has no namespaces: the
 * {@code r:id} attribute is known by its namespace, whatever its prefix.
 */
final class HyperlinkReader {

    private HyperlinkReader() {
    }

    static Hyperlinks read(ZipPackage zip, String sheetPart, String sheet) throws IOException, SourceFormatException {
        String relationshipsPart = PartRelationships.of(sheetPart);
        if (!zip.contains(relationshipsPart)) {
            return Hyperlinks.NONE;
        }
        Map<String, String> targets = new HashMap<>();
        for (PartRelationships.Relationship relationship : PartRelationships.read(zip, relationshipsPart, sheet)) {
            targets.put(relationship.id(), relationship.target());
        }
        Map<Long, String> cells = new HashMap<>();
        List<Hyperlinks.Range> ranges = new ArrayList<>();
        try (XmlPart part = zip.openXml(sheetPart, sheet)) {
            XMLStreamReader xml = part.reader();
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("hyperlink")) {
                    continue;
                }
                String ref = xml.getAttributeValue(null, "ref");
                String id = PartRelationships.idOf(xml);
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
                    cells.put(Hyperlinks.key(first[0], first[1]), target);
                } else {
                    ranges.add(new Hyperlinks.Range(first[0], first[1], last[0], last[1], target));
                }
            }
        } catch (XMLStreamException e) {
            throw zip.unreadable(sheetPart, sheet, null, null, e);
        }
        return new Hyperlinks(cells, ranges);
    }

    /**
     * Row (1-based) and column (0-based) of a reference such as {@code G915}, or null: capitals, at most three
     * letters and seven digits, as spreadsheet programs write them; a link on anything else is dropped.
     */
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
}
