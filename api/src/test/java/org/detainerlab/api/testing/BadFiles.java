package org.detainerlab.api.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;

/** Broken and hostile release files, made on the spot: one per kind of bad input the platform must refuse. */
public final class BadFiles {

    private static final String HEADER = "Detainer Prepare Date,Facility State,Detainer Facility,Detainer Lift Reason,"
            + "Detainer Type\n";

    private BadFiles() {
    }

    public static Path empty(Path dir) throws IOException {
        return Files.write(dir.resolve("empty.csv"), new byte[0]);
    }

    /** A header row that the modern layout recognises, and no data row under it. */
    public static Path headerOnly(Path dir) throws IOException {
        return Files.writeString(dir.resolve("header-only.csv"), HEADER);
    }

    public static Path notASpreadsheet(Path dir) throws IOException {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0x89;
        bytes[1] = 'P';
        bytes[2] = 'N';
        bytes[3] = 'G';
        return Files.write(dir.resolve("photo.xlsx"), bytes);
    }

    public static Path wrongHeaders(Path dir) throws IOException {
        return Files.writeString(dir.resolve("wrong-headers.csv"), "Date,Jail,Result\n2024-01-01,X,Declined\n");
    }

    public static Path notUtf8(Path dir) throws IOException {
        byte[] head = (HEADER + "2024-01-02,CALIFORNIA,").getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = "C\u00e1rcel,,I247A\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(head, head.length + cp1252.length);
        System.arraycopy(cp1252, 0, all, head.length, cp1252.length);
        return Files.write(dir.resolve("windows-1252.csv"), all);
    }

    public static Path unparseableDates(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 20; i++) {
            csv.append(i + 1).append(".01.2024,TEXAS,JAIL,,I247A\n");
        }
        return Files.writeString(dir.resolve("dates.csv"), csv);
    }

    public static Path megabyteCell(Path dir) throws IOException {
        return Files.writeString(dir.resolve("huge-cell.csv"), HEADER + "2024-01-02,TEXAS," + "x".repeat(1 << 20)
                + ",,I247A\n");
    }

    public static Path truncatedXlsx(Path dir) throws IOException {
        Path whole = dir.resolve("whole.xlsx");
        SyntheticReleases.write(Layout.ICE_MODERN_XLSX, 2_000, 3, whole);
        byte[] bytes = Files.readAllBytes(whole);
        return Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length * 6 / 10));
    }

    /** A workbook whose one sheet inflates from about a hundred kilobytes to 120 MB of nothing. */
    public static Path zipBomb(Path dir) throws IOException {
        Path file = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = minimalWorkbook(file)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 120; i++) {
                zip.write(blanks);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /**
     * A workbook with the modern header and a data row whose facility cell is a formula without a stored result, as
     * libraries that never calculate write it (a formula with its result loads that result).
     */
    public static Path formulaCell(Path dir) throws IOException {
        Path file = dir.resolve("formula.xlsx");
        try (ZipOutputStream zip = minimalWorkbook(file)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            String[] header = HEADER.strip().split(",");
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">");
            for (int i = 0; i < header.length; i++) {
                xml.append("<c r=\"").append((char) ('A' + i)).append("1\" t=\"inlineStr\"><is><t>").append(header[i])
                        .append("</t></is></c>");
            }
            xml.append("</row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2024-01-02</t></is></c>")
                    .append("<c r=\"B2\" t=\"inlineStr\"><is><t>TEXAS</t></is></c>")
                    .append("<c r=\"C2\" t=\"str\"><f>CONCATENATE(\"HARRIS\",\" JAIL\")</f></c>")
                    .append("</row></sheetData></worksheet>");
            zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static ZipOutputStream minimalWorkbook(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out);
        entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>");
        entry(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + "<sheet name=\"FY2024\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "</Relationships>");
        return zip;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
