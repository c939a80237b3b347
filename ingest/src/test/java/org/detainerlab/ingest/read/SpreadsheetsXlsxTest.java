package org.detainerlab.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zip file goes to the xlsx reader whatever its name. This test needs the real xlsx reader: it opens a minimal
 * workbook, written here part by part, that is misnamed {@code .csv}.
 */
class SpreadsheetsXlsxTest {

    private static final Map<String, String> MINIMAL_WORKBOOK = Map.of(
            "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml"
                     ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml"
                     ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""",
            "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Target="xl/workbook.xml"
                     Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
                    </Relationships>""",
            "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                     xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
                    </workbook>""",
            "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Target="worksheets/sheet1.xml"
                     Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>
                    </Relationships>""",
            "xl/worksheets/sheet1.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                    <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>hello</t></is></c></row></sheetData>
                    </worksheet>""");

    @TempDir
    Path dir;

    @Test
    void aZipFileIsReadAsAnXlsxWorkbookEvenWhenNamedCsv() throws Exception {
        Path file = writeZip(dir.resolve("export.csv"), MINIMAL_WORKBOOK);

        try (SpreadsheetSource source = Spreadsheets.open(file)) {
            assertThat(source.sheets()).containsExactly("Sheet1");
            try (RowIterator rows = source.rows("Sheet1")) {
                SourceRow first = rows.next();
                assertThat(first.rowNumber()).isEqualTo(1);
                assertThat(first.cells()).containsExactly("hello");
                assertThat(rows.next()).isNull();
            }
        }
    }

    private static Path writeZip(Path file, Map<String, String> parts) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(parts.get("[Content_Types].xml").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> part : parts.entrySet()) {
                if (!part.getKey().equals("[Content_Types].xml")) {
                    zip.putNextEntry(new ZipEntry(part.getKey()));
                    zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return file;
    }
}
