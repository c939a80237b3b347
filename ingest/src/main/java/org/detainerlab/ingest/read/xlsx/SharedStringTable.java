package org.detainerlab.ingest.read.xlsx;

import java.util.Arrays;

/**
 * The shared strings {@link XlsxWriter} collects while it writes sheets: each distinct text once, numbered in the
 * order first seen. An open-addressing table of indexes into an array of the strings themselves costs about a
 * dozen bytes per string besides the string, which matters when a column of identifiers makes a million of them.
 */
final class SharedStringTable {

    private String[] strings = new String[1024];
    private int size;
    /** Index + 1 of the string hashed to each slot, 0 for a free slot; at most half full. */
    private int[] slots = new int[2048];

    /** The number of the text, adding it if new. */
    int indexOf(String text) {
        int mask = slots.length - 1;
        for (int slot = spread(text.hashCode()) & mask; ; slot = slot + 1 & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                add(text, slot);
                return size - 1;
            }
            if (strings[entry - 1].equals(text)) {
                return entry - 1;
            }
        }
    }

    int size() {
        return size;
    }

    String get(int index) {
        return strings[index];
    }

    /** Forgets the strings numbered from size on, as if they had never been added. */
    void truncate(int newSize) {
        if (newSize == size) {
            return;
        }
        Arrays.fill(strings, newSize, size, null);
        size = newSize;
        rehash(slots.length);
    }

    private void add(String text, int slot) {
        if (size == strings.length) {
            strings = Arrays.copyOf(strings, size * 2);
        }
        strings[size++] = text;
        slots[slot] = size;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            int slot = spread(strings[i].hashCode()) & mask;
            while (slots[slot] != 0) {
                slot = slot + 1 & mask;
            }
            slots[slot] = i + 1;
        }
    }

    private static int spread(int hash) {
        return hash ^ hash >>> 16;
    }
}
