package org.detainerlab.ingest.read.xlsx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The attributes of the start tag {@link XmlScanner} read last, as positions in the scanner's buffer: nothing is
 * copied for a cell's {@code r="B7" t="s"}. A value that needed decoding (a reference, white space that XML turns
 * into spaces) is held decoded, as UTF-8, in a scratch array of its own.
 */
final class XmlAttributes {

    /** Per attribute: name start and end in the buffer, value start and end, 1 if the value is in scratch. */
    private static final int FIELDS = 5;
    private static final int SMALL_COUNT = 8;

    private int[] fields = new int[FIELDS * SMALL_COUNT];
    private int count;
    private byte[] scratch = new byte[64];
    private int scratchLength;

    void clear() {
        count = 0;
        scratchLength = 0;
    }

    int count() {
        return count;
    }

    /** Adds an attribute whose value stands in the buffer as it is. */
    void add(int nameStart, int nameEnd, int valueStart, int valueEnd) {
        addFields(nameStart, nameEnd, valueStart, valueEnd, 0);
    }

    /** Where the next decoded value starts in scratch; append its bytes, then {@link #addDecoded}. */
    int startDecoded() {
        return scratchLength;
    }

    void appendDecoded(byte b) {
        if (scratchLength == scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchLength++] = b;
    }

    void appendDecoded(int codePoint) {
        if (codePoint < 0x80) {
            appendDecoded((byte) codePoint);
        } else {
            for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                appendDecoded(b);
            }
        }
    }

    /** Adds an attribute whose value was appended to scratch since {@code valueStart}. */
    void addDecoded(int nameStart, int nameEnd, int valueStart) {
        addFields(nameStart, nameEnd, valueStart, scratchLength, 1);
    }

    int nameStart(int i) {
        return fields[i * FIELDS];
    }

    int nameEnd(int i) {
        return fields[i * FIELDS + 1];
    }

    /** Whether attribute i, whose name is in buffer, has this name, prefix included. */
    boolean isNamed(int i, byte[] buffer, byte[] name) {
        int start = fields[i * FIELDS];
        int length = fields[i * FIELDS + 1] - start;
        if (length != name.length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (buffer[start + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /** The array holding the value of attribute i: the buffer, or scratch. */
    byte[] valueBytes(int i, byte[] buffer) {
        return fields[i * FIELDS + 4] == 0 ? buffer : scratch;
    }

    int valueStart(int i) {
        return fields[i * FIELDS + 2];
    }

    int valueEnd(int i) {
        return fields[i * FIELDS + 3];
    }

    /**
     * An attribute named like one before it, or -1. Names are compared pair by pair when there are few, through
     * a small hash table when there are many, so that a tag with a hundred thousand attributes costs no more than
     * reading it.
     */
    int duplicate(byte[] buffer) {
        if (count <= SMALL_COUNT) {
            for (int i = 1; i < count; i++) {
                for (int j = 0; j < i; j++) {
                    if (sameName(buffer, i, j)) {
                        return i;
                    }
                }
            }
            return -1;
        }
        int[] slots = new int[Integer.highestOneBit(count) * 4];
        for (int i = 0; i < count; i++) {
            int hash = 0;
            for (int k = nameStart(i); k < nameEnd(i); k++) {
                hash = hash * 31 + buffer[k];
            }
            int slot = (hash ^ hash >>> 16) & slots.length - 1;
            while (slots[slot] != 0) {
                if (sameName(buffer, i, slots[slot] - 1)) {
                    return i;
                }
                slot = slot + 1 & slots.length - 1;
            }
            slots[slot] = i + 1;
        }
        return -1;
    }

    private void addFields(int nameStart, int nameEnd, int valueStart, int valueEnd, int inScratch) {
        int at = count * FIELDS;
        if (at + FIELDS > fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        fields[at] = nameStart;
        fields[at + 1] = nameEnd;
        fields[at + 2] = valueStart;
        fields[at + 3] = valueEnd;
        fields[at + 4] = inScratch;
        count++;
    }

    private boolean sameName(byte[] buffer, int i, int j) {
        int a = nameStart(i);
        int b = nameStart(j);
        int length = nameEnd(i) - a;
        if (nameEnd(j) - b != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (buffer[a + k] != buffer[b + k]) {
                return false;
            }
        }
        return true;
    }
}
