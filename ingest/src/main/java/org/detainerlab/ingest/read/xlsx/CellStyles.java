package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.detainerlab.ingest.read.SourceFormatException;

/**
 * Which cell styles ({@code s} attribute, an index into {@code cellXfs} of {@code xl/styles.xml}) show numbers as
 * dates, decided once per style so that cells only look up a flag.
 */
final class CellStyles {

    static final CellStyles NONE = new CellStyles(new boolean[0]);

    private final boolean[] dateStyles;

    private CellStyles(boolean[] dateStyles) {
        this.dateStyles = dateStyles;
    }

    static CellStyles read(ZipPackage zip, String part) throws IOException, SourceFormatException {
        Map<Integer, String> customFormats = new HashMap<>();
        int[] styleFormats = new int[16];
        int styles = 0;
        try (XmlPart xmlPart = zip.openXml(part)) {
            XMLStreamReader xml = xmlPart.reader();
            // numFmt and xf also appear elsewhere (dxfs, cellStyleXfs) with other meanings
            String section = "";
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = xml.getLocalName();
                    if (element.equals("numFmts") || element.equals("cellXfs")) {
                        section = element;
                    } else if (section.equals("numFmts") && element.equals("numFmt")) {
                        int id = CellReference.parseIndex(xml.getAttributeValue(null, "numFmtId"));
                        String code = xml.getAttributeValue(null, "formatCode");
                        if (id >= 0 && code != null) {
                            customFormats.put(id, code);
                        }
                    } else if (section.equals("cellXfs") && element.equals("xf")) {
                        if (styles == styleFormats.length) {
                            styleFormats = Arrays.copyOf(styleFormats, styles * 2);
                        }
                        styleFormats[styles++] = CellReference.parseIndex(xml.getAttributeValue(null, "numFmtId"));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(section)) {
                    section = "";
                }
            }
        } catch (XMLStreamException e) {
            throw zip.unreadable(part, null, null, null, e);
        }
        boolean[] dateStyles = new boolean[styles];
        for (int i = 0; i < styles; i++) {
            String code = customFormats.get(styleFormats[i]);
            dateStyles[i] = code != null ? DateFormats.isDateCode(code) : DateFormats.isBuiltInDate(styleFormats[i]);
        }
        return new CellStyles(dateStyles);
    }

    /** Whether numbers in cells of this style are dates; an unknown style is not. */
    boolean isDate(int style) {
        return style >= 0 && style < dateStyles.length && dateStyles[style];
    }
}
