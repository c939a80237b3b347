package org.detainerlab.ingest.read.csv;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a UTF-8 byte channel into chunks of chars, strictly: a malformed or truncated sequence is reported with
 * its byte offset instead of silently becoming U+FFFD, because a replaced character would corrupt names and
 * places in the data without anyone noticing. The chars before a bad sequence are delivered first, so the caller
 * knows exactly where in its own structure the bad bytes sit.
 */
final class Utf8Chunks implements Closeable {

    private static final int BYTE_BUFFER_SIZE = 64 * 1024;

    private final ReadableByteChannel in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BYTE_BUFFER_SIZE).flip();
    private long bytesRead;
    private boolean inputExhausted;
    private boolean finished;
    private InvalidUtf8Exception pending;

    /** @param firstByteOffset where in the file the channel is positioned (after a byte-order mark, say) */
    Utf8Chunks(ReadableByteChannel in, long firstByteOffset) {
        this.in = in;
        this.bytesRead = firstByteOffset;
    }

    /**
     * Decodes the next chunk into {@code out} from its start, filling it where the input allows.
     *
     * @return how many chars were decoded (at least 1), or -1 at the end of the input
     */
    int read(CharBuffer out) throws IOException, InvalidUtf8Exception {
        if (pending != null) {
            throw pending;
        }
        out.clear();
        while (!finished) {
            CoderResult result = decoder.decode(bytes, out, inputExhausted);
            if (result.isError()) {
                InvalidUtf8Exception invalid =
                        new InvalidUtf8Exception(bytesRead - bytes.remaining(), bytes.get(bytes.position()) & 0xFF);
                if (out.position() == 0) {
                    throw invalid;
                }
                pending = invalid;
                break;
            }
            if (result.isOverflow()) {
                break;
            }
            if (inputExhausted) {
                decoder.flush(out);
                finished = true;
            } else {
                readBytes();
            }
        }
        return out.position() == 0 ? -1 : out.position();
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes);
        bytes.flip();
        if (n < 0) {
            inputExhausted = true;
        } else {
            bytesRead += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes that are not UTF-8, at a 0-based offset in the file. */
    static final class InvalidUtf8Exception extends Exception {

        private final long byteOffset;
        private final int firstBadByte;

        InvalidUtf8Exception(long byteOffset, int firstBadByte) {
            super("invalid UTF-8 at byte offset " + byteOffset, null, false, false);
            this.byteOffset = byteOffset;
            this.firstBadByte = firstBadByte;
        }

        long byteOffset() {
            return byteOffset;
        }

        int firstBadByte() {
            return firstBadByte;
        }
    }
}
