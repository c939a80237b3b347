package org.detainerlab.ingest.load;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/** Writes values in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyWriter {

    private final Writer out;
    private boolean first = true;

    CopyWriter(Writer out) {
        this.out = out;
    }

    CopyWriter text(String value) throws IOException {
        separator();
        if (value == null) {
            out.write("\\N");
            return this;
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
        return this;
    }

    CopyWriter number(long value) throws IOException {
        separator();
        out.write(Long.toString(value));
        return this;
    }

    CopyWriter number(Long value) throws IOException {
        return value == null ? text(null) : number(value.longValue());
    }

    CopyWriter date(LocalDate value) throws IOException {
        return value == null ? text(null) : text(value.toString());
    }

    /** A flag: -1 missing, 0 false, 1 true. */
    CopyWriter flag(byte value) throws IOException {
        return text(value < 0 ? null : value == 0 ? "f" : "t");
    }

    /** A literal that needs no escaping (an array literal, an enum name). */
    CopyWriter raw(String literal) throws IOException {
        separator();
        out.write(literal);
        return this;
    }

    void endRow() throws IOException {
        out.write('\n');
        first = true;
    }

    private void separator() throws IOException {
        if (!first) {
            out.write('\t');
        }
        first = false;
    }
}
