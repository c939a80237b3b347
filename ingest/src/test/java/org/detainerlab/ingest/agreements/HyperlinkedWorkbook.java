package org.detainerlab.ingest.agreements;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Adds cell hyperlinks to the first sheet of a workbook written by XlsxWriter (which writes none), as Excel stores
 * them: a {@code <hyperlinks>} element after the sheet data, and the addresses in the sheet's relationships part.
 */
final class HyperlinkedWorkbook {

    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String SHEET_RELS = "xl/worksheets/_rels/sheet1.xml.rels";

    private HyperlinkedWorkbook() {
    }

    /** Rewrites the workbook with a hyperlink on each cell of {@code links} (cell reference to address). */
    static void addLinks(Path workbook, Map<String, String> links) throws IOException {
        StringBuilder elements = new StringBuilder("<hyperlinks>");
        StringBuilder relationships = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        int id = 0;
        for (Map.Entry<String, String> link : links.entrySet()) {
            id++;
            elements.append("<hyperlink ref=\"").append(link.getKey()).append("\" r:id=\"rIdLink").append(id)
                    .append("\"/>");
            relationships.append("<Relationship Id=\"rIdLink").append(id).append("\" Type=\"http://schemas."
                    + "openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"")
                    .append(link.getValue().replace("&", "&amp;")).append("\" TargetMode=\"External\"/>");
        }
        elements.append("</hyperlinks>");
        relationships.append("</Relationships>");

        Path rewritten = workbook.resolveSibling(workbook.getFileName() + ".linked");
        try (ZipFile in = new ZipFile(workbook.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] content;
                try (InputStream stream = in.getInputStream(entry)) {
                    content = stream.readAllBytes();
                }
                if (entry.getName().equals(SHEET)) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    content = xml.replace("</worksheet>", elements + "</worksheet>").getBytes(StandardCharsets.UTF_8);
                }
                write(out, entry.getName(), content);
            }
            write(out, SHEET_RELS, relationships.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.move(rewritten, workbook, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void write(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }
}
