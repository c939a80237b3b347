package org.detainerlab.core.common;

import java.util.List;

/** Builds RFC 4180 lines: fields quoted only when they must be, quotes doubled, null as an empty field. */
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
}
