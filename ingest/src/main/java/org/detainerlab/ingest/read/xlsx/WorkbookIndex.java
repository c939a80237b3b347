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
 * What the workbook part and its relationships say: the sheets in workbook order with the parts holding them, the
 * date system, and where the shared strings and styles are. The workbook part is the one the package's own
 * relationships ({@code _rels/.rels}) name as its main document, as the Open Packaging Conventions define it:
 * every writer we know calls it {@code xl/workbook.xml}, but only the relationship says so, and the sheets, shared
 * strings and styles are found the same way, through the workbook's relationships.
 */
final class WorkbookIndex {

    static final String PACKAGE_RELS = "_rels/.rels";
    /** The type's last segment; transitional and strict OOXML differ in what precedes it. */
    private static final String OFFICE_DOCUMENT_TYPE = "/officeDocument";
    private static final String SHARED_STRINGS_TYPE = "/sharedStrings";
    private static final String STYLES_TYPE = "/styles";
    private static final String DEFAULT_SHARED_STRINGS = "sharedStrings.xml";
    private static final String DEFAULT_STYLES = "styles.xml";

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
        String workbook = workbookPart(zip);
        List<Listed> listed = new ArrayList<>();
        boolean date1904 = false;
        try (XmlPart part = zip.openXml(workbook)) {
            XMLStreamReader xml = part.reader();
            if (!xml.getLocalName().equals("workbook")) {
                throw notAWorkbook(zip, "its main part " + workbook + " is a <" + xml.getLocalName() + ">, not a"
                        + " <workbook>");
            }
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
            throw zip.unreadable(workbook, null, null, null, e);
        }
        Relationships relationships = Relationships.read(zip, workbook);
        List<Sheet> sheets = new ArrayList<>(listed.size());
        for (Listed sheet : listed) {
            String target = sheet.relationshipId() == null ? null : relationships.targets.get(sheet.relationshipId());
            if (sheet.name() == null || target == null) {
                throw new SourceFormatException(zip.fileName(), sheet.name(), null, null, "the file is damaged: "
                        + workbook + " lists a sheet without a name or without a relationship to the part holding"
                        + " it; export the workbook again");
            }
            sheets.add(new Sheet(sheet.name(), target));
        }
        String folder = folderOf(workbook);
        return new WorkbookIndex(List.copyOf(sheets), date1904,
                present(zip, relationships.sharedStrings, folder + DEFAULT_SHARED_STRINGS),
                present(zip, relationships.styles, folder + DEFAULT_STYLES));
    }

    /** The part that {@code _rels/.rels} names as the package's main document. */
    private static String workbookPart(ZipPackage zip) throws IOException, SourceFormatException {
        if (!zip.contains(PACKAGE_RELS)) {
            throw notAWorkbook(zip, "no " + PACKAGE_RELS + ", which names the workbook's part");
        }
        for (PartRelationships.Relationship relationship : PartRelationships.read(zip, PACKAGE_RELS, null)) {
            if (!relationship.external() && relationship.type() != null
                    && relationship.type().endsWith(OFFICE_DOCUMENT_TYPE)) {
                String part = PartRelationships.resolve("", relationship.target());
                if (!zip.contains(part)) {
                    throw new SourceFormatException(zip.fileName(), null, null, null, "the file is damaged: "
                            + PACKAGE_RELS + " names " + part + " as the workbook, but the file holds no such part;"
                            + " export the workbook again");
                }
                return part;
            }
        }
        throw notAWorkbook(zip, PACKAGE_RELS + " names no main document");
    }

    private static SourceFormatException notAWorkbook(ZipPackage zip, String why) {
        return new SourceFormatException(zip.fileName(), null, null, null, "the file is a zip file but not an xlsx"
                + " workbook (" + why + "); save or export it from the spreadsheet program as .xlsx");
    }

    /** The folder of a part, with its trailing slash ({@code xl/} for {@code xl/workbook.xml}), or "". */
    private static String folderOf(String part) {
        return part.substring(0, part.lastIndexOf('/') + 1);
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

    /**
     * Targets of the workbook's relationships ({@code xl/_rels/workbook.xml.rels} for {@code xl/workbook.xml}),
     * resolved to zip entry names.
     */
    private static final class Relationships {

        private final Map<String, String> targets = new HashMap<>();
        private String sharedStrings;
        private String styles;

        static Relationships read(ZipPackage zip, String workbook) throws IOException, SourceFormatException {
            String relationshipsPart = PartRelationships.of(workbook);
            if (!zip.contains(relationshipsPart)) {
                throw new SourceFormatException(zip.fileName(), null, null, null, "the file is damaged: "
                        + relationshipsPart + " is missing, so its sheets cannot be found; export the workbook again");
            }
            Relationships relationships = new Relationships();
            String folder = folderOf(workbook);
            for (PartRelationships.Relationship relationship : PartRelationships.read(zip, relationshipsPart, null)) {
                if (!relationship.external()) {
                    relationships.add(folder, relationship.id(), relationship.type(), relationship.target());
                }
            }
            return relationships;
        }

        private void add(String folder, String id, String type, String target) {
            String part = PartRelationships.resolve(folder, target);
            targets.put(id, part);
            if (type != null && type.endsWith(SHARED_STRINGS_TYPE)) {
                sharedStrings = part;
            } else if (type != null && type.endsWith(STYLES_TYPE)) {
                styles = part;
            }
        }
    }
}
