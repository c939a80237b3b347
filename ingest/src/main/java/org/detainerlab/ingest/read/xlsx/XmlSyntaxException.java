package org.detainerlab.ingest.read.xlsx;

/**
 * A part is not well-formed XML, found by {@link XmlScanner}. The line counts line feeds from 1; the column counts
 * bytes from 1, which is the character for the ASCII that markup is made of.
 */
final class XmlSyntaxException extends Exception {

    private final int line;
    private final long column;

    XmlSyntaxException(String problem, int line, long column) {
        super(problem);
        this.line = line;
        this.column = column;
    }

    int line() {
        return line;
    }

    long column() {
        return column;
    }
}
