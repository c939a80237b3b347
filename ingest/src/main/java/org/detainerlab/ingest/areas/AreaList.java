package org.detainerlab.ingest.areas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.detainerlab.ingest.load.IngestException;

/**
 * Reads the AOR list as published: every field quoted, fields separated by a comma and a space
 * ({@code "Atlanta", "Georgia", "", ""}). The general CSV reader refuses the space before a quote, as RFC 4180
 * does, so this small reader accepts exactly that form.
 */
final class AreaList {

    static final List<String> HEADER = List.of("office_name", "state_name", "county_name", "notes");

    private AreaList() {
    }

    /** Whether a first line, as written, is the AOR header. */
    static boolean isHeader(String line) {
        try {
            return fields(line.replace("\uFEFF", "").strip(), 1).stream().map(f -> f.toLowerCase(Locale.ROOT)).toList()
                    .equals(HEADER);
        } catch (IngestException e) {
            return false;
        }
    }

    /** The data rows (after the header), each with its 1-based line number as the last element. */
    static List<Row> rows(Path file) throws IOException, IngestException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields = fields(line, i + 1);
            if (fields.size() != HEADER.size()) {
                throw new IngestException(file.getFileName() + ", line " + (i + 1) + ": " + fields.size()
                        + " fields, expected " + HEADER.size() + " (" + String.join(", ", HEADER) + ")");
            }
            rows.add(new Row(i + 1, fields.get(0), fields.get(1), fields.get(2), fields.get(3)));
        }
        return rows;
    }

    record Row(int line, String office, String state, String county, String notes) {
    }

    private static List<String> fields(String line, int lineNumber) throws IngestException {
        List<String> fields = new ArrayList<>();
        int pos = 0;
        while (true) {
            if (pos >= line.length() || line.charAt(pos) != '"') {
                throw new IngestException("line " + lineNumber + ", column " + (pos + 1)
                        + ": expected a quoted field");
            }
            StringBuilder field = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= line.length()) {
                    throw new IngestException("line " + lineNumber + ": a quoted field has no closing quote");
                }
                char c = line.charAt(pos++);
                if (c == '"') {
                    if (pos < line.length() && line.charAt(pos) == '"') {
                        field.append('"');
                        pos++;
                        continue;
                    }
                    break;
                }
                field.append(c);
            }
            fields.add(field.toString());
            while (pos < line.length() && line.charAt(pos) == ' ') {
                pos++;
            }
            if (pos == line.length()) {
                return fields;
            }
            if (line.charAt(pos) != ',') {
                throw new IngestException("line " + lineNumber + ", column " + (pos + 1)
                        + ": expected a comma after a quoted field");
            }
            pos++;
            while (pos < line.length() && line.charAt(pos) == ' ') {
                pos++;
            }
        }
    }
}
