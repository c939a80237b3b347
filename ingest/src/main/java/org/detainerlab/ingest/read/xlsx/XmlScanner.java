package org.detainerlab.ingest.read.xlsx;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A pull parser for the large parts of a workbook (worksheets, shared strings) that scans the inflated bytes
 * itself: StAX took three quarters of the time of reading a sheet, decoding every byte into characters and every
 * attribute into a String. This scanner keeps the bytes as they are and decodes only the text its caller asks
 * for ({@link #readText}); attribute values are looked at in place.
 *
 * <p>It checks everything XML 1.0 asks of a well-formed document that has no DTD: nesting and matching end tags,
 * attribute syntax and uniqueness, characters XML allows, valid UTF-8, references, comments, CDATA sections,
 * processing instructions, the XML declaration, one root element. A DOCTYPE is reported as {@link #DOCTYPE} and
 * never read, so no entity is ever defined or expanded. Element names are compared by local name (what follows a
 * prefix), without namespace processing. Parts in UTF-16 or in a declared 8-bit encoding are recoded to UTF-8
 * first ({@link Utf8Recoding}).
 *
 * <p>Memory is bounded whatever the input: markup (a tag, a processing instruction) longer than
 * {@link #MAX_MARKUP_BYTES} and nesting deeper than {@link #MAX_DEPTH} are refused, and text is only counted past
 * the caller's {@link TextCollector} limit.
 */
final class XmlScanner implements Closeable {

    /** {@link #next}: the start of an element, whose name and attributes can now be read. */
    static final int START = 1;
    /** {@link #next}: the end of an element, whose name can now be read; an empty element gives START then END. */
    static final int END = 2;
    /** {@link #next}: the end of the part. */
    static final int END_DOCUMENT = 3;
    /** {@link #next}: a DOCTYPE before the root element, which the caller refuses; nothing of it was read. */
    static final int DOCTYPE = 4;

    static final int MAX_MARKUP_BYTES = 1 << 20;
    static final int MAX_DEPTH = 1_000;

    private static final int BUFFER_BYTES = 1 << 17;
    /** The longest reference read ({@code &#x10FFFF;} is 10 bytes; leading zeros are allowed). */
    private static final int MAX_REFERENCE_BYTES = 64;
    private static final int INCOMPLETE = -1;
    private static final String UNFINISHED = "XML document structures must start and end within the same entity";

    private static final byte[] COMMENT = name("<!--");
    private static final byte[] CDATA = name("<![CDATA[");
    private static final byte[] DOCTYPE_DECLARATION = name("<!DOCTYPE");

    private InputStream in;
    private boolean recoded;
    private byte[] buffer;
    private int pos;
    private int limit;
    /** Offset in the part of {@code buffer[0]}. */
    private long base;
    private boolean inputEnded;
    private int line = 1;
    /** Offset in the part of the first byte of the current line. */
    private long lineStart;
    /** Offset in the part where an XML declaration may stand: its very start, after a byte order mark. */
    private long declarationAt;

    /** Names of the open elements, end to end; {@code nameEnds[i]} is where the name at depth i + 1 ends. */
    private byte[] names = new byte[256];
    private int[] nameEnds = new int[16];
    private int[] localNameStarts = new int[16];
    private int depth;
    private boolean rootSeen;
    /** The element just started was empty ({@code <c/>}): the next call gives its end. */
    private boolean pendingEnd;
    /** The element of the last START or END, in {@link #names}. */
    private int nameStart;
    private int nameEnd;
    private int localNameStart;

    /** The attributes of the last START. */
    private final XmlAttributes attributes = new XmlAttributes();

    private int referenceValue;

    private XmlScanner(InputStream in, int bufferBytes) {
        this.in = in;
        this.buffer = new byte[bufferBytes];
    }

    /** A scanner over a part, which it closes; a part in UTF-16 (by byte order mark or first bytes) is recoded. */
    static XmlScanner over(InputStream in) throws IOException, XmlSyntaxException {
        return over(in, BUFFER_BYTES);
    }

    /** A scanner whose buffer starts this small, so that tests can make every token straddle a refill. */
    static XmlScanner over(InputStream in, int bufferBytes) throws IOException, XmlSyntaxException {
        XmlScanner scanner = new XmlScanner(in, bufferBytes);
        scanner.detectEncoding();
        return scanner;
    }

    /**
     * Moves to the next start or end of an element, past text, comments and processing instructions (checked,
     * not kept). At the end of the part, {@link #END_DOCUMENT}.
     */
    int next() throws IOException, XmlSyntaxException {
        if (pendingEnd) {
            pendingEnd = false;
            pop();
            return END;
        }
        while (true) {
            if (depth == 0) {
                skipOutsideRoot();
            } else {
                scanText(null);
            }
            if (pos == limit) {
                if (depth > 0) {
                    throw syntax(UNFINISHED, pos);
                }
                return END_DOCUMENT;
            }
            if (!ensure(2)) {
                throw syntax(UNFINISHED, pos);
            }
            byte kind = buffer[pos + 1];
            if (kind == '/') {
                endTag();
                return END;
            }
            if (kind == '?') {
                processingInstruction();
            } else if (kind == '!') {
                if (declaration(null)) {
                    return DOCTYPE;
                }
            } else {
                startTag();
                return START;
            }
        }
    }

    /**
     * Adds the text of the element just started to {@code text} and moves past its end. Only its own text counts:
     * nested elements are passed over with their text. References are resolved, CDATA sections included, line
     * ends normalised as XML does; {@code _xHHHH_} escapes are left to the caller.
     */
    void readText(TextCollector text) throws IOException, XmlSyntaxException {
        if (pendingEnd) {
            pendingEnd = false;
            pop();
            return;
        }
        int element = depth;
        while (true) {
            scanText(depth == element ? text : null);
            if (pos == limit || !ensure(2)) {
                throw syntax(UNFINISHED, pos);
            }
            byte kind = buffer[pos + 1];
            if (kind == '/') {
                endTag();
                if (depth < element) {
                    return;
                }
            } else if (kind == '?') {
                processingInstruction();
            } else if (kind == '!') {
                declaration(depth == element ? text : null);
            } else {
                startTag();
                if (pendingEnd) {
                    pendingEnd = false;
                    pop();
                }
            }
        }
    }

    /** Moves past the end of the element just started, with everything in it. */
    void skipElement() throws IOException, XmlSyntaxException {
        readText(null);
    }

    /** Whether the element of the last START or END has this local name (the part after any prefix). */
    boolean isNamed(byte[] localName) {
        int length = nameEnd - localNameStart;
        if (length != localName.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (names[localNameStart + i] != localName[i]) {
                return false;
            }
        }
        return true;
    }

    /** The element's name as written, for messages. */
    String name() {
        return new String(names, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8);
    }

    int attributeCount() {
        return attributes.count();
    }

    /** Whether attribute i of the last START has this name, prefix included. */
    boolean isAttribute(int i, byte[] name) {
        return attributes.isNamed(i, buffer, name);
    }

    /**
     * The bytes holding the value of attribute i, UTF-8 from {@link #valueStart} to {@link #valueEnd}; valid until
     * the scanner moves on.
     */
    byte[] valueBytes(int i) {
        return attributes.valueBytes(i, buffer);
    }

    int valueStart(int i) {
        return attributes.valueStart(i);
    }

    int valueEnd(int i) {
        return attributes.valueEnd(i);
    }

    /** The value of the named attribute of the last START, or null. */
    String attributeValue(byte[] name) {
        for (int i = 0; i < attributes.count(); i++) {
            if (isAttribute(i, name)) {
                return new String(valueBytes(i), valueStart(i), valueEnd(i) - valueStart(i), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ---- text ----

    /** Character data up to the next {@code <} (left at pos) or the end of the part; kept only if text is not null. */
    private void scanText(TextCollector text) throws IOException, XmlSyntaxException {
        while (true) {
            byte[] bytes = buffer;
            int p = pos;
            int end = limit;
            while (p < end && XmlCharacters.isPlain(bytes[p])) {
                p++;
            }
            if (text != null && p > pos) {
                text.appendAscii(bytes, pos, p);
            }
            pos = p;
            if (p == end) {
                if (!more()) {
                    return;
                }
                continue;
            }
            byte b = bytes[p];
            if (b == '<') {
                return;
            }
            if (b == '&') {
                reference(text);
            } else if (b == ']') {
                if (ensure(3) && buffer[pos + 1] == ']' && buffer[pos + 2] == '>') {
                    throw syntax("The character sequence \"]]>\" must not appear in content unless used to mark the"
                            + " end of a CDATA section", pos);
                }
                if (text != null) {
                    text.append(']');
                }
                pos++;
            } else {
                otherCharacter(text, "element content");
            }
        }
    }

    /** Before and after the root element only white space may stand between markup. */
    private void skipOutsideRoot() throws IOException, XmlSyntaxException {
        while (true) {
            while (pos < limit) {
                byte b = buffer[pos];
                if (b == '<') {
                    return;
                }
                if (b == '\n') {
                    newline(pos);
                } else if (b != ' ' && b != '\t' && b != '\r') {
                    throw syntax(rootSeen ? "Content is not allowed in trailing section"
                            : "Content is not allowed in prolog", pos);
                }
                pos++;
            }
            if (!more()) {
                return;
            }
        }
    }

    /** A character reference or one of the five predefined entities, at pos. */
    private void reference(TextCollector text) throws IOException, XmlSyntaxException {
        ensure(MAX_REFERENCE_BYTES);
        int after = parseReference(pos, Math.min(limit, pos + MAX_REFERENCE_BYTES));
        if (text != null) {
            text.appendCodePoint(referenceValue);
        }
        pos = after;
    }

    /**
     * The character at pos that is neither plain ASCII nor markup: a control character (tab and line ends are
     * allowed, a carriage return becomes a line feed as XML requires) or a UTF-8 sequence.
     */
    private void otherCharacter(TextCollector text, String where) throws IOException, XmlSyntaxException {
        byte b = buffer[pos];
        if (b >= 0) {
            if (b == '\n') {
                newline(pos);
            } else if (b == '\r') {
                if (ensure(2) && buffer[pos + 1] == '\n') {
                    pos++;
                    return;
                }
                b = '\n';
            } else if (b != '\t') {
                throw invalidCharacter(b, where, pos);
            }
            if (text != null) {
                text.append((char) b);
            }
            pos++;
            return;
        }
        int length = XmlCharacters.utf8Length(b);
        if (!ensure(length)) {
            throw new CharConversionException("Invalid byte 1 of " + length + "-byte UTF-8 sequence: the part ends"
                    + " inside it");
        }
        int decoded = XmlCharacters.decodeUtf8(buffer, pos, limit);
        int codePoint = XmlCharacters.codePoint(decoded);
        if (codePoint == 0xFFFE || codePoint == 0xFFFF) {
            throw invalidCharacter(codePoint, where, pos);
        }
        if (text != null) {
            text.appendCodePoint(codePoint);
        }
        pos += XmlCharacters.length(decoded);
    }

    /** Resolves the reference at {@code at}, within bytes before end; the character in referenceValue. */
    private int parseReference(int at, int end) throws CharConversionException, XmlSyntaxException {
        int p = at + 1;
        if (p < end && buffer[p] == '#') {
            p++;
            int radix = 10;
            if (p < end && buffer[p] == 'x') {
                radix = 16;
                p++;
            }
            int digits = p;
            long value = 0;
            for (; p < end && buffer[p] != ';'; p++) {
                int digit = XmlCharacters.digit(buffer[p], radix);
                if (digit < 0) {
                    throw syntax(radix == 16 ? "A hexadecimal representation must immediately follow the \"&#x\" in"
                            + " a character reference" : "A decimal representation must immediately follow the"
                            + " \"&#\" in a character reference", p);
                }
                value = Math.min(value * radix + digit, Character.MAX_CODE_POINT + 1);
            }
            if (p == end || p == digits) {
                throw syntax("The character reference must end with the ';' delimiter", at);
            }
            if (!XmlCharacters.isXmlCharacter(value)) {
                throw syntax("Character reference \"" + ascii(at, p) + "\" is an invalid XML character", at);
            }
            referenceValue = (int) value;
            return p + 1;
        }
        int nameEnd = nameEnd(p, end);
        if (nameEnd == p) {
            throw syntax("The entity name must immediately follow the '&' in the entity reference", at);
        }
        if (nameEnd == end || buffer[nameEnd] != ';') {
            throw syntax("The reference to entity \"" + utf8(p, nameEnd) + "\" must end with the ';' delimiter", at);
        }
        referenceValue = predefinedEntity(p, nameEnd - p);
        if (referenceValue < 0) {
            throw syntax("The entity \"" + utf8(p, nameEnd) + "\" was referenced, but not declared", at);
        }
        return nameEnd + 1;
    }

    private int predefinedEntity(int at, int length) {
        byte first = buffer[at];
        if (length == 2 && buffer[at + 1] == 't') {
            return first == 'l' ? '<' : first == 'g' ? '>' : -1;
        }
        if (length == 3 && first == 'a' && buffer[at + 1] == 'm' && buffer[at + 2] == 'p') {
            return '&';
        }
        if (length == 4) {
            if (first == 'q' && buffer[at + 1] == 'u' && buffer[at + 2] == 'o' && buffer[at + 3] == 't') {
                return '"';
            }
            if (first == 'a' && buffer[at + 1] == 'p' && buffer[at + 2] == 'o' && buffer[at + 3] == 's') {
                return '\'';
            }
        }
        return -1;
    }

    // ---- tags ----

    /**
     * A start tag at pos. It is parsed within the bytes already read, which hold it whole but for the one tag in
     * a buffer's worth that straddles the end of the buffer: that one is read on to its end, found by a scan for
     * {@code >} outside quoted values, and parsed again. Scanning every tag twice cost a tenth of the reading time.
     */
    private void startTag() throws IOException, XmlSyntaxException {
        if (depth == 0 && rootSeen) {
            throw syntax("The markup in the document following the root element must be well-formed", pos);
        }
        if (depth == MAX_DEPTH) {
            throw syntax("elements are nested more than " + Sizes.count(MAX_DEPTH) + " deep", pos);
        }
        int lineBefore = line;
        long lineStartBefore = lineStart;
        int end = startTagWithin(limit, true);
        if (end == INCOMPLETE) {
            line = lineBefore;
            lineStart = lineStartBefore;
            end = startTagWithin(tagEnd() + 1, false);
            if (end == INCOMPLETE) {
                throw syntax("Element type \"" + name() + "\" must be followed by either attribute specifications,"
                        + " \">\" or \"/>\"", pos);
            }
        }
        pos = end + 1;
        rootSeen = true;
    }

    /**
     * Parses the start tag at pos from bytes before bound, opening its element; returns where its {@code >} is,
     * or INCOMPLETE, with nothing opened, when a provisional parse reaches the bound first.
     */
    private int startTagWithin(int bound, boolean provisional) throws CharConversionException, XmlSyntaxException {
        int p = pos + 1;
        int nameEnd = nameEnd(p, bound, provisional);
        if (nameEnd == INCOMPLETE || nameEnd == bound) {
            return INCOMPLETE;
        }
        if (nameEnd == p) {
            throw syntax("The content of elements must consist of well-formed character data or markup", p);
        }
        push(p, nameEnd);
        attributes.clear();
        p = nameEnd;
        while (true) {
            int spaced = p;
            p = skipSpace(p, bound);
            if (p == bound || buffer[p] == '/' && p + 1 == bound) {
                depth--;
                return INCOMPLETE;
            }
            byte b = buffer[p];
            if (b == '>') {
                break;
            }
            if (b == '/' && buffer[p + 1] == '>') {
                pendingEnd = true;
                p++;
                break;
            }
            if (p == spaced || b == '/') {
                throw syntax("Element type \"" + name() + "\" must be followed by either attribute specifications,"
                        + " \">\" or \"/>\"", p);
            }
            p = attribute(p, bound, provisional);
            if (p == INCOMPLETE) {
                depth--;
                return INCOMPLETE;
            }
        }
        if (attributes.count() > 1) {
            int duplicate = attributes.duplicate(buffer);
            if (duplicate >= 0) {
                throw syntax("Attribute \"" + utf8(attributes.nameStart(duplicate), attributes.nameEnd(duplicate))
                        + "\" was already specified for element \"" + name() + "\"", attributes.nameStart(duplicate));
            }
        }
        return p;
    }

    /** The attribute at p; returns where it ends, or INCOMPLETE when it reaches the bound. */
    private int attribute(int p, int bound, boolean provisional) throws CharConversionException, XmlSyntaxException {
        int nameStart = p;
        int nameEnd = nameEnd(p, bound, provisional);
        if (nameEnd == INCOMPLETE || nameEnd == bound) {
            return INCOMPLETE;
        }
        if (nameEnd == p) {
            throw syntax("Element type \"" + name() + "\" must be followed by either attribute specifications,"
                    + " \">\" or \"/>\"", p);
        }
        checkAttributeName(nameStart, nameEnd);
        p = skipSpace(nameEnd, bound);
        if (p == bound) {
            return INCOMPLETE;
        }
        if (buffer[p] != '=') {
            throw syntax("Attribute name \"" + utf8(nameStart, nameEnd) + "\" associated with an element type \""
                    + name() + "\" must be followed by the ' = ' character", p);
        }
        p = skipSpace(p + 1, bound);
        if (p == bound) {
            return INCOMPLETE;
        }
        byte quote = buffer[p];
        if (quote != '"' && quote != '\'') {
            throw syntax("Open quote is expected for attribute \"" + utf8(nameStart, nameEnd)
                    + "\" associated with an element type \"" + name() + "\"", p);
        }
        int valueStart = p + 1;
        int valueEnd = valueStart;
        while (valueEnd < bound && buffer[valueEnd] != quote) {
            valueEnd++;
        }
        if (valueEnd == bound) {
            return INCOMPLETE;
        }
        addAttribute(nameStart, nameEnd, valueStart, valueEnd);
        return valueEnd + 1;
    }

    /** Checks the value's characters and keeps the attribute, decoding the value when it holds references. */
    private void addAttribute(int nameStart, int nameEnd, int valueStart, int valueEnd)
            throws CharConversionException, XmlSyntaxException {
        boolean decode = false;
        for (int i = valueStart; i < valueEnd; ) {
            byte b = buffer[i];
            if (b >= 0x20) {
                if (b == '<') {
                    throw syntax("The value of attribute \"" + utf8(nameStart, nameEnd) + "\" associated with an"
                            + " element type \"" + name() + "\" must not contain the '<' character", i);
                }
                decode |= b == '&';
                i++;
            } else if (b >= 0) {
                if (b == '\n') {
                    newline(i);
                } else if (b != '\t' && b != '\r') {
                    throw invalidCharacter(b, "value of attribute \"" + utf8(nameStart, nameEnd) + "\"", i);
                }
                decode = true;
                i++;
            } else {
                int decoded = XmlCharacters.decodeUtf8(buffer, i, valueEnd);
                int codePoint = XmlCharacters.codePoint(decoded);
                if (codePoint == 0xFFFE || codePoint == 0xFFFF) {
                    throw invalidCharacter(codePoint, "value of attribute \"" + utf8(nameStart, nameEnd) + "\"", i);
                }
                i += XmlCharacters.length(decoded);
            }
        }
        if (decode) {
            int start = attributes.startDecoded();
            decodeValue(valueStart, valueEnd);
            attributes.addDecoded(nameStart, nameEnd, start);
        } else {
            attributes.add(nameStart, nameEnd, valueStart, valueEnd);
        }
    }

    /** Resolves references and turns white space into spaces, as XML normalises attribute values. */
    private void decodeValue(int from, int to) throws CharConversionException, XmlSyntaxException {
        for (int i = from; i < to; ) {
            byte b = buffer[i];
            if (b == '&') {
                i = parseReference(i, to);
                attributes.appendDecoded(referenceValue);
            } else if (b == '\r' && i + 1 < to && buffer[i + 1] == '\n') {
                i++;
            } else {
                attributes.appendDecoded(b == '\t' || b == '\n' || b == '\r' ? (byte) ' ' : b);
                i++;
            }
        }
    }

    /** An end tag at pos; {@code </name>} as written by every spreadsheet program is matched in place. */
    private void endTag() throws IOException, XmlSyntaxException {
        if (depth > 0) {
            int start = depth > 1 ? nameEnds[depth - 2] : 0;
            int length = nameEnds[depth - 1] - start;
            int p = pos + 2;
            if (p + length < limit) {
                boolean matches = true;
                for (int i = 0; matches && i < length; i++) {
                    matches = buffer[p + i] == names[start + i];
                }
                if (matches && buffer[p + length] == '>') {
                    pos = p + length + 1;
                    pop();
                    return;
                }
            }
        }
        int end = find((byte) '>', pos + 2);
        if (depth == 0) {
            throw syntax(rootSeen ? "The markup in the document following the root element must be well-formed"
                    : "The markup in the document preceding the root element must be well-formed", pos);
        }
        int start = depth > 1 ? nameEnds[depth - 2] : 0;
        int length = nameEnds[depth - 1] - start;
        int p = pos + 2;
        boolean matches = end - p >= length;
        for (int i = 0; matches && i < length; i++) {
            matches = buffer[p + i] == names[start + i];
        }
        p += length;
        if (!matches || p < end && !XmlCharacters.isSpace(buffer[p])) {
            throw syntax("The element type \"" + new String(names, start, length, StandardCharsets.UTF_8)
                    + "\" must be terminated by the matching end-tag \"</"
                    + new String(names, start, length, StandardCharsets.UTF_8) + ">\"", pos);
        }
        if (skipSpace(p, end) != end) {
            throw syntax("The end-tag for element type \"" + new String(names, start, length, StandardCharsets.UTF_8)
                    + "\" must end with a '>' delimiter", p);
        }
        pos = end + 1;
        pop();
    }

    /** The {@code >} that ends the tag starting at pos, outside quoted values; the whole tag is then in the buffer. */
    private int tagEnd() throws IOException, XmlSyntaxException {
        int p = pos + 1;
        byte quote = 0;
        while (true) {
            byte[] bytes = buffer;
            for (int end = limit; p < end; p++) {
                byte b = bytes[p];
                if (quote != 0) {
                    if (b == quote) {
                        quote = 0;
                    }
                } else if (b == '>') {
                    return p;
                } else if (b == '"' || b == '\'') {
                    quote = b;
                }
            }
            p -= keepFrom(pos);
        }
    }

    /** The first b at or after from, reading on as needed while keeping the bytes from pos in the buffer. */
    private int find(byte b, int from) throws IOException, XmlSyntaxException {
        int p = from;
        while (true) {
            for (int end = limit; p < end; p++) {
                if (buffer[p] == b) {
                    return p;
                }
            }
            p -= keepFrom(pos);
        }
    }

    /** {@code <!} at pos: a comment, a CDATA section (its text added to text if not null) or a DOCTYPE. */
    private boolean declaration(TextCollector text) throws IOException, XmlSyntaxException {
        ensure(CDATA.length);
        if (startsWith(COMMENT)) {
            comment();
        } else if (startsWith(CDATA) && depth > 0) {
            cdata(text);
        } else if (startsWith(DOCTYPE_DECLARATION) && depth == 0 && !rootSeen) {
            return true;
        } else {
            throw syntax(depth > 0 ? "The content of elements must consist of well-formed character data or markup"
                    : "The markup in the document " + (rootSeen ? "following" : "preceding")
                    + " the root element must be well-formed", pos);
        }
        return false;
    }

    private void comment() throws IOException, XmlSyntaxException {
        pos += COMMENT.length;
        while (true) {
            if (!ensure(3)) {
                throw syntax(UNFINISHED, pos);
            }
            byte b = buffer[pos];
            if (b == '-' && buffer[pos + 1] == '-') {
                if (buffer[pos + 2] != '>') {
                    throw syntax("The string \"--\" is not permitted within comments", pos);
                }
                pos += 3;
                return;
            }
            if (b >= 0x20) {
                pos++;
            } else {
                otherCharacter(null, "comment");
            }
        }
    }

    private void cdata(TextCollector text) throws IOException, XmlSyntaxException {
        pos += CDATA.length;
        while (true) {
            if (!ensure(3)) {
                throw syntax("The CDATA section must end with \"]]>\"", pos);
            }
            byte b = buffer[pos];
            if (b == ']' && buffer[pos + 1] == ']' && buffer[pos + 2] == '>') {
                pos += 3;
                return;
            }
            if (b >= 0x20) {
                if (text != null) {
                    text.append((char) b);
                }
                pos++;
            } else {
                otherCharacter(text, "CDATA section");
            }
        }
    }

    /** {@code <?target ...?>} at pos; the XML declaration when it opens the part. */
    private void processingInstruction() throws IOException, XmlSyntaxException {
        int end = pos + 2;
        while (true) {
            end = find((byte) '?', end);
            while (end + 1 == limit) {
                end -= keepFrom(pos);
            }
            if (buffer[end + 1] == '>') {
                break;
            }
            end++;
        }
        int targetEnd = nameEnd(pos + 2, end);
        if (targetEnd == pos + 2) {
            throw syntax("The processing instruction must begin with the name of the target", pos);
        }
        boolean xml = targetEnd - pos - 2 == 3 && ascii(pos + 2, targetEnd).equalsIgnoreCase("xml");
        if (xml && base + pos != declarationAt) {
            throw syntax("The processing instruction target matching \"[xX][mM][lL]\" is not allowed", pos);
        }
        if (targetEnd < end && !XmlCharacters.isSpace(buffer[targetEnd])) {
            throw syntax("White space is required between the processing instruction target and data", targetEnd);
        }
        if (xml) {
            String encoding = XmlDeclaration.encoding(buffer, targetEnd, end, this::syntax);
            for (int p = targetEnd; p < end; p++) {
                if (buffer[p] == '\n') {
                    newline(p);
                }
            }
            pos = end + 2;
            Charset charset = encoding == null || recoded ? null : XmlDeclaration.charset(encoding, this::syntax, pos);
            if (charset != null) {
                recode(charset);
            }
            return;
        }
        for (int p = targetEnd; p < end; ) {
            byte b = buffer[p];
            if (b >= 0x20 || b == '\t' || b == '\r') {
                p++;
            } else if (b == '\n') {
                newline(p++);
            } else if (b >= 0) {
                throw invalidCharacter(b, "processing instruction", p);
            } else {
                p += XmlCharacters.length(XmlCharacters.decodeUtf8(buffer, p, end));
            }
        }
        pos = end + 2;
    }

    // ---- encodings ----

    private void detectEncoding() throws IOException, XmlSyntaxException {
        ensure(4);
        if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            pos = 3;
            declarationAt = 3;
            return;
        }
        Charset utf16 = XmlDeclaration.utf16(buffer, limit);
        if (utf16 != null) {
            recode(utf16);
        }
    }

    /** From pos on, the part's bytes come through {@link Utf8Recoding}. */
    private void recode(Charset charset) {
        InputStream rest = new SequenceInputStream(
                new ByteArrayInputStream(Arrays.copyOfRange(buffer, pos, limit)), in);
        in = new Utf8Recoding(rest, charset);
        recoded = true;
        base += pos;
        declarationAt = base;
        limit = 0;
        pos = 0;
        inputEnded = false;
    }

    // ---- input ----

    /** Whether n bytes from pos are in the buffer, reading more as needed; false if the part ends first. */
    private boolean ensure(int n) throws IOException, XmlSyntaxException {
        while (limit - pos < n) {
            if (!more()) {
                return false;
            }
        }
        return true;
    }

    /** Reads more of the part, dropping the bytes before pos; false at its end. */
    private boolean more() throws IOException, XmlSyntaxException {
        return refill(pos) >= 0;
    }

    /** Reads more while keeping the markup from keep on, which must end in the part; returns the shift. */
    private int keepFrom(int keep) throws IOException, XmlSyntaxException {
        int shift = refill(keep);
        if (shift < 0) {
            throw syntax(UNFINISHED, pos);
        }
        return shift;
    }

    /**
     * Moves the bytes from keep on to the start of the buffer (growing it when they fill it) and reads after them.
     * Returns how far positions moved, or -1 at the end of the part.
     */
    private int refill(int keep) throws IOException, XmlSyntaxException {
        if (inputEnded) {
            return -1;
        }
        if (keep > 0) {
            System.arraycopy(buffer, keep, buffer, 0, limit - keep);
            limit -= keep;
            pos -= keep;
            base += keep;
        } else if (limit == buffer.length) {
            if (buffer.length >= MAX_MARKUP_BYTES) {
                throw syntax("markup longer than " + Sizes.bytes(MAX_MARKUP_BYTES) + " (a tag, a reference or a"
                        + " processing instruction); spreadsheet programs write nothing like it", pos);
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        while (read == 0) {
            read = in.read(buffer, limit, buffer.length - limit);
        }
        if (read < 0) {
            inputEnded = true;
            return keep > 0 ? keep : -1;
        }
        limit += read;
        return keep;
    }

    // ---- names and characters ----

    private int nameEnd(int p, int end) throws CharConversionException {
        return nameEnd(p, end, false);
    }

    /**
     * Where the name at p ends, before end; p when there is none. A provisional reading returns INCOMPLETE for a
     * UTF-8 sequence cut by end, which more input may complete.
     */
    private int nameEnd(int p, int end, boolean provisional) throws CharConversionException {
        if (p >= end || !XmlCharacters.isNameStart(buffer[p])) {
            return p;
        }
        byte[] bytes = buffer;
        int q = p;
        while (q < end) {
            byte b = bytes[q];
            if (b >= 0) {
                if (!XmlCharacters.isNamePart(b)) {
                    break;
                }
                q++;
            } else {
                if (provisional && q + XmlCharacters.utf8Length(b) > end) {
                    return INCOMPLETE;
                }
                q += XmlCharacters.length(XmlCharacters.decodeUtf8(buffer, q, end));
            }
        }
        return q;
    }

    /**
     * An attribute name with a colon, unless it starts with one, is a prefix and a local name ({@code xml:space}),
     * as the JDK's parser requires of attributes even without namespace processing.
     */
    private void checkAttributeName(int from, int to) throws XmlSyntaxException {
        if (buffer[from] == ':') {
            return;
        }
        for (int colon = from + 1; colon < to; colon++) {
            if (buffer[colon] == ':') {
                if (colon + 1 == to || !XmlCharacters.isNameStart(buffer[colon + 1]) || buffer[colon + 1] == ':') {
                    throw syntax("Element or attribute \"" + utf8(from, colon + 1) + "\" do not match QName"
                            + " production: QName::=(NCName:)?NCName", from);
                }
                for (int second = colon + 1; second < to; second++) {
                    if (buffer[second] == ':') {
                        throw syntax("Attribute name \"" + utf8(from, second) + "\" associated with an element"
                                + " type \"" + name() + "\" must be followed by the ' = ' character", second);
                    }
                }
                return;
            }
        }
    }

    /** Opens an element whose name is in the buffer, copying the name (with a byte loop: names are short). */
    private void push(int from, int to) {
        int start = depth > 0 ? nameEnds[depth - 1] : 0;
        int length = to - from;
        if (start + length > names.length) {
            names = Arrays.copyOf(names, Math.max(names.length * 2, start + length));
        }
        if (depth == nameEnds.length) {
            nameEnds = Arrays.copyOf(nameEnds, depth * 2);
            localNameStarts = Arrays.copyOf(localNameStarts, depth * 2);
        }
        int local = start;
        for (int i = 0; i < length; i++) {
            byte b = buffer[from + i];
            names[start + i] = b;
            if (b == ':') {
                local = start + i + 1;
            }
        }
        nameEnds[depth] = start + length;
        localNameStarts[depth++] = local;
        nameStart = start;
        nameEnd = start + length;
        localNameStart = local;
    }

    private void pop() {
        depth--;
        nameStart = depth > 0 ? nameEnds[depth - 1] : 0;
        nameEnd = nameEnds[depth];
        localNameStart = localNameStarts[depth];
    }

    private int skipSpace(int p, int end) {
        while (p < end && XmlCharacters.isSpace(buffer[p])) {
            if (buffer[p] == '\n') {
                newline(p);
            }
            p++;
        }
        return p;
    }

    private boolean startsWith(byte[] prefix) {
        if (limit - pos < prefix.length) {
            return false;
        }
        return Arrays.equals(buffer, pos, pos + prefix.length, prefix, 0, prefix.length);
    }

    private void newline(int at) {
        line++;
        lineStart = base + at + 1;
    }

    private XmlSyntaxException invalidCharacter(int character, String where, int at) {
        return syntax("An invalid XML character (Unicode: 0x" + Integer.toHexString(character & 0x1FFFFF)
                .toUpperCase(Locale.ROOT) + ") was found in the " + where, at);
    }

    private XmlSyntaxException syntax(String problem, int at) {
        return new XmlSyntaxException(problem, line, Math.max(1, base + at - lineStart + 1));
    }

    private String ascii(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private String utf8(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.UTF_8);
    }

    /** A name as the bytes {@link #isNamed} and {@link #isAttribute} compare with. */
    static byte[] name(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
