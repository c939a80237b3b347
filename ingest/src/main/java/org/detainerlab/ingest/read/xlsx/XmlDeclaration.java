package org.detainerlab.ingest.read.xlsx;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * What the start of a part says of its encoding: the first bytes of a UTF-16 part, and the XML declaration
 * ({@code <?xml version="1.0" encoding="UTF-8" standalone="yes"?>}), whose pseudo-attributes are checked here.
 * {@link XmlScanner} reads UTF-8 and has anything else recoded first.
 */
final class XmlDeclaration {

    private static final String[] PSEUDO_ATTRIBUTES = {"version", "encoding", "standalone"};

    /** Makes the exception for a problem found at an index of the bytes being checked. */
    @FunctionalInterface
    interface Problems {
        XmlSyntaxException at(String problem, int index);
    }

    private XmlDeclaration() {
    }

    /**
     * The UTF-16 the first bytes of a part show, by a byte order mark or by {@code <?} in two bytes each; null for
     * anything else, which is UTF-8 or an 8-bit encoding the declaration names.
     */
    static Charset utf16(byte[] bytes, int length) {
        int b0 = length > 0 ? bytes[0] & 0xFF : -1;
        int b1 = length > 1 ? bytes[1] & 0xFF : -1;
        int b2 = length > 2 ? bytes[2] & 0xFF : -1;
        int b3 = length > 3 ? bytes[3] & 0xFF : -1;
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
            return StandardCharsets.UTF_16;
        }
        if (b0 == 0 && b1 == '<' && b2 == 0 && b3 == '?') {
            return StandardCharsets.UTF_16BE;
        }
        if (b0 == '<' && b1 == 0 && b2 == '?' && b3 == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /**
     * Checks the pseudo-attributes between {@code <?xml} and {@code ?>}: {@code version="1.0"}, then optionally
     * {@code encoding} and {@code standalone="yes|no"}, in that order. Returns the declared encoding, or null.
     */
    static String encoding(byte[] bytes, int from, int to, Problems problems) throws XmlSyntaxException {
        String encoding = null;
        int expected = 0;
        int p = from;
        while (true) {
            int spaced = p;
            p = skipSpace(bytes, p, to);
            if (p == to) {
                break;
            }
            int nameEnd = p;
            while (nameEnd < to && isLetter(bytes[nameEnd])) {
                nameEnd++;
            }
            String name = ascii(bytes, p, nameEnd);
            int index = expected;
            while (index < PSEUDO_ATTRIBUTES.length && !PSEUDO_ATTRIBUTES[index].equals(name)) {
                index++;
            }
            if (p == spaced || index == PSEUDO_ATTRIBUTES.length || index > 0 && expected == 0) {
                throw problems.at(expected == 0 ? "The version is required in the XML declaration"
                        : "The XML declaration holds \"" + name + "\" where it may not", p);
            }
            expected = index + 1;
            p = skipSpace(bytes, nameEnd, to);
            if (p == to || bytes[p] != '=') {
                throw problems.at("The ' = ' character must follow \"" + name + "\" in the XML declaration", p);
            }
            p = skipSpace(bytes, p + 1, to);
            byte quote = p < to ? bytes[p] : 0;
            int close = p + 1;
            while (close < to && bytes[close] != quote) {
                close++;
            }
            if (quote != '"' && quote != '\'' || close >= to) {
                throw problems.at("The value following \"" + name + "\" in the XML declaration must be a quoted"
                        + " string", p);
            }
            String value = ascii(bytes, p + 1, close);
            if (index == 0 && !value.equals("1.0")) {
                throw problems.at("XML version \"" + value + "\" is not supported, only XML 1.0 is supported", p);
            }
            if (index == 1) {
                encoding = value;
            }
            if (index == 2 && !value.equals("yes") && !value.equals("no")) {
                throw problems.at("The standalone document declaration value must be \"yes\" or \"no\", not \""
                        + value + "\"", p);
            }
            p = close + 1;
        }
        if (expected == 0) {
            throw problems.at("The version is required in the XML declaration", from);
        }
        return encoding;
    }

    /**
     * The charset to recode a part from that declares this encoding, or null for UTF-8. A part whose declaration
     * could be read as ASCII is in no UTF-16 or UTF-32, whatever it claims.
     */
    static Charset charset(String encoding, Problems problems, int index) throws XmlSyntaxException {
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw problems.at("Invalid encoding name \"" + encoding + "\"", index);
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return null;
        }
        String name = charset.name().toUpperCase(Locale.ROOT);
        if (name.startsWith("UTF-16") || name.startsWith("UTF-32") || !charset.canEncode()) {
            throw problems.at("The part declares the encoding \"" + encoding + "\" but is not written in it", index);
        }
        return charset;
    }

    private static int skipSpace(byte[] bytes, int p, int to) {
        while (p < to && (bytes[p] == ' ' || bytes[p] == '\n' || bytes[p] == '\t' || bytes[p] == '\r')) {
            p++;
        }
        return p;
    }

    private static boolean isLetter(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
    }

    private static String ascii(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
