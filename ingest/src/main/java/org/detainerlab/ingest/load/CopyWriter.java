package org.detainerlab.ingest.load;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes values in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes) as UTF-8
 * straight into byte buffers. It is the inner loop of every load, so it avoids {@code Writer}'s per-character
 * locking and encoder: ASCII, nearly all of the data, is copied byte for byte.
 *
 * <p>Full buffers are sent to the database by a second thread, so that reading and normalising the next rows
 * overlaps with PostgreSQL parsing the previous ones; sending from the reading thread would leave each side idle
 * while the other works.
 */
final class CopyWriter {

    private static final int CAPACITY = 1 << 20;
    private static final int BUFFERS = 4;
    /** Room kept free at the end of the buffer so that one character (at most 4 bytes) always fits. */
    private static final int SLACK = 8;

    private record Chunk(byte[] data, int length) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final OutputStream out;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS);
    private final Thread sender;
    private volatile IOException failure;
    private byte[] buffer;
    private int position;
    private boolean first = true;

    CopyWriter(OutputStream out) {
        this.out = out;
        for (int i = 1; i < BUFFERS; i++) {
            free.add(new byte[CAPACITY]);
        }
        buffer = new byte[CAPACITY];
        sender = new Thread(this::send, "copy-sender");
        sender.setDaemon(true);
        sender.start();
    }

    private void send() {
        try {
            for (Chunk chunk = full.take(); chunk != END; chunk = full.take()) {
                if (failure == null) {
                    try {
                        out.write(chunk.data(), 0, chunk.length());
                    } catch (IOException e) {
                        failure = e;
                    }
                }
                free.put(chunk.data());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    CopyWriter text(String value) throws IOException {
        separator();
        if (value == null) {
            put('\\');
            put('N');
            return this;
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            if (position > CAPACITY - SLACK) {
                flushBuffer();
            }
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escape('\\');
                    case '\t' -> escape('t');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    default -> buffer[position++] = (byte) c;
                }
            } else if (c < 0x800) {
                buffer[position++] = (byte) (0xC0 | (c >> 6));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                buffer[position++] = (byte) (0xF0 | (codePoint >> 18));
                buffer[position++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                buffer[position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate is not text; PostgreSQL would refuse the row, so write the replacement character.
                buffer[position++] = (byte) 0xEF;
                buffer[position++] = (byte) 0xBF;
                buffer[position++] = (byte) 0xBD;
            } else {
                buffer[position++] = (byte) (0xE0 | (c >> 12));
                buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return this;
    }

    CopyWriter number(long value) throws IOException {
        return raw(Long.toString(value));
    }

    CopyWriter number(Long value) throws IOException {
        return value == null ? text(null) : number(value.longValue());
    }

    CopyWriter date(LocalDate value) throws IOException {
        return value == null ? text(null) : raw(value.toString());
    }

    /** A flag: -1 missing, 0 false, 1 true. */
    CopyWriter flag(byte value) throws IOException {
        return value < 0 ? text(null) : raw(value == 0 ? "f" : "t");
    }

    /** An ASCII literal that needs no escaping (a number, an array literal, an enum name). */
    CopyWriter raw(String literal) throws IOException {
        separator();
        if (position + literal.length() > CAPACITY - SLACK) {
            flushBuffer();
        }
        for (int i = 0, n = literal.length(); i < n; i++) {
            buffer[position++] = (byte) literal.charAt(i);
        }
        return this;
    }

    void endRow() throws IOException {
        put('\n');
        first = true;
    }

    /** Sends what is buffered, waits for the sender, and closes the stream, which ends the COPY. */
    void close() throws IOException {
        flushBuffer();
        stopSender();
        if (failure != null) {
            throw failure;
        }
        out.close();
    }

    /** Stops sending without ending the COPY, so that the caller can cancel it; what was not sent is dropped. */
    void abandon() {
        full.clear();
        try {
            stopSender();
        } catch (IOException ignored) {
            // the COPY is being cancelled anyway
        }
    }

    private void stopSender() throws IOException {
        try {
            full.put(END);
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending rows to the database", e);
        }
    }

    private void separator() throws IOException {
        if (!first) {
            put('\t');
        }
        first = false;
    }

    private void escape(char code) {
        buffer[position++] = '\\';
        buffer[position++] = (byte) code;
    }

    private void put(char ascii) throws IOException {
        if (position > CAPACITY - SLACK) {
            flushBuffer();
        }
        buffer[position++] = (byte) ascii;
    }

    private void flushBuffer() throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            full.put(new Chunk(buffer, position));
            buffer = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending rows to the database", e);
        }
        position = 0;
    }
}
