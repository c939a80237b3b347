package org.detainerlab.ingest.read.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link XmlScanner} against the JDK's own XML parser: on thousands of documents, most of them damaged at random,
 * both must accept or refuse the same ones and read the same elements, attributes and text from those they
 * accept. Every document is fed a few bytes at a time into a scanner whose buffer starts tiny, so that each
 * token straddles a refill and the buffer has to grow.
 */
class XmlScannerTest {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    /** Valid documents the mutations start from: a sheet as Excel writes it, and every construct XML allows. */
    private static final List<String> SEEDS = List.of(
            DECLARATION + "<worksheet xmlns=\"urn:main\" xmlns:r=\"urn:rel\"><dimension ref=\"A1:C2\"/><sheetData>"
                    + "<row r=\"1\" spans=\"1:3\"><c r=\"A1\" s=\"3\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\">"
                    + "<is><t>TEXAS</t></is></c><c r=\"C1\"><v>42035.5</v></c></row><row r=\"2\"><c r=\"A2\""
                    + " t=\"inlineStr\"><is><r><rPr><b/></rPr><t xml:space=\"preserve\">rich </t></r><r><t>text</t>"
                    + "</r></is></c></row></sheetData></worksheet>",
            "<?xml version='1.0'?>\r\n<!-- a comment - not markup <a> -->\n<?pi some data?>\n<x:root x:a='1' b = \"2\">"
                    + "\r\n  <x:c>a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; &#65;&#x42;&#x1F600;</x:c>\r"
                    + "  <d><![CDATA[<not> & markup ]] ]>]]></d><e/><f  g=\"&#10;&#x9;x\ty\r\nz\" />"
                    + "<!----><?target?></x:root>\n<!-- after -->\n",
            "<sst count=\"3\" uniqueCount=\"3\"><si><t>Zürich – 東京 – \uD83D\uDE00</t></si><si><r><t>a</t></r>"
                    + "<r><t>_x000D_b</t></r><rPh sb=\"0\" eb=\"1\"><t>ふ</t></rPh></si><si><t/></si></sst>",
            "<a><b><c><d><e>deep</e>tail</d>mixed<d/></c></b>text]after</a>");

    private static final String ALPHABET = "<>/=\"'&;#x![]-?: \t\r\nabcAB01\u00E9";

    @Test
    void agreesWithTheJdkParserOnDamagedDocuments() throws Exception {
        SplittableRandom random = new SplittableRandom(20261121);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 6_000; i++) {
            byte[] document = mutate(SEEDS.get(i % SEEDS.size()).getBytes(StandardCharsets.UTF_8), random);
            if (compare(document, random)) {
                accepted++;
            } else {
                refused++;
            }
        }
        // the comparison means something only if both outcomes are common
        assertThat(accepted).isGreaterThan(300);
        assertThat(refused).isGreaterThan(3_000);
    }

    @Test
    void readsTheSeedsAsTheJdkParserDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        for (String seed : SEEDS) {
            assertThat(compare(seed.getBytes(StandardCharsets.UTF_8), random)).as(seed).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-16BE", "ISO-8859-1", "windows-1252"})
    void readsOtherEncodingsAsUtf8(String encoding) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>"
                + "<root a=\"\u00E9\">caf\u00E9 &amp; cr\u00E8me</root>";
        byte[] bytes = xml.getBytes(encoding);
        List<Element> read = scan(bytes, 16, new SplittableRandom(2), jdk(bytes));

        assertThat(read).singleElement().satisfies(root -> {
            assertThat(root.text()).isEqualTo("caf\u00E9 & cr\u00E8me");
            assertThat(root.attributes()).containsExactly("a=\u00E9");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"<a>\u00FF</a>", "<a>\u00C3\u0028</a>", "<a>\u00E0\u0080\u0080</a>",
        "<a>\u00ED\u00A0\u0080</a>", "<a>\u00F4\u0090\u0080\u0080</a>", "<a b=\"\u00C3\"/>", "<a>\u00C3"})
    void refusesBytesThatAreNotUtf8(String latin1) {
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> scan(bytes, 16, new SplittableRandom(3))).isInstanceOf(IOException.class);
    }

    @Test
    void refusesMarkupLongerThanItsBound() {
        byte[] bytes = ("<a b=\"" + "x".repeat(XmlScanner.MAX_MARKUP_BYTES) + "\"/>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> scan(bytes, 1 << 17, new SplittableRandom(4)))
                .isInstanceOf(XmlSyntaxException.class).hasMessageContaining("markup longer than 1 MiB");
    }

    @Test
    void refusesNestingDeeperThanItsBound() {
        int depth = XmlScanner.MAX_DEPTH + 1;
        byte[] bytes = ("<a>".repeat(depth) + "</a>".repeat(depth)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> scan(bytes, 1 << 17, new SplittableRandom(5)))
                .isInstanceOf(XmlSyntaxException.class).hasMessageContaining("nested more than 1,000 deep");
    }

    @Test
    void manyAttributesAreCheckedForDuplicatesInLinearTime() throws Exception {
        StringBuilder xml = new StringBuilder("<a");
        for (int i = 0; i < 100_000; i++) {
            xml.append(" a").append(i).append("=\"\"");
        }
        byte[] unique = xml.append("/>").toString().getBytes(StandardCharsets.UTF_8);
        byte[] duplicate = xml.insert(2, " a99999=\"\"").toString().getBytes(StandardCharsets.UTF_8);

        assertThat(scan(unique, 1 << 17, new SplittableRandom(6), null)).singleElement()
                .satisfies(a -> assertThat(a.attributes()).hasSize(100_000));
        assertThatThrownBy(() -> scan(duplicate, 1 << 17, new SplittableRandom(6)))
                .isInstanceOf(XmlSyntaxException.class).hasMessageContaining("Attribute \"a99999\" was already");
    }

    @Test
    void saysWhereTheDocumentBreaks() {
        byte[] bytes = "<a>\n<b>\n  <c></b></a>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> scan(bytes, 8, new SplittableRandom(7))).isInstanceOfSatisfying(
                XmlSyntaxException.class, e -> {
                    assertThat(e).hasMessage("The element type \"c\" must be terminated by the matching end-tag"
                            + " \"</c>\"");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(6);
                });
    }

    /** Whether both parsers accept the document; fails the test when they disagree on it. */
    private static boolean compare(byte[] document, SplittableRandom random) throws Exception {
        String shown = new String(document, StandardCharsets.UTF_8);
        List<Element> expected;
        String jdkRefusal = null;
        try {
            expected = jdk(document);
        } catch (XMLStreamException | IllegalStateException refused) {
            expected = null;
            jdkRefusal = refused.getMessage();
        }
        // a DOCTYPE the scanner refuses outright; encoding names it takes from Java, which knows more than IANA's
        if (expected == null && (shown.contains("<!DOCTYPE") || jdkRefusal.contains("Invalid encoding name"))) {
            return false;
        }
        List<Element> actual;
        try {
            actual = scan(document, 8 + random.nextInt(24), random, expected);
        } catch (XmlSyntaxException | IOException refused) {
            assertThat(expected).as("the JDK parser reads %s, the scanner refuses it: %s", shown, refused.getMessage())
                    .isNull();
            return false;
        }
        assertThat(actual).as("the scanner reads %s%nwhich the JDK parser refuses: %s", shown, jdkRefusal)
                .isEqualTo(expected);
        return true;
    }

    private record Element(String name, List<String> attributes, String text) {
    }

    /** Elements in document order with their attributes and their own text, read by the JDK's parser. */
    private static List<Element> jdk(byte[] document) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(document));
        List<String> names = new ArrayList<>();
        List<List<String>> attributes = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        boolean root = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new IllegalStateException("a DTD, which the scanner refuses");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                root = true;
                open.push(names.size());
                names.add(xml.getLocalName());
                List<String> pairs = new ArrayList<>();
                for (int i = 0; i < xml.getAttributeCount(); i++) {
                    String prefix = xml.getAttributePrefix(i);
                    String name = prefix == null || prefix.isEmpty() ? xml.getAttributeLocalName(i)
                            : prefix + ":" + xml.getAttributeLocalName(i);
                    pairs.add(name + "=" + xml.getAttributeValue(i));
                }
                attributes.add(pairs);
                texts.add(new StringBuilder());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open.pop();
            } else if (!open.isEmpty() && (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                texts.get(open.peek()).append(xml.getText());
            }
        }
        if (!root) {
            throw new IllegalStateException("no root element");
        }
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            elements.add(new Element(names.get(i), attributes.get(i), texts.get(i).toString()));
        }
        return elements;
    }

    /** {@link #scan(byte[], int, SplittableRandom, List)} with nothing to compare attribute names with. */
    private static List<Element> scan(byte[] document, int bufferBytes, SplittableRandom random)
            throws IOException, XmlSyntaxException {
        return scan(document, bufferBytes, random, null);
    }

    /**
     * The same, read by the scanner: the structure in one pass, then the text of the elements at each depth in a
     * pass of its own, since {@link XmlScanner#readText} moves past the element it reads. The scanner tells
     * attribute names only by comparing them, so they are compared with those the JDK's parser read, when it read
     * the document; otherwise they show as "?".
     */
    private static List<Element> scan(byte[] document, int bufferBytes, SplittableRandom random,
                                      List<Element> expected) throws IOException, XmlSyntaxException {
        List<String> names = new ArrayList<>();
        List<List<String>> attributes = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        List<Integer> descendants = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        try (XmlScanner xml = XmlScanner.over(new Trickle(document, random), bufferBytes)) {
            for (int event = xml.next(); event != XmlScanner.END_DOCUMENT; event = xml.next()) {
                if (event == XmlScanner.DOCTYPE) {
                    throw new XmlSyntaxException("DOCTYPE", 0, 0);
                }
                if (event == XmlScanner.START) {
                    names.add(xml.name());
                    List<String> expectedPairs = expected != null && names.size() <= expected.size()
                            ? expected.get(names.size() - 1).attributes() : List.of();
                    List<String> pairs = new ArrayList<>();
                    for (int i = 0; i < xml.attributeCount(); i++) {
                        String name = i < expectedPairs.size() ? expectedPairs.get(i).split("=", 2)[0] : "?";
                        pairs.add((xml.isAttribute(i, name.getBytes(StandardCharsets.UTF_8)) ? name : "?") + "="
                                + new String(xml.valueBytes(i), xml.valueStart(i),
                                xml.valueEnd(i) - xml.valueStart(i), StandardCharsets.UTF_8));
                    }
                    attributes.add(pairs);
                    depths.add(open.size() + 1);
                    descendants.add(0);
                    open.push(names.size() - 1);
                } else {
                    int closed = open.pop();
                    if (!open.isEmpty()) {
                        descendants.set(open.peek(), descendants.get(open.peek()) + descendants.get(closed) + 1);
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw new XmlSyntaxException("no root element", 0, 0);
        }
        String[] texts = new String[names.size()];
        int maxDepth = depths.stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int depth = 1; depth <= maxDepth; depth++) {
            try (XmlScanner xml = XmlScanner.over(new Trickle(document, random), bufferBytes)) {
                int element = -1;
                for (int event = xml.next(); event != XmlScanner.END_DOCUMENT; event = xml.next()) {
                    if (event == XmlScanner.START && depths.get(++element) == depth) {
                        TextCollector text = new TextCollector(Integer.MAX_VALUE - 8);
                        xml.readText(text);
                        texts[element] = text.toString();
                        element += descendants.get(element);
                    }
                }
            }
        }
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            elements.add(new Element(names.get(i), attributes.get(i), texts[i]));
        }
        return elements;
    }

    /** One to four random edits: deleting, inserting or repeating bytes, or cutting the document short. */
    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] document = seed;
        for (int edits = random.nextInt(4) + (random.nextInt(8) == 0 ? 0 : 1); edits > 0; edits--) {
            int at = random.nextInt(document.length + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (random.nextInt(5)) {
                case 0 -> {
                    int length = Math.min(1 + random.nextInt(3), document.length - at);
                    out.write(document, 0, at);
                    out.write(document, at + length, document.length - at - length);
                }
                case 1, 2 -> {
                    out.write(document, 0, at);
                    out.writeBytes(String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length())))
                            .getBytes(StandardCharsets.UTF_8));
                    out.write(document, at, document.length - at);
                }
                case 3 -> {
                    int length = Math.min(1 + random.nextInt(12), document.length - at);
                    out.write(document, 0, at + length);
                    out.write(document, at, document.length - at);
                }
                default -> out.write(document, 0, Math.max(at, document.length * 3 / 4));
            }
            document = out.toByteArray();
        }
        return document;
    }

    /** Gives the bytes one to seven at a time, as an inflater may. */
    private static final class Trickle extends InputStream {

        private final byte[] bytes;
        private final SplittableRandom random;
        private int at;

        Trickle(byte[] bytes, SplittableRandom random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (at == bytes.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, 1 + random.nextInt(7)), bytes.length - at);
            System.arraycopy(bytes, at, target, offset, count);
            at += count;
            return count;
        }
    }
}
