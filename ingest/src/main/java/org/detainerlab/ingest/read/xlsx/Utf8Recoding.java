package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a part in another encoding into UTF-8 for {@link XmlScanner}, which reads UTF-8 only. Spreadsheet
 * programs write UTF-8; the XML standard also allows UTF-16 and declared encodings, which come through here at
 * a slower pace. Bytes that are not valid in the encoding fail the read rather than becoming replacement
 * characters.
 */
final class Utf8Recoding extends InputStream {

    private static final int CHUNK = 8192;

    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(CHUNK);
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK * 3 + 16);
    private boolean inputEnded;
    private boolean flushed;

    Utf8Recoding(InputStream in, Charset charset) {
        this.reader = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            encodeMore();
        }
        int count = Math.min(length, bytes.remaining());
        bytes.get(target, offset, count);
        return count;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private void encodeMore() throws IOException {
        if (!inputEnded && reader.read(chars) < 0) {
            inputEnded = true;
        }
        chars.flip();
        bytes.clear();
        CoderResult result = encoder.encode(chars, bytes, inputEnded);
        if (result.isError()) {
            result.throwException();
        }
        if (inputEnded && !chars.hasRemaining()) {
            result = encoder.flush(bytes);
            if (result.isError()) {
                result.throwException();
            }
            flushed = true;
        }
        chars.compact();
        bytes.flip();
    }
}
