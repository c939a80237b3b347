package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.detainerlab.ingest.read.SourceFormatException;

/**
 * The relationships of a part ({@code xl/_rels/workbook.xml.rels} for {@code xl/workbook.xml}): what the
 * {@code r:id} attributes in the part point at, another part of the package or an outside address.
 */
final class PartRelationships {

    /** One {@code <Relationship>}; the target as written, relative to the part's folder unless external. */
    record Relationship(String id, String type, String target, boolean external) {
    }

    private PartRelationships() {
    }

    /** The relationships part of a part: {@code _rels/NAME.rels} in the part's folder. */
    static String of(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    /**
     * The relationships with both an id and a target, in document order. The sheet, if given, is named in
     * messages.
     */
    static List<Relationship> read(ZipPackage zip, String relationshipsPart, String sheet)
            throws IOException, SourceFormatException {
        List<Relationship> relationships = new ArrayList<>();
        try (XmlPart part = zip.openXml(relationshipsPart, sheet)) {
            XMLStreamReader xml = part.reader();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
                    String id = xml.getAttributeValue(null, "Id");
                    String target = xml.getAttributeValue(null, "Target");
                    if (id != null && target != null) {
                        relationships.add(new Relationship(id, xml.getAttributeValue(null, "Type"), target,
                                "External".equals(xml.getAttributeValue(null, "TargetMode"))));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw zip.unreadable(relationshipsPart, sheet, null, null, e);
        }
        return relationships;
    }

    /**
     * A target relative to {@code folder} ({@code worksheets/sheet1.xml} from {@code xl/}) or absolute
     * ({@code /xl/...}), as a zip entry name.
     */
    static String resolve(String folder, String target) {
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

    /**
     * The {@code r:id} attribute of the current element, or null; read by local name because strict OOXML uses
     * another namespace for it.
     */
    static String idOf(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if (xml.getAttributeLocalName(i).equals("id") && namespace != null && !namespace.isEmpty()) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }
}
