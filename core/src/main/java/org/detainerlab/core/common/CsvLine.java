package org.detainerlab.core.common;

import java.util.List;

/** Builds RFC 4180 lines (fields quoted only when they must be, quotes doubled, null as an empty field) and reads them. */
public final class CsvLine {

    private CsvLine() {
    }

    public static String of(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            append(line, fields.get(i));
        }
        return line.append("\r\n").toString();
    }

    public static void append(StringBuilder line, Object value) {
        if (value == null) {
            return;
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            line.append(text);
        } else {
            line.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
    }

    /** The fields of one CSV line (RFC 4180 quoting; a quoted field holds no line break here). */
    public static List<String> parse(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
