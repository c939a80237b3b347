package org.detainerlab.ingest.read.xlsx;

import javax.xml.stream.XMLStreamReader;

/**
 * Gathers the character events of one cell or shared string. Past the cell-length limit it keeps counting but
 * stops storing, so that a hostile cell costs no memory yet the message can still say how long it was.
 */
final class TextCollector {

    private final StringBuilder text = new StringBuilder(64);
    private final int maxChars;
    private long length;

    TextCollector(int maxChars) {
        this.maxChars = maxChars;
    }

    void reset() {
        text.setLength(0);
        length = 0;
    }

    /** Adds the characters of the reader's current text event. */
    void append(XMLStreamReader xml) {
        int count = xml.getTextLength();
        length += count;
        if (length <= maxChars) {
            text.append(xml.getTextCharacters(), xml.getTextStart(), count);
        }
    }

    boolean isEmpty() {
        return length == 0;
    }

    /** Whether the text is longer than the limit, and so no longer held. */
    boolean isOverlong() {
        return length > maxChars;
    }

    long length() {
        return length;
    }

    /** The text as collected, valid until the next reset; for numbers and indexes that need no String. */
    CharSequence chars() {
        return text;
    }

    String text() {
        return text.toString();
    }
}
