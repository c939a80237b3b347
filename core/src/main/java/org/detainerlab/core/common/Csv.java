package org.detainerlab.core.common;

import java.util.Arrays;
import java.util.List;

/**
 * The one CSV writer of every export (and the reader of the one-line-per-record CSVs that come back, such as the
 * places crosswalk): RFC 4180 (a field is quoted when it holds a comma, quote, CR or LF; quotes
 * doubled; CRLF line ends; null as an empty field). A text cell that a spreadsheet would run as a formula (its first
 * character {@code =}, {@code +}, {@code -}, {@code @}, tab or CR) is prefixed with an apostrophe, so that opening
 * an export cannot execute what a source file, a curator or an annotator wrote. Numbers are written as they are: a
 * negative count is data, not a formula.
 */
public final class Csv {

    private static final String FORMULA_LEADS = "=+-@\t\r";

    private final StringBuilder text = new StringBuilder();

    /** A table that starts with its header line. */
    public Csv(List<String> header) {
        text.append(line(header));
    }

    public Csv row(List<?> fields) {
        text.append(line(fields));
        return this;
    }

    public Csv row(Object... fields) {
        return row(Arrays.asList(fields));
    }

    /** One line, CRLF included. */
    public static String line(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            append(line, fields.get(i));
        }
        return line.append("\r\n").toString();
    }

    /** One field, escaped and quoted as needed. */
    public static void append(StringBuilder line, Object value) {
        if (value == null) {
            return;
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && FORMULA_LEADS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            line.append(text);
        } else {
            line.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
    }

    /** Several values in one cell, separated by '; '. */
    public static String joined(List<?> values) {
        return String.join("; ", values.stream().map(String::valueOf).toList());
    }

    /** The fields of one CSV line (RFC 4180 quoting; a quoted field holds no line break here). */
    public static List<String> fields(String line) {
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

    @Override
    public String toString() {
        return text.toString();
    }
}
