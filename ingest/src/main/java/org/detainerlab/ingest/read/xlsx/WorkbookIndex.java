package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.detainerlab.ingest.read.SourceFormatException;

/**
 * What {@code xl/workbook.xml} and its relationships say: the sheets in workbook order with the parts holding
 * them, the date system, and where the shared strings and styles are.
 */
final class WorkbookIndex {

    static final String WORKBOOK = "xl/workbook.xml";
    private static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
    private static final String WORKBOOK_FOLDER = "xl/";
    private static final String SHARED_STRINGS_TYPE = "/sharedStrings";
    private static final String STYLES_TYPE = "/styles";
    private static final String DEFAULT_SHARED_STRINGS = "xl/sharedStrings.xml";
    private static final String DEFAULT_STYLES = "xl/styles.xml";

    /** A sheet and the zip entry that holds it. */
    record Sheet(String name, String part) {
    }

    /** A sheet as {@code workbook.xml} lists it, before its relationship is resolved. */
    private record Listed(String name, String relationshipId) {
    }

    private final List<Sheet> sheets;
    private final boolean date1904;
    private final String sharedStringsPart;
    private final String stylesPart;

    private WorkbookIndex(List<Sheet> sheets, boolean date1904, String sharedStringsPart, String stylesPart) {
        this.sheets = sheets;
        this.date1904 = date1904;
        this.sharedStringsPart = sharedStringsPart;
        this.stylesPart = stylesPart;
    }

    static WorkbookIndex read(ZipPackage zip) throws IOException, SourceFormatException {
        List<Listed> listed = new ArrayList<>();
        boolean date1904 = false;
        try (XmlPart part = zip.openXml(WORKBOOK)) {
            XMLStreamReader xml = part.reader();
            // extensions repeat names in their own namespaces (x15:workbookPr), so only the workbook's own count
            String namespace = xml.getNamespaceURI();
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT
                        || !Objects.equals(namespace, xml.getNamespaceURI())) {
                    continue;
                }
                String element = xml.getLocalName();
                if (element.equals("sheet")) {
                    listed.add(new Listed(xml.getAttributeValue(null, "name"), PartRelationships.idOf(xml)));
                } else if (element.equals("workbookPr")) {
                    String value = xml.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(value) || "true".equals(value);
                }
            }
        } catch (XMLStreamException e) {
            throw zip.unreadable(WORKBOOK, null, null, null, e);
        }
        Relationships relationships = Relationships.read(zip);
        List<Sheet> sheets = new ArrayList<>(listed.size());
        for (Listed sheet : listed) {
            String target = sheet.relationshipId() == null ? null : relationships.targets.get(sheet.relationshipId());
            if (sheet.name() == null || target == null) {
                throw new SourceFormatException(zip.fileName(), sheet.name(), null, null, "the file is damaged: "
                        + WORKBOOK + " lists a sheet without a name or without a relationship to the part holding"
                        + " it; export the workbook again");
            }
            sheets.add(new Sheet(sheet.name(), target));
        }
        return new WorkbookIndex(List.copyOf(sheets), date1904,
                present(zip, relationships.sharedStrings, DEFAULT_SHARED_STRINGS),
                present(zip, relationships.styles, DEFAULT_STYLES));
    }

    List<Sheet> sheets() {
        return sheets;
    }

    boolean date1904() {
        return date1904;
    }

    /** The shared strings part, or null when the workbook has none (all text inline, or no text). */
    String sharedStringsPart() {
        return sharedStringsPart;
    }

    /** The styles part, or null when the workbook has none (then no number is a date). */
    String stylesPart() {
        return stylesPart;
    }

    /**
     * The part a relationship names, else the conventional one; some writers leave out the relationship, others
     * declare a part they then do not write when it would be empty.
     */
    private static String present(ZipPackage zip, String declared, String conventional) {
        if (declared != null && zip.contains(declared)) {
            return declared;
        }
        return zip.contains(conventional) ? conventional : null;
    }

    /** Targets of {@code xl/_rels/workbook.xml.rels}, resolved to zip entry names. */
    private static final class Relationships {

        private final Map<String, String> targets = new HashMap<>();
        private String sharedStrings;
        private String styles;

        static Relationships read(ZipPackage zip) throws IOException, SourceFormatException {
            if (!zip.contains(WORKBOOK_RELS)) {
                throw new SourceFormatException(zip.fileName(), null, null, null, "the file is damaged: "
                        + WORKBOOK_RELS + " is missing, so its sheets cannot be found; export the workbook again");
            }
            Relationships relationships = new Relationships();
            for (PartRelationships.Relationship relationship : PartRelationships.read(zip, WORKBOOK_RELS, null)) {
                if (!relationship.external()) {
                    relationships.add(relationship.id(), relationship.type(), relationship.target());
                }
            }
            return relationships;
        }

        private void add(String id, String type, String target) {
            String part = PartRelationships.resolve(WORKBOOK_FOLDER, target);
            targets.put(id, part);
            if (type != null && type.endsWith(SHARED_STRINGS_TYPE)) {
                sharedStrings = part;
            } else if (type != null && type.endsWith(STYLES_TYPE)) {
                styles = part;
            }
        }
    }
}
