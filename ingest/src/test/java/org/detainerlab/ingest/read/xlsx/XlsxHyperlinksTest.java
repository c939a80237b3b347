package org.detainerlab.ingest.read.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.SourceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cell hyperlinks are found through the sheet's relationships, for single cells and ranges, and safely. */
class XlsxHyperlinksTest {

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships";

    @TempDir
    Path dir;

    @Test
    void linksOfCellsAndRangesAreFoundByRowAndColumn() throws Exception {
        Path file = workbook("links.xlsx", "<hyperlink ref=\"G2\" r:id=\"rId7\"/>"
                + "<hyperlink ref=\"H3:H5\" r:id=\"rId8\"/>"
                + "<hyperlink ref=\"A1\" location=\"'Other sheet'!A1\"/>", relationships(""));

        try (XlsxSource source = XlsxSource.open(file)) {
            Hyperlinks links = source.hyperlinks("List");

            assertThat(links.target(2, 6)).isEqualTo("https://www.ice.gov/doclib/287gMOA/a.pdf");
            assertThat(links.target(3, 7)).isEqualTo("https://www.ice.gov/doclib/287gMOA/b.pdf?x=1&y=2");
            assertThat(links.target(4, 7)).isEqualTo("https://www.ice.gov/doclib/287gMOA/b.pdf?x=1&y=2");
            assertThat(links.target(5, 7)).isEqualTo("https://www.ice.gov/doclib/287gMOA/b.pdf?x=1&y=2");
            assertThat(links.target(6, 7)).isNull();
            assertThat(links.target(2, 7)).isNull();
            assertThat(links.target(1, 0)).as("a link inside the workbook is no document").isNull();
            assertThat(source.hyperlinks("No such sheet").target(2, 6)).isNull();
        }
    }

    @Test
    void aSheetWithoutRelationshipsHasNoLinks() throws Exception {
        Path file = workbook("plain.xlsx", "<hyperlink ref=\"A1\" location=\"'Other sheet'!A1\"/>", null);

        try (XlsxSource source = XlsxSource.open(file)) {
            assertThat(source.hyperlinks("List")).isSameAs(Hyperlinks.NONE);
        }
    }

    @Test
    void aRelationshipsPartWithADoctypeIsRefused() throws Exception {
        Path file = workbook("doctype.xlsx", "<hyperlink ref=\"G2\" r:id=\"rId7\"/>",
                relationships("<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"));

        try (XlsxSource source = XlsxSource.open(file)) {
            assertThatThrownBy(() -> source.hyperlinks("List"))
                    .isInstanceOf(SourceFormatException.class)
                    .hasMessageStartingWith("doctype.xlsx, sheet 'List': part xl/worksheets/_rels/sheet1.xml.rels")
                    .hasMessageContaining("DOCTYPE");
        }
    }

    @Test
    void aSheetLargerThanTheLimitIsRefused() throws Exception {
        Path file = workbook("large.xlsx", "<hyperlink ref=\"G2\" r:id=\"rId7\"/>".repeat(100), relationships(""));
        ReadLimits small = new ReadLimits(32_767, 2_000, 200, 50L << 20);

        try (XlsxSource source = XlsxSource.open(file, small)) {
            assertThatThrownBy(() -> source.hyperlinks("List"))
                    .isInstanceOf(SourceFormatException.class)
                    .hasMessageStartingWith("large.xlsx, sheet 'List'")
                    .hasMessageContaining("part xl/worksheets/sheet1.xml is larger than 2,000 bytes uncompressed");
        }
    }

    @Test
    void aSheetThatInflatesLikeAZipBombIsRefused() throws Exception {
        Path file = workbook("bomb.xlsx", "<hyperlink ref=\"G2\" r:id=\"rId7\"/>" + " ".repeat(1 << 20),
                relationships(""));
        ReadLimits bombs = new ReadLimits(32_767, 4L << 30, 200, 10_000);

        try (XlsxSource source = XlsxSource.open(file, bombs)) {
            assertThatThrownBy(() -> source.hyperlinks("List"))
                    .isInstanceOf(SourceFormatException.class)
                    .hasMessageContaining("looks like a zip bomb: part xl/worksheets/sheet1.xml inflates");
        }
    }

    private static String relationships(String doctype) {
        return "<?xml version=\"1.0\"?>" + doctype + "<Relationships xmlns=\"" + PACKAGE + "\">"
                + "<Relationship Id=\"rId7\" Type=\"" + RELATIONSHIPS + "/hyperlink\""
                + " Target=\"https://www.ice.gov/doclib/287gMOA/a.pdf\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rId8\" Type=\"" + RELATIONSHIPS + "/hyperlink\""
                + " Target=\"https://www.ice.gov/doclib/287gMOA/b.pdf?x=1&amp;y=2\" TargetMode=\"External\"/>"
                + "</Relationships>";
    }

    /** A one-sheet workbook ("List") with these hyperlink elements; null relationships leaves that part out. */
    private Path workbook(String name, String hyperlinks, String sheetRelationships) throws Exception {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "_rels/.rels", "<Relationships xmlns=\"" + PACKAGE + "\"><Relationship Id=\"rId1\" Type=\""
                    + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<workbook xmlns=\"" + HandMadeXlsx.MAIN_NS + "\" xmlns:r=\"" + RELATIONSHIPS
                    + "\"><sheets><sheet name=\"List\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + PACKAGE + "\"><Relationship Id=\"rId1\""
                    + " Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            put(zip, "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + HandMadeXlsx.MAIN_NS + "\" xmlns:r=\""
                    + RELATIONSHIPS + "\"><sheetData/><hyperlinks>" + hyperlinks + "</hyperlinks></worksheet>");
            if (sheetRelationships != null) {
                put(zip, "xl/worksheets/_rels/sheet1.xml.rels", sheetRelationships);
            }
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
