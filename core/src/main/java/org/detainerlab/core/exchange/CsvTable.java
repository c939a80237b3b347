package org.detainerlab.core.exchange;

import java.util.List;

/** RFC 4180 CSV: every field quoted when it holds a comma, quote or line break; CRLF line ends. */
final class CsvTable {

    private final StringBuilder text = new StringBuilder();

    CsvTable(String... header) {
        row((Object[]) header);
    }

    CsvTable row(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(quote(fields[i]));
        }
        text.append("\r\n");
        return this;
    }

    static String joined(List<?> values) {
        return String.join("; ", values.stream().map(String::valueOf).toList());
    }

    private static String quote(Object field) {
        String value = field == null ? "" : String.valueOf(field);
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
