package org.detainerlab.ingest.read.xlsx;

/**
 * Gathers the text of one cell or shared string as {@link XmlScanner} decodes it. Past the cell-length limit it
 * keeps counting but stops storing, so that a hostile cell costs no memory yet the message can still say how long
 * it was. As a {@link CharSequence} it is the text held, valid until the next {@link #reset}: numbers and indexes
 * are read from it without making a String.
 */
final class TextCollector implements CharSequence {

    private final int maxChars;
    private char[] chars = new char[64];
    private int size;
    private long fullLength;

    TextCollector(int maxChars) {
        this.maxChars = maxChars;
    }

    void reset() {
        size = 0;
        fullLength = 0;
    }

    /** Adds bytes that are ASCII characters, the bulk of every sheet. */
    void appendAscii(byte[] bytes, int from, int to) {
        int count = to - from;
        fullLength += count;
        if (fullLength > maxChars) {
            return;
        }
        if (size + count > chars.length) {
            grow(size + count);
        }
        char[] target = chars;
        for (int i = from, at = size; i < to; i++, at++) {
            target[at] = (char) bytes[i];
        }
        size += count;
    }

    void append(char ch) {
        if (++fullLength > maxChars) {
            return;
        }
        if (size == chars.length) {
            grow(size + 1);
        }
        chars[size++] = ch;
    }

    void appendCodePoint(int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            append((char) codePoint);
        } else {
            append(Character.highSurrogate(codePoint));
            append(Character.lowSurrogate(codePoint));
        }
    }

    /** Whether no character was seen at all; an over-long text is not empty though nothing of it is held. */
    @Override
    public boolean isEmpty() {
        return fullLength == 0;
    }

    /** Whether the text is longer than the limit, and so no longer held. */
    boolean isOverlong() {
        return fullLength > maxChars;
    }

    /** Characters seen, held or not. */
    long fullLength() {
        return fullLength;
    }

    /** Characters held. */
    @Override
    public int length() {
        return size;
    }

    @Override
    public char charAt(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    /** The text held. */
    @Override
    public String toString() {
        return new String(chars, 0, size);
    }

    private void grow(int needed) {
        // never past the limit: what is beyond it is counted, not stored
        char[] grown = new char[Math.min(Math.max(needed, chars.length * 2), Math.max(needed, maxChars))];
        System.arraycopy(chars, 0, grown, 0, size);
        chars = grown;
    }
}
