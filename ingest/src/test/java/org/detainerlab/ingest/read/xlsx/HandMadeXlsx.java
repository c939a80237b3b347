package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds small xlsx files part by part, for the cases {@link XlsxWriter} never writes: shared strings, rich
 * text, custom number formats, the 1904 date system, formulas, hostile or broken parts.
 */
final class HandMadeXlsx {

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String PACKAGE_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private final List<String> sheetNames = new ArrayList<>();
    private final Map<String, byte[]> parts = new LinkedHashMap<>();
    private final Map<String, Repetition> repetitiveParts = new LinkedHashMap<>();
    private boolean date1904;
    private boolean absoluteTargets;

    /** A sheet whose {@code <sheetData>} holds the given rows ({@code <row>...</row>} elements). */
    HandMadeXlsx sheet(String name, String rowsXml) {
        sheetNames.add(name);
        return part("xl/worksheets/sheet" + sheetNames.size() + ".xml", XML_DECLARATION
                + "<worksheet xmlns=\"" + MAIN_NS + "\"><dimension ref=\"A1\"/><sheetData>" + rowsXml
                + "</sheetData></worksheet>");
    }

    /** Shared strings, each given as the content of an {@code <si>} element. */
    HandMadeXlsx sharedStrings(String... items) {
        StringBuilder xml = new StringBuilder(XML_DECLARATION).append("<sst xmlns=\"").append(MAIN_NS)
                .append("\" uniqueCount=\"").append(items.length).append("\">");
        for (String item : items) {
            xml.append("<si>").append(item).append("</si>");
        }
        return part("xl/sharedStrings.xml", xml.append("</sst>").toString());
    }

    /** Custom formats as {@code id -> code} pairs, and the numFmtId of each cellXfs entry in order. */
    HandMadeXlsx styles(Map<Integer, String> customFormats, int... cellFormats) {
        StringBuilder xml = new StringBuilder(XML_DECLARATION).append("<styleSheet xmlns=\"").append(MAIN_NS)
                .append("\"><numFmts count=\"").append(customFormats.size()).append("\">");
        customFormats.forEach((id, code) -> xml.append("<numFmt numFmtId=\"").append(id).append("\" formatCode=\"")
                .append(code.replace("&", "&amp;").replace("\"", "&quot;")).append("\"/>"));
        xml.append("</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs count=\"")
                .append(cellFormats.length).append("\">");
        for (int format : cellFormats) {
            xml.append("<xf numFmtId=\"").append(format).append("\" fontId=\"0\" xfId=\"0\"/>");
        }
        // a differential format (conditional formatting) that reuses an id must not change what the id means
        return part("xl/styles.xml", xml.append("</cellXfs><dxfs count=\"1\"><dxf><numFmt numFmtId=\"164\"")
                .append(" formatCode=\"yyyy-mm-dd\"/></dxf></dxfs></styleSheet>").toString());
    }

    HandMadeXlsx date1904() {
        date1904 = true;
        return this;
    }

    /** Relationship targets written as {@code /xl/worksheets/sheet1.xml}, as some writers do. */
    HandMadeXlsx absoluteTargets() {
        absoluteTargets = true;
        return this;
    }

    /** Any part, replacing what the builder would write under that name; null leaves the part out. */
    HandMadeXlsx part(String name, String content) {
        return part(name, content == null ? null : content.getBytes(StandardCharsets.UTF_8));
    }

    /** Any part as bytes, for encodings other than UTF-8. */
    HandMadeXlsx part(String name, byte[] content) {
        parts.put(name, content);
        return this;
    }

    /**
     * A part made of {@code unit} repeated until it has about {@code bytes} bytes, between a head and a tail:
     * written at best compression it takes a few hundred bytes per megabyte, the shape of a zip bomb.
     */
    HandMadeXlsx repetitivePart(String name, String head, String unit, long bytes, String tail) {
        repetitiveParts.put(name, new Repetition(head, unit, bytes, tail));
        parts.remove(name);
        return this;
    }

    Path writeTo(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            Map<String, byte[]> all = new LinkedHashMap<>();
            all.put("[Content_Types].xml", utf8(XML_DECLARATION
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
            all.put("_rels/.rels", utf8(XML_DECLARATION + "<Relationships xmlns=\"" + PACKAGE_NS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>"));
            all.put("xl/workbook.xml", utf8(workbook()));
            all.put("xl/_rels/workbook.xml.rels", utf8(relationships()));
            all.putAll(parts);
            for (Map.Entry<String, byte[]> part : all.entrySet()) {
                if (part.getValue() != null) {
                    zip.putNextEntry(new ZipEntry(part.getKey()));
                    zip.write(part.getValue());
                    zip.closeEntry();
                }
            }
            for (Map.Entry<String, Repetition> part : repetitiveParts.entrySet()) {
                part.getValue().write(zip, part.getKey());
            }
        }
        return file;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String workbook() {
        StringBuilder xml = new StringBuilder(XML_DECLARATION).append("<workbook xmlns=\"").append(MAIN_NS)
                .append("\" xmlns:r=\"").append(REL_NS).append("\">")
                .append(date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>").append("<sheets>");
        for (int i = 1; i <= sheetNames.size(); i++) {
            xml.append("<sheet name=\"").append(sheetNames.get(i - 1)).append("\" sheetId=\"").append(i)
                    .append("\" r:id=\"rId").append(i).append("\"/>");
        }
        // Excel adds extensions that repeat element names in other namespaces
        return xml.append("</sheets><extLst><ext uri=\"{140A7094-0E35-4892-8432-C4D2E57EDEB5}\"")
                .append(" xmlns:x15=\"http://schemas.microsoft.com/office/spreadsheetml/2010/11/main\">")
                .append("<x15:workbookPr chartTrackingRefBase=\"1\"/></ext></extLst></workbook>").toString();
    }

    private String relationships() {
        String folder = absoluteTargets ? "/xl/" : "";
        StringBuilder xml = new StringBuilder(XML_DECLARATION)
                .append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 1; i <= sheetNames.size(); i++) {
            xml.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(REL_NS)
                    .append("/worksheet\" Target=\"").append(folder).append("worksheets/sheet").append(i)
                    .append(".xml\"/>");
        }
        xml.append("<Relationship Id=\"rIdS\" Type=\"").append(REL_NS).append("/sharedStrings\" Target=\"")
                .append(folder).append("sharedStrings.xml\"/>");
        xml.append("<Relationship Id=\"rIdT\" Type=\"").append(REL_NS).append("/styles\" Target=\"")
                .append(folder).append("styles.xml\"/>");
        return xml.append("</Relationships>").toString();
    }

    private record Repetition(String head, String unit, long bytes, String tail) {

        void write(ZipOutputStream zip, String name) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] block = unit.repeat((1 << 20) / unit.length()).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < bytes; written += block.length) {
                zip.write(block);
            }
            zip.write(tail.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
