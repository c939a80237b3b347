package org.detainerlab.ingest.read.xlsx;

import java.io.CharConversionException;
import java.util.Locale;

/** What XML 1.0 allows, byte by byte of UTF-8, for {@link XmlScanner}. */
final class XmlCharacters {

    /** Bytes that stand for themselves in text: printable ASCII but markup and the {@code ]} of {@code ]]>}. */
    private static final boolean[] PLAIN = new boolean[256];
    private static final byte NAME_START = 1;
    private static final byte NAME_PART = 2;
    /** ASCII name characters of XML 1.0; the bytes of other characters are let through, as valid UTF-8. */
    private static final byte[] NAME = new byte[256];
    private static final int LENGTH_SHIFT = 21;
    private static final int CODE_POINT_MASK = (1 << LENGTH_SHIFT) - 1;

    static {
        for (int b = 0x20; b < 0x80; b++) {
            PLAIN[b] = b != '<' && b != '&' && b != ']';
        }
        for (int b = 0; b < 256; b++) {
            boolean start = b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '_' || b == ':' || b >= 0x80;
            NAME[b] = start ? NAME_START : b >= '0' && b <= '9' || b == '-' || b == '.' ? NAME_PART : 0;
        }
    }

    private XmlCharacters() {
    }

    static boolean isPlain(byte b) {
        return PLAIN[b & 0xFF];
    }

    static boolean isNameStart(byte b) {
        return NAME[b & 0xFF] == NAME_START;
    }

    static boolean isNamePart(byte b) {
        return NAME[b & 0xFF] != 0;
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r';
    }

    /** Characters XML 1.0 allows in a document, by code point. */
    static boolean isXmlCharacter(long c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= Character.MAX_CODE_POINT;
    }

    /** The value of an ASCII digit in the radix (10 or 16), or -1. */
    static int digit(byte b, int radix) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (radix == 16 && (b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F')) {
            return (b | 0x20) - 'a' + 10;
        }
        return -1;
    }

    /** How many bytes the UTF-8 sequence this byte leads claims to have (2 for a byte that leads none). */
    static int utf8Length(byte lead) {
        int b = lead & 0xFF;
        return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    }

    /**
     * The multi-byte UTF-8 sequence at p, which must end before end, packed as {@link #codePoint} and
     * {@link #length}. Overlong forms, surrogates and code points past U+10FFFF are refused as the JDK's decoder
     * refuses them.
     */
    static int decodeUtf8(byte[] bytes, int p, int end) throws CharConversionException {
        int b0 = bytes[p] & 0xFF;
        int length;
        int min;
        int max = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            length = 2;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            length = 3;
            min = b0 == 0xE0 ? 0xA0 : 0x80;
            max = b0 == 0xED ? 0x9F : 0xBF;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            length = 4;
            min = b0 == 0xF0 ? 0x90 : 0x80;
            max = b0 == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw new CharConversionException("Invalid byte 1 of a UTF-8 sequence (0x"
                    + Integer.toHexString(b0).toUpperCase(Locale.ROOT) + ")");
        }
        if (p + length > end) {
            throw new CharConversionException("Invalid byte 1 of " + length + "-byte UTF-8 sequence: it is cut short");
        }
        int codePoint = b0 & (0xFF >> (length + 1));
        for (int i = 1; i < length; i++) {
            int b = bytes[p + i] & 0xFF;
            if (i == 1 ? b < min || b > max : b < 0x80 || b > 0xBF) {
                throw new CharConversionException("Invalid byte " + (i + 1) + " of " + length
                        + "-byte UTF-8 sequence");
            }
            codePoint = codePoint << 6 | b & 0x3F;
        }
        return codePoint | length << LENGTH_SHIFT;
    }

    static int codePoint(int decoded) {
        return decoded & CODE_POINT_MASK;
    }

    static int length(int decoded) {
        return decoded >>> LENGTH_SHIFT;
    }
}
